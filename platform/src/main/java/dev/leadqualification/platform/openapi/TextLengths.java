package dev.leadqualification.platform.openapi;

import dev.leadqualification.kernel.common.Text;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;

/** A {@link Text} field's longest length, as its schema's {@code maxLength}. */
class TextLengths implements PropertyCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        if (type.getCtxAnnotations() != null) {
            for (Annotation annotation : type.getCtxAnnotations()) {
                if (annotation instanceof Text text) {
                    property.setMaxLength(text.max());
                }
            }
        }
        return property;
    }
}
