package dev.leadqualification.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.command.patching.MergePatch;
import dev.leadqualification.platform.web.ApiProblem;
import dev.leadqualification.platform.web.FieldError;
import dev.leadqualification.platform.web.InvalidRequest;
import dev.leadqualification.platform.web.JsonPaths;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.common.IdentifierFactory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads request bodies that are more than one record: a create with an optional client-chosen id beside the
 * record's fields, a merge patch naming only some fields. Every problem becomes a 400 naming the field.
 */
@Component
public class RequestBodies {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ObjectMapper objectMapper;
    private final Validator validator;

    public RequestBodies(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    /** Removes {@code field} from the body: the client's UUID (normalised to lower case), else a new one. */
    public String takeId(ObjectNode body, String field) {
        JsonNode id = body.remove(field);
        if (id == null || id.isNull()) {
            return IdentifierFactory.getInstance().generateIdentifier();
        }
        if (!id.isTextual() || !UUID_TEXT.matcher(id.asText()).matches()) {
            throw new InvalidRequest(field, "must be a UUID");
        }
        return id.asText().toLowerCase();
    }

    /** Binds the body to {@code type} and checks its rules (and those of {@code groups}, if any). */
    public <T> T readValid(JsonNode body, Class<T> type, Class<?>... groups) {
        T value = read(body, type);
        validate(value, null, groups);
        return value;
    }

    /** Binds the body to {@code type} without checking its rules. */
    public <T> T read(JsonNode body, Class<T> type) {
        try {
            return objectMapper.treeToValue(body, type);
        } catch (JsonMappingException e) {
            throw new InvalidRequest(JsonPaths.of(e), "has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw new InvalidRequest("body", "can't be read");
        }
    }

    /** Checks the rules of {@code value}, reporting only fields under {@code onlyFields} when it is given. */
    public void validate(Object value, Collection<String> onlyFields, Class<?>... groups) {
        Set<ConstraintViolation<Object>> violations = validator.validate(value, withDefault(groups));
        List<FieldError> errors = violations.stream()
                .map(violation -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .filter(error -> onlyFields == null || onlyFields.contains(error.field().split("[.\\[]")[0]))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    /** A merge patch as read: the values of the named fields, and their names. */
    public record Patch<R extends Record>(R values, Set<String> fields) {
    }

    /**
     * Reads a merge patch of {@code type}'s fields: each name must be one of them (else 400; {@code idField}, the
     * record's id, can't be changed), and only the named fields' rules are checked.
     */
    public <R extends Record> Patch<R> readPatch(ObjectNode body, Class<R> type, String idField, String what) {
        Set<String> patchable = MergePatch.of(type).fields();
        Set<String> named = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(named::add);
        List<FieldError> unknown = named.stream().filter(field -> !patchable.contains(field))
                .map(field -> new FieldError(field, field.equals(idField) ? "can't be changed" : "is not a " + what + " field"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequest(unknown);
        }
        R values = read(body, type);
        validate(values, named);
        return new Patch<>(values, named);
    }

    /** A path id that is not a UUID names no record: 404, like an unknown one. */
    public static String pathId(String id, String what) {
        if (!UUID_TEXT.matcher(id).matches()) {
            throw ApiProblem.notFound(what, id);
        }
        return id.toLowerCase();
    }

    private static Class<?>[] withDefault(Class<?>[] groups) {
        Class<?>[] all = new Class<?>[groups.length + 1];
        all[0] = jakarta.validation.groups.Default.class;
        System.arraycopy(groups, 0, all, 1, groups.length);
        return all;
    }

}
