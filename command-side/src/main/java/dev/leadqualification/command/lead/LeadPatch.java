package dev.leadqualification.command.lead;

import dev.leadqualification.kernel.lead.LeadDetails;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Applies a merge patch to lead details: named fields take the new value (null clears), others stay. */
final class LeadPatch {

    /** The field names a patch may name: the components of {@link LeadDetails}. */
    static final Set<String> FIELDS = Arrays.stream(LeadDetails.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    private LeadPatch() {
    }

    static LeadDetails apply(LeadDetails current, LeadDetails values, Set<String> changedFields) {
        RecordComponent[] components = LeadDetails.class.getRecordComponents();
        Object[] merged = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                types[i] = component.getType();
                LeadDetails source = changedFields.contains(component.getName()) ? values : current;
                merged[i] = component.getAccessor().invoke(source);
            }
            return LeadDetails.class.getDeclaredConstructor(types).newInstance(merged);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("LeadDetails is a record: its accessors and constructor are public", e);
        }
    }
}
