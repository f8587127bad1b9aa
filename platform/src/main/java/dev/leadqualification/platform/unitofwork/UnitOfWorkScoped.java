package dev.leadqualification.platform.unitofwork;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Optional;
import java.util.function.Function;

/**
 * State that lives as long as one unit of work (a command, or a processor's batch of events): made the first time it
 * is asked for in that unit of work, from it, and kept among its resources, so it goes when the unit of work ends.
 * What reads or gathers something once per transaction instead of once per message keeps it here.
 *
 * @param <T> the state
 */
public final class UnitOfWorkScoped<T> {

    private final String key;
    private final boolean root;
    private final Function<UnitOfWork<?>, T> initial;

    private UnitOfWorkScoped(String key, boolean root, Function<UnitOfWork<?>, T> initial) {
        this.key = key;
        this.root = root;
        this.initial = initial;
    }

    /** State of the current unit of work, made by {@code initial} from it; {@code name} tells it from the owner's others. */
    public static <T> UnitOfWorkScoped<T> of(Class<?> owner, String name, Function<UnitOfWork<?>, T> initial) {
        return new UnitOfWorkScoped<>(owner.getName() + "." + name, false, initial);
    }

    /**
     * State of the current unit of work's root, shared by the nested units of work inside it (the commands a saga's
     * batch sends), made by {@code initial} from the root.
     */
    public static <T> UnitOfWorkScoped<T> ofRoot(Class<?> owner, String name, Function<UnitOfWork<?>, T> initial) {
        return new UnitOfWorkScoped<>(owner.getName() + "." + name, true, initial);
    }

    /** The state, made now if this is the first time the unit of work asks; empty outside a unit of work. */
    public Optional<T> current() {
        return unitOfWork().map(unitOfWork -> unitOfWork.getOrComputeResource(key, ignored -> initial.apply(unitOfWork)));
    }

    /** Drops the state, so that the next use in this unit of work makes it again. */
    public void forget() {
        unitOfWork().ifPresent(unitOfWork -> unitOfWork.resources().remove(key));
    }

    private Optional<UnitOfWork<?>> unitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        return Optional.of(root ? current.root() : current);
    }
}
