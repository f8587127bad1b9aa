package dev.leadqualification.platform.web;

/** One entry of a validation problem's {@code errors}: which field, what is wrong with it. */
public record FieldError(String field, String message) {
}
