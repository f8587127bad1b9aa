package dev.leadqualification.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the meters of Axon's message monitors ({@code axon-micrometer}, dimensional) names in Micrometer's
 * convention, and keeps only those that say something the others do not:
 * <ul>
 *     <li>{@code commandBus.successTimer}, {@code .failureTimer}, {@code .ignoredTimer} become one timer
 *     {@code axon.command.bus.handling} tagged {@code outcome} (likewise {@code axon.event.processor.handling} and
 *     {@code axon.event.store.handling}): latency and count by outcome and {@code payload.type} (the command or
 *     event type); the processor's name is tagged {@code processor};</li>
 *     <li>the {@code allTimer} (the sum over outcomes), the counters (the timers count the same),
 *     {@code eventProcessor.latency} (milliseconds, and stale while a processor is idle: {@link ProcessorLagMeters}
 *     measures the lag in time) and {@code *.capacity} (a gauge Axon registers again for every message, which
 *     Micrometer warns about) are dropped.</li>
 * </ul>
 * The timers keep no client-side percentiles (Axon asks for six, costly on every message, and not aggregable across
 * instances): Prometheus derives rates and mean latencies from their count and sum.
 */
class AxonMeterNames implements MeterFilter {

    private static final Pattern AXON_METER =
            Pattern.compile("(commandBus|eventProcessor|eventStore|queryBus|queryUpdateEmitter)\\.(\\w+)");
    private static final Pattern OUTCOME_TIMER = Pattern.compile("(success|failure|ignored)Timer");
    private static final Map<String, String> TAG_KEYS = Map.of("payloadType", "payload.type", "processorName", "processor");

    /** Renames the meters kept; the others keep Axon's name, by which {@link #accept} drops them. */
    @Override
    public Meter.Id map(Meter.Id id) {
        Matcher axon = AXON_METER.matcher(id.getName());
        if (!axon.matches()) {
            return id;
        }
        String component = "axon." + dotted(axon.group(1));
        Matcher outcome = OUTCOME_TIMER.matcher(axon.group(2));
        if (!outcome.matches()) {
            return id;
        }
        Meter.Id renamed = id.withName(component + ".handling").withTag(Tag.of("outcome", outcome.group(1)));
        return renamed.replaceTags(renamed.getTags().stream()
                .map(tag -> Tag.of(TAG_KEYS.getOrDefault(tag.getKey(), tag.getKey()), tag.getValue()))
                .toList());
    }

    /** Micrometer asks after mapping: a name still Axon's is one {@link #map} did not keep. */
    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return AXON_METER.matcher(id.getName()).matches() ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().startsWith("axon.")) {
            return config;
        }
        return DistributionStatisticConfig.builder().percentiles(new double[0]).build().merge(config);
    }

    private static String dotted(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1.$2").toLowerCase(Locale.ROOT);
    }
}
