package dev.leadqualification.query.attachment;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.leadqualification.query.readmodel.RecordIds;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/attachments/{noteId}}: the file with its own Content-Type. It is always offered as a download
 * ({@code Content-Disposition: attachment}), so an uploaded HTML or SVG file is never rendered in the API's origin.
 */
@RestController
public class AttachmentController {

    private final AttachmentViews attachments;

    public AttachmentController(AttachmentViews attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/attachments/{noteId}")
    @ApiResponse(responseCode = "200", description = "The file, with the Content-Type it was uploaded with",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<byte[]> attachment(@PathVariable String noteId) {
        StoredAttachment attachment = RecordIds.find(noteId, "attachment", attachments::find);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.mimeType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, download(attachment.fileName()).toString())
                .body(attachment.content());
    }

    /** A plain {@code filename="..."} for ASCII names; others also get the RFC 5987 {@code filename*=UTF-8''...}. */
    private static ContentDisposition download(String fileName) {
        ContentDisposition.Builder disposition = ContentDisposition.attachment();
        return (StandardCharsets.US_ASCII.newEncoder().canEncode(fileName)
                ? disposition.filename(fileName)
                : disposition.filename(fileName, StandardCharsets.UTF_8)).build();
    }
}
