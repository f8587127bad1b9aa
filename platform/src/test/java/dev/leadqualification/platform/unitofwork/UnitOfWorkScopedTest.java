package dev.leadqualification.platform.unitofwork;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class UnitOfWorkScopedTest {

    private final AtomicInteger made = new AtomicInteger();
    private final UnitOfWorkScoped<List<String>> perUnitOfWork = UnitOfWorkScoped.of(UnitOfWorkScopedTest.class,
            "list", unitOfWork -> {
                made.incrementAndGet();
                return new ArrayList<>();
            });
    private final UnitOfWorkScoped<List<String>> perRoot = UnitOfWorkScoped.ofRoot(UnitOfWorkScopedTest.class,
            "list", unitOfWork -> new ArrayList<>(List.of(String.valueOf(unitOfWork.getMessage().getPayload()))));

    @Test
    void theStateIsMadeOncePerUnitOfWorkAndGoesWithIt() {
        inUnitOfWork("first", () -> {
            perUnitOfWork.current().orElseThrow().add("a");
            perUnitOfWork.current().orElseThrow().add("b");
            assertThat(perUnitOfWork.current()).contains(List.of("a", "b"));
        });
        inUnitOfWork("second", () -> assertThat(perUnitOfWork.current()).contains(List.of()));

        assertThat(made).hasValue(2);
    }

    @Test
    void outsideAUnitOfWorkThereIsNone() {
        assertThat(perUnitOfWork.current()).isEmpty();
        perUnitOfWork.forget();
        assertThat(made).hasValue(0);
    }

    @Test
    void forgottenStateIsMadeAgain() {
        inUnitOfWork("batch", () -> {
            perUnitOfWork.current().orElseThrow().add("stale");
            perUnitOfWork.forget();
            assertThat(perUnitOfWork.current()).contains(List.of());
        });
        assertThat(made).hasValue(2);
    }

    /** First asked for inside a command of a saga's batch, it is the batch's: made from it, and kept after the command. */
    @Test
    void rootStateIsTheOutermostUnitOfWorks() {
        inUnitOfWork("saga batch", () -> {
            inUnitOfWork("command", () -> perRoot.current().orElseThrow().add("from the command"));
            assertThat(perRoot.current()).contains(List.of("saga batch", "from the command"));
        });
    }

    private static void inUnitOfWork(String payload, Runnable work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>(payload));
        try {
            work.run();
        } finally {
            unitOfWork.rollback();
        }
    }
}
