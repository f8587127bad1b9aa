package dev.leadqualification.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.IOException;
import java.lang.reflect.Type;

/**
 * The JSON converter of the command API: Spring's, with two gaps in reading request bodies closed, each now a
 * 400 {@code malformed-request} instead of a server error. A key given twice in one object is refused (instead of
 * the last one silently winning; with a record's constructor Jackson even fails with a type definition error).
 * A number that no Java type can hold (an exponent beyond the int range, {@code 1e2147483648}), which Jackson
 * reports as a bare {@link NumberFormatException} while building a JSON tree, is a malformed body.
 */
public class RequestJsonConverter extends MappingJackson2HttpMessageConverter {

    public RequestJsonConverter(ObjectMapper objectMapper) {
        super(objectMapper.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        try {
            return super.read(type, contextClass, input);
        } catch (NumberFormatException outOfRange) {
            throw numberOutOfRange(outOfRange, input);
        }
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        try {
            return super.readInternal(type, input);
        } catch (NumberFormatException outOfRange) {
            throw numberOutOfRange(outOfRange, input);
        }
    }

    private static HttpMessageNotReadableException numberOutOfRange(NumberFormatException cause, HttpInputMessage input) {
        return new HttpMessageNotReadableException("A number in the body is out of every range", cause, input);
    }
}
