package dev.leadqualification.command.patching;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A JSON merge patch on a record's fields: the fields it names take the new value (null clears), the others stay.
 * One per patchable record type (a lead's details, an opportunity's edits).
 */
public final class MergePatch<R extends Record> {

    private final Class<R> type;
    private final RecordComponent[] components;
    private final Set<String> fields;

    private MergePatch(Class<R> type) {
        this.type = type;
        this.components = type.getRecordComponents();
        this.fields = Arrays.stream(components).map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static <R extends Record> MergePatch<R> of(Class<R> type) {
        return new MergePatch<>(type);
    }

    /** The field names a patch may name: the record's components. */
    public Set<String> fields() {
        return fields;
    }

    /** {@code current} with the {@code changedFields} taken from {@code values}. */
    public R apply(R current, R values, Set<String> changedFields) {
        Object[] merged = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                types[i] = component.getType();
                R source = changedFields.contains(component.getName()) ? values : current;
                merged[i] = component.getAccessor().invoke(source);
            }
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(merged);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " is a public record: its accessors and"
                    + " canonical constructor are public", e);
        }
    }
}
