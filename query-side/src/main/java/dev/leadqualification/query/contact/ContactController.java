package dev.leadqualification.query.contact;

import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.RecordIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/contacts/{id}} and the contact list. */
@RestController
@RequestMapping("/api/contacts")
public class ContactController {

    private final ContactTable contacts;

    public ContactController(ContactTable contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/{contactId}")
    public ContactView contact(@PathVariable String contactId) {
        return RecordIds.find(contactId, "contact", id -> contacts.find(id).map(ContactView::of));
    }

    @GetMapping
    public Page<ContactView> contacts(@RequestParam(required = false) String q, PageRequest page) {
        return contacts.list(q, page).map(ContactView::of);
    }
}
