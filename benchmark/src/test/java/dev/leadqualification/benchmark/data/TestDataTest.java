package dev.leadqualification.benchmark.data;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated records must never match each other under the default duplicate rules, and the probes must. */
class TestDataTest {

    private final TestData data = new TestData("rtest");

    @Test
    void accountsDifferInNameAndEmailAcrossNumbersAndSets() {
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (String set : new String[]{"seed", "imported"}) {
            for (long n = 0; n < 2_000; n++) {
                Map<String, Object> account = data.account(set, n);
                assertThat(names.add(normalised(account.get("name")))).isTrue();
                assertThat(emails.add(normalised(account.get("email")))).isTrue();
            }
        }
    }

    @Test
    void contactsAndLeadsDifferInEmailAndFullName() {
        Set<String> emails = new HashSet<>();
        Set<String> fullNames = new HashSet<>();
        for (long n = 0; n < 2_000; n++) {
            Map<String, Object> contact = data.contact("imported", n);
            Map<String, Object> lead = data.lead("batch", (int) n);
            for (Map<String, Object> person : new Map[]{contact, lead}) {
                assertThat(emails.add(normalised(person.get("email")))).isTrue();
                assertThat(fullNames.add(normalised(person.get("firstName") + " " + person.get("lastName")))).isTrue();
            }
        }
    }

    @Test
    void aLeadsCompanyIsNoAccountName() {
        Set<String> accountNames = new HashSet<>();
        for (long n = 0; n < 1_000; n++) {
            accountNames.add(normalised(data.account("imported", n).get("name")));
        }
        for (int n = 0; n < 1_000; n++) {
            assertThat(accountNames).doesNotContain(normalised(data.lead("atscale", n).get("companyName")));
        }
    }

    @Test
    void probesDuplicateTheirRecordByNameOrByEmail() {
        Map<String, Object> account = data.account("imported", 42);
        Map<String, Object> sameName = data.accountDuplicate("imported", 42, 0);
        Map<String, Object> sameEmail = data.accountDuplicate("imported", 42, 1);
        assertThat(sameName.get("name")).isEqualTo(account.get("name"));
        assertThat(normalised(sameName.get("email"))).isNotEqualTo(normalised(account.get("email")));
        assertThat(normalised(sameEmail.get("email"))).isEqualTo(normalised(account.get("email")));
        assertThat(sameEmail.get("name")).isNotEqualTo(account.get("name"));

        Map<String, Object> contact = data.contact("imported", 7);
        Map<String, Object> contactByName = data.contactDuplicate("imported", 7, 2);
        Map<String, Object> contactByEmail = data.contactDuplicate("imported", 7, 3);
        assertThat(contactByName.get("lastName")).isEqualTo(contact.get("lastName"));
        assertThat(contactByName.get("firstName")).isEqualTo(contact.get("firstName"));
        assertThat(normalised(contactByEmail.get("email"))).isEqualTo(normalised(contact.get("email")));
        assertThat(contactByEmail.get("lastName")).isNotEqualTo(contact.get("lastName"));
    }

    @Test
    void eachSetIsFoundByItsOwnSearchTermOnly() {
        String[] sets = {"seed", "warmupa", "warmupb", "batch", "clients", "idleprobe", "loadprobe", "underload",
                "imported", "atscale"};
        for (String set : sets) {
            String lead = searchable(data.lead(set, 12));
            for (String other : sets) {
                assertThat(lead.contains(data.searchTerm(other))).as(set + " found by " + other).isEqualTo(set.equals(other));
            }
        }
    }

    @Test
    void eachPartOfASetIsFoundByItsOwnTermOnlyAndBySetsTerm() {
        for (int n : new int[]{0, 199, 200, 399, 5_400, 9_999, 26 * 26 * TestData.LEADS_PER_PART}) {
            String lead = searchable(data.lead("batch", n));
            int part = n / TestData.LEADS_PER_PART;
            assertThat(lead).contains(data.searchTerm("batch"));
            for (int other : new int[]{0, 1, 2, 25, 26, 27, 49, 676, 677}) {
                assertThat(lead.contains(data.partTerm("batch", other))).as("lead " + n + " found by part " + other)
                        .isEqualTo(part == other);
            }
        }
        assertThatThrownBy(() -> data.partTerm("batch", 26 * 26 * 26)).isInstanceOf(IllegalArgumentException.class);
    }

    /** What the lead list's search looks in: name, company and e-mail. */
    private static String searchable(Map<String, Object> lead) {
        return Stream.of("lastName", "companyName", "email").map(field -> String.valueOf(lead.get(field)))
                .reduce("", String::concat).toLowerCase(Locale.ROOT);
    }

    @Test
    void idsAreTheSameOnEveryAttemptAndDifferentPerRecord() {
        assertThat(data.leadId("batch", 1)).isEqualTo(data.leadId("batch", 1));
        assertThat(data.leadId("batch", 1)).isNotEqualTo(data.leadId("batch", 2)).isNotEqualTo(data.leadId("clients", 1));
        assertThat(TestData.forNewRun().searchTerm("x")).isNotEqualTo(TestData.forNewRun().searchTerm("x"));
    }

    private static String normalised(Object value) {
        return String.valueOf(value).trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
