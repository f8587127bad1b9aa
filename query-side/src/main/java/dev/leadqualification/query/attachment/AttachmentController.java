package dev.leadqualification.query.attachment;

import dev.leadqualification.platform.web.ApiProblem;
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
    public ResponseEntity<byte[]> attachment(@PathVariable String noteId) {
        StoredAttachment attachment = attachments.find(RecordIds.parse(noteId, "attachment"))
                .orElseThrow(() -> ApiProblem.notFound("attachment", noteId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.mimeType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(attachment.content());
    }
}
