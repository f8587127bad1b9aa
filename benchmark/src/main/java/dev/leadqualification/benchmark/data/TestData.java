package dev.leadqualification.benchmark.data;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The records the benchmark creates, unique under the default duplicate rules (distinct account names and
 * e-mails, distinct contact e-mails and first + last names) so that nothing is refused or flagged unless a
 * duplicate is meant. Every name carries the run's random tag and the set's label, so runs on the same database
 * never collide and a set of leads can be found again with one search term ({@link #searchTerm}).
 */
public final class TestData {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    /** Leads of a set that share a part's search term ({@link #partTerm}): the lead list's largest page. */
    public static final int LEADS_PER_PART = 200;
    private static final int PARTS = 26 * 26 * 26;

    private final String tag;

    public TestData(String tag) {
        this.tag = tag;
    }

    /** Data with a new random tag (letters only, so a search term never runs into a record number). */
    public static TestData forNewRun() {
        SecureRandom random = new SecureRandom();
        StringBuilder tag = new StringBuilder("r");
        for (int i = 0; i < 7; i++) {
            tag.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return new TestData(tag.toString());
    }

    /**
     * The text found in the searchable fields of every lead of {@code set} and of no other lead. Set labels are
     * letters only and none is the beginning of another.
     */
    public String searchTerm(String set) {
        return tag + set;
    }

    /**
     * The text found in the leads of one part of {@code set} (leads {@code part} × {@value #LEADS_PER_PART} on) and
     * of no other lead: the set's term and the part's number in three letters, so that no part's term begins
     * another's. The lead list finds one part alone, so a read of it costs what a part holds, not what the set does.
     */
    public String partTerm(String set, int part) {
        if (part < 0 || part >= PARTS) {
            throw new IllegalArgumentException("A set has at most " + PARTS + " parts of " + LEADS_PER_PART + " leads");
        }
        return searchTerm(set) + "q" + LETTERS.charAt(part / (26 * 26)) + LETTERS.charAt(part / 26 % 26)
                + LETTERS.charAt(part % 26);
    }

    /** {@code POST /api/leads}: lead {@code n} of {@code set}, with every field qualifying copies to the records. */
    public Map<String, Object> lead(String set, int n) {
        String term = searchTerm(set);
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("leadId", leadId(set, n).toString());
        lead.put("topic", "Benchmark deal " + n + " of " + term);
        lead.put("firstName", "Lead");
        lead.put("lastName", "Person " + n + " " + term);
        lead.put("jobTitle", "Purchasing manager");
        lead.put("companyName", "Company " + n + " " + partTerm(set, n / LEADS_PER_PART));
        lead.put("email", "lead" + n + "." + term + "@leads.example");
        lead.put("businessPhone", "+1 555 0100 " + n);
        lead.put("address", Map.of("line1", n + " Market Street", "city", "Springfield", "country", "US"));
        lead.put("estimatedValue", Map.of("amount", 1000 + n % 9000, "currency", "EUR"));
        lead.put("leadSource", "TRADE_SHOW");
        return lead;
    }

    /** {@code POST /api/leads/{id}/notes}: the one note each lead carries over to its opportunity. */
    public Map<String, Object> note(int n) {
        return Map.of("title", "First call", "text", "Call " + n + ": wants a quote before the end of the quarter.");
    }

    /** An account's body (as {@code POST /api/accounts} and the import take it): account {@code n} of {@code set}. */
    public Map<String, Object> account(String set, long n) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("accountId", id("account", set, n).toString());
        account.put("name", accountName(set, n));
        account.put("email", accountEmail(set, n));
        account.put("phone", "+1 555 0200 " + n);
        account.put("address", Map.of("line1", n + " Industrial Road", "city", "Shelbyville", "country", "US"));
        return account;
    }

    /** A contact's body (as {@code POST /api/contacts} and the import take it): contact {@code n} of {@code set}. */
    public Map<String, Object> contact(String set, long n) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("contactId", id("contact", set, n).toString());
        contact.put("firstName", "Contact");
        contact.put("lastName", contactLastName(set, n));
        contact.put("email", contactEmail(set, n));
        contact.put("jobTitle", "Buyer");
        contact.put("businessPhone", "+1 555 0300 " + n);
        return contact;
    }

    /**
     * A new account that duplicates account {@code n} of {@code set} under one default rule: the same name for
     * even {@code probe} numbers, the same e-mail (in other letter case) for odd ones.
     */
    public Map<String, Object> accountDuplicate(String set, long n, int probe) {
        Map<String, Object> account = new LinkedHashMap<>();
        boolean sameName = probe % 2 == 0;
        account.put("name", sameName ? accountName(set, n) : "Probe account " + probe + " " + tag);
        account.put("email", sameName ? "probe" + probe + "." + tag + "@probes.example" : accountEmail(set, n).toUpperCase());
        return account;
    }

    /** A new contact that duplicates contact {@code n} of {@code set}: the same name, or the same e-mail. */
    public Map<String, Object> contactDuplicate(String set, long n, int probe) {
        Map<String, Object> contact = new LinkedHashMap<>();
        boolean sameName = probe % 2 == 0;
        contact.put("firstName", sameName ? "Contact" : "Probe");
        contact.put("lastName", sameName ? contactLastName(set, n) : "Person " + probe + " " + tag);
        contact.put("email", sameName ? "probe" + probe + "." + tag + "@probes.example" : contactEmail(set, n).toUpperCase());
        return contact;
    }

    /** The id lead {@code n} of {@code set} is created with: the same on every attempt, so a retry is no second lead. */
    public UUID leadId(String set, long n) {
        return id("lead", set, n);
    }

    private UUID id(String kind, String set, long n) {
        return UUID.nameUUIDFromBytes((kind + "/" + searchTerm(set) + "/" + n).getBytes(StandardCharsets.UTF_8));
    }

    private String accountName(String set, long n) {
        return "Account " + n + " " + searchTerm(set);
    }

    private String accountEmail(String set, long n) {
        return "account" + n + "." + searchTerm(set) + "@accounts.example";
    }

    private String contactLastName(String set, long n) {
        return "Person " + n + " " + searchTerm(set);
    }

    private String contactEmail(String set, long n) {
        return "contact" + n + "." + searchTerm(set) + "@contacts.example";
    }
}
