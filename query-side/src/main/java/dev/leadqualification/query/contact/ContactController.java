package dev.leadqualification.query.contact;

import dev.leadqualification.platform.web.ApiProblem;
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

    private final ContactViews contacts;

    public ContactController(ContactViews contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/{contactId}")
    public ContactView contact(@PathVariable String contactId) {
        return contacts.find(RecordIds.parse(contactId, "contact"))
                .orElseThrow(() -> ApiProblem.notFound("contact", contactId));
    }

    @GetMapping
    public Page<ContactView> contacts(@RequestParam(required = false) String q,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return contacts.list(q, new PageRequest(page, size));
    }
}
