package dev.leadqualification.platform.processing;

import dev.leadqualification.platform.fence.AxonExtension;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.SubscribableMessageSource;

/**
 * Axon's event processing, with every pooled and subscribing processor's invoker, and each of its processing
 * groups' invokers, wrapped in a {@link TypeMemoizingEventHandlerInvoker}; and a pooled processor's coordinator on a
 * {@link PromptCoordinatorExecutor}, which its work packages prompt as they start a batch. Everything else
 * (dead-letter queues, error handlers, token stores, the processors' settings) is Axon's own.
 */
@AxonExtension(name = StreamlinedEventProcessingModule.NAME, reliesOn = {
        "EventProcessingModule builds every pooled and subscribing processor through its protected"
                + " pooledStreamingEventProcessor and subscribingEventProcessor methods, with the processor's invoker",
        "MultiEventHandlerInvoker.delegates() lists one invoker per processing group, and an invoker's handlers, hence"
                + " its canHandleType and supportsReset answers, are fixed once it is built",
        "A pooled processor's Coordinator runs its rounds on the coordinatorExecutor it is given, puts a round off with"
                + " schedule(..) (100 ms when a work package's queue is full), and a round run early is harmless",
        "WorkPackage handles each batch through the invoker in a unit of work (BatchStartSignallingInvoker's signal)"})
class StreamlinedEventProcessingModule extends EventProcessingModule {

    static final String NAME = "streamlined-processing";


    @Override
    protected EventProcessor pooledStreamingEventProcessor(String name, EventHandlerInvoker eventHandlerInvoker,
                                                           Configuration config,
                                                           StreamableMessageSource<TrackedEventMessage<?>> messageSource,
                                                           PooledStreamingProcessorConfiguration processorConfiguration) {
        PromptCoordinatorExecutor coordinator = new PromptCoordinatorExecutor(name);
        config.onShutdown(coordinator::shutdown);
        EventHandlerInvoker invoker = new BatchStartSignallingInvoker(memoizing(eventHandlerInvoker),
                coordinator::runDeferredRounds);
        return super.pooledStreamingEventProcessor(name, invoker, config, messageSource,
                processorConfiguration.andThen((c, builder) -> builder.coordinatorExecutor(coordinator)));
    }

    @Override
    protected EventProcessor subscribingEventProcessor(String name, EventHandlerInvoker eventHandlerInvoker,
                                                       SubscribableMessageSource<? extends EventMessage<?>> messageSource) {
        return super.subscribingEventProcessor(name, memoizing(eventHandlerInvoker), messageSource);
    }

    /** A processor's invoker holds one invoker per processing group assigned to it. */
    private static EventHandlerInvoker memoizing(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker groups) {
            return new TypeMemoizingEventHandlerInvoker(new MultiEventHandlerInvoker(
                    groups.delegates().stream().<EventHandlerInvoker>map(TypeMemoizingEventHandlerInvoker::new)
                            .toList()));
        }
        return new TypeMemoizingEventHandlerInvoker(invoker);
    }
}
