package dev.leadqualification.kernel.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field as people type it: at most {@link #max} characters (UTF-16 units, see {@link TextLimits}), no
 * control characters (U+0000 to U+001F and U+007F; a {@link #multiline} text may have tabs and line breaks),
 * and no unpaired surrogate, which no UTF-8 text column can store. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Text.Validator.class)
public @interface Text {

    int max();

    /** Whether tabs, line feeds and carriage returns are allowed (long texts); one line otherwise. */
    boolean multiline() default false;

    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, CharSequence> {

        private int max;
        private boolean multiline;

        @Override
        public void initialize(Text text) {
            max = text.max();
            multiline = text.multiline();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            String problem = value == null ? null : problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        private String problem(CharSequence value) {
            if (value.length() > max) {
                return "must be at most " + max + " characters";
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (isControl(c)) {
                    return multiline ? "must not contain control characters other than tabs and line breaks"
                            : "must be one line without control characters";
                }
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return "must be valid Unicode (it has an unpaired surrogate)";
                }
            }
            return null;
        }

        private boolean isControl(char c) {
            boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
            return (c < 0x20 || c == 0x7F) && !(multiline && lineBreakOrTab);
        }
    }
}
