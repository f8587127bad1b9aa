package dev.leadqualification.command.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** Answers to commands about one record: they carry the record's new version as {@code ETag: "N"}. */
public final class CommandAnswers {

    /** The 409 {@code id-conflict} of a create, for the API description. */
    public static final String ID_TAKEN = "A record with this id already exists with other details.";

    private CommandAnswers() {
    }

    public static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().headers(version()).body(body);
    }

    public static <T> ResponseEntity<T> created(URI location, T body) {
        return ResponseEntity.created(location).headers(version()).body(body);
    }

    /** Created, where the new thing has no address of its own (a note lives in its lead). */
    public static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).headers(version()).body(body);
    }

    public static ResponseEntity<Void> noContent() {
        return ResponseEntity.noContent().headers(version()).build();
    }

    public static ResponseEntity<Void> accepted() {
        return ResponseEntity.accepted().headers(version()).build();
    }

    private static HttpHeaders version() {
        HttpHeaders headers = new HttpHeaders();
        Long version = AggregateVersions.current();
        if (version != null) {
            headers.setETag("\"" + version + "\"");
        }
        return headers;
    }
}
