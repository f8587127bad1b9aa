package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.common.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A file attached to a note. The bytes travel base64-encoded in JSON. */
public record Attachment(
        @NotBlank @Size(max = TextLimits.LINE) String fileName,
        @NotBlank @Size(max = TextLimits.NAME) @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+", message = "must be a MIME type, e.g. application/pdf") String mimeType,
        @NotNull byte[] content) {

    /** The most an attachment may hold, decoded. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public int size() {
        return content.length;
    }
}
