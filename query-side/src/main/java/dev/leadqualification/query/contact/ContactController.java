package dev.leadqualification.query.contact;

import dev.leadqualification.query.consistency.MinVersionReads;
import dev.leadqualification.query.readmodel.OwnerParameter;
import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.RecordIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/** {@code GET /api/contacts/{id}}, also with {@code ?minVersion=N}, and the contact list. */
@RestController
@RequestMapping("/api/contacts")
public class ContactController {

    private final ContactTable contacts;
    private final MinVersionReads minVersionReads;

    public ContactController(ContactTable contacts, MinVersionReads minVersionReads) {
        this.contacts = contacts;
        this.minVersionReads = minVersionReads;
    }

    @GetMapping("/{contactId}")
    public ContactView contact(@PathVariable String contactId) {
        return RecordIds.find(contactId, "contact", id -> contacts.find(id).map(ContactView::of));
    }

    @GetMapping(value = "/{contactId}", params = MinVersionReads.PARAMETER)
    public CompletableFuture<ResponseEntity<Object>> contact(@PathVariable String contactId,
                                                             @RequestParam(MinVersionReads.PARAMETER) String minVersion) {
        return minVersionReads.await("contact", contactId, minVersion, id -> contacts.find(id).map(ContactView::of),
                ContactView::version);
    }

    @GetMapping
    public Page<ContactView> contacts(@RequestParam(name = OwnerParameter.NAME, required = false) String owner,
                                  @RequestParam(required = false) String q, PageRequest page) {
        return contacts.list(OwnerParameter.resolve(owner), q, page).map(ContactView::of);
    }
}
