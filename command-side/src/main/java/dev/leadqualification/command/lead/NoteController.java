package dev.leadqualification.command.lead;

import dev.leadqualification.command.ownership.AssignmentController;
import dev.leadqualification.platform.openapi.ProblemAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.leadqualification.command.web.CommandAnswers;
import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import dev.leadqualification.kernel.lead.AddNote;
import dev.leadqualification.kernel.lead.Attachment;
import dev.leadqualification.platform.web.ApiProblem;
import dev.leadqualification.platform.web.InvalidRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;
import java.util.Map;

import static dev.leadqualification.command.web.RequestBodies.pathId;

/** {@code POST /api/leads/{id}/notes}: a note with an optional attachment of up to 5 MiB. */
@RestController
public class NoteController {

    private final CommandGateway commands;

    public NoteController(CommandGateway commands) {
        this.commands = commands;
    }

    record NoteRequest(@Text(max = TextLimits.TITLE) String title,
                       @Text(max = TextLimits.LONG_TEXT, multiline = true) String text,
                       @Valid AttachmentUpload attachment) {
    }

    record AttachmentUpload(@NotBlank @Text(max = TextLimits.LINE) String fileName,
                            @NotBlank @Text(max = TextLimits.NAME)
                            @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+", message = "must be a MIME type, e.g. application/pdf")
                            String mimeType,
                            @NotNull String contentBase64) {
    }

    @PostMapping(path = "/api/leads/{id}/notes", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "lead-closed", when = LeadController.CLOSED)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = AssignmentController.NOT_OWNER)
    public ResponseEntity<Map<String, String>> add(@PathVariable String id, @Valid @RequestBody NoteRequest note) {
        String leadId = pathId(id, "lead");
        if (isBlank(note.title()) && isBlank(note.text()) && note.attachment() == null) {
            throw new InvalidRequest("text", "a note needs a title, a text or an attachment");
        }
        String noteId = IdentifierFactory.getInstance().generateIdentifier();
        commands.sendAndWait(new AddNote(leadId, noteId, note.title(), note.text(), decode(note.attachment())));
        return CommandAnswers.created(Map.of("noteId", noteId));
    }

    private static Attachment decode(AttachmentUpload upload) {
        if (upload == null) {
            return null;
        }
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(upload.contentBase64());
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidRequest("attachment.contentBase64", "must be base64-encoded");
        }
        if (content.length > Attachment.MAX_BYTES) {
            throw ApiProblem.payloadTooLarge("The attachment is " + content.length + " bytes; at most "
                    + Attachment.MAX_BYTES + " (5 MiB) are accepted.");
        }
        return new Attachment(upload.fileName(), upload.mimeType(), content);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
