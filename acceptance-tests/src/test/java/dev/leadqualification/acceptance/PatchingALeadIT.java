package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertValidation;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/** PATCH /api/leads/{id} is a merge patch: only the named fields change, null clears, unknown fields are refused. */
class PatchingALeadIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private String leadId;
    private JsonNode before;

    @BeforeEach
    void anOpenLead() {
        leadId = sales.createLead(Leads.complete());
        before = sales.settledLead(leadId);
    }

    @Test
    void onlyTheNamedFieldsChangeAndNullClears() {
        Reply patched = patch(object("jobTitle", "Head of purchasing", "mobilePhone", null));

        assertThat(patched.status()).as("%s", patched).isEqualTo(204);
        JsonNode after = api.awaitLead(leadId, lead -> lead.path("jobTitle").asText().equals("Head of purchasing"));
        assertThat(after.path("mobilePhone").asText(null)).isNull();
        List<String> changing = List.of("jobTitle", "mobilePhone", "version", "modifiedAt", "modifiedBy");
        assertThat(Json.without(after, changing)).isEqualTo(Json.without(before, changing));
    }

    @Test
    void anUnknownFieldIsRefusedAndNothingChanges() {
        assertValidation(patch(object("jobTitle", "Head of purchasing", "shoeSize", 44)), "shoeSize");

        sales.assertUnchangedSince(before);
    }

    @Test
    void anInvalidValueIsRefusedAndNothingChanges() {
        assertValidation(patch(object("jobTitle", "Head of purchasing", "email", "nadia(at)contoso")), "email");

        sales.assertUnchangedSince(before);
    }

    @Test
    void clearingARequiredFieldIsRefusedAndNothingChanges() {
        assertValidation(patch(object("lastName", null)), "lastName");

        sales.assertUnchangedSince(before);
    }

    private Reply patch(JsonNode fields) {
        return api.as(SAM).patch("/api/leads/" + leadId, fields);
    }
}
