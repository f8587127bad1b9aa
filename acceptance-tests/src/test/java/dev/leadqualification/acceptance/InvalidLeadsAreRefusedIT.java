package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.leadqualification.acceptance.support.Api.Side.COMMAND;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.Problems.assertValidation;
import static dev.leadqualification.acceptance.support.User.SAM;

/**
 * A lead create that is invalid, unreadable or not JSON is refused with a problem naming what is wrong, and
 * nothing is written: the client's chosen id stays free for a valid lead.
 */
class InvalidLeadsAreRefusedIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private final String leadId = UUID.randomUUID().toString();

    @Test
    void aLeadWithoutTopicAndLastNameIsRefusedNamingBoth() {
        ObjectNode lead = Leads.complete().put("leadId", leadId);
        lead.remove("topic");
        lead.remove("lastName");

        assertValidation(api.as(SAM).post("/api/leads", lead), "topic", "lastName");

        sales.assertLeadIdFree(leadId);
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("email", "nadia(at)contoso", "email"),
                Arguments.of("website", "ftp://contoso.example/files", "website"),
                Arguments.of("estimatedValue", Leads.money("100", "EUROS"), "estimatedValue.currency"),
                Arguments.of("leadSource", "CARRIER_PIGEON", "leadSource"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void aLeadWithAnInvalidValueIsRefusedNamingTheField(String field, Object value, String namedField) {
        ObjectNode lead = Leads.complete().put("leadId", leadId);
        lead.set(field, Json.MAPPER.valueToTree(value));

        assertValidation(api.as(SAM).post("/api/leads", lead), namedField);

        sales.assertLeadIdFree(leadId);
    }

    @Test
    void aBodyThatIsNotValidJsonIsRefusedAsMalformed() {
        byte[] broken = ("{\"leadId\": \"" + leadId + "\", \"topic\": \"Chairs\", \"lastName\": ")
                .getBytes(StandardCharsets.UTF_8);

        assertProblem(api.as(SAM).send(COMMAND, "POST", "/api/leads", "application/json", broken),
                400, "malformed-request");

        sales.assertLeadIdFree(leadId);
    }

    @Test
    void aBodyInAnotherContentTypeIsRefusedAsUnsupported() {
        byte[] lead = Json.bytes(Leads.complete().put("leadId", leadId));

        assertProblem(api.as(SAM).send(COMMAND, "POST", "/api/leads", "text/plain", lead), 415);

        sales.assertLeadIdFree(leadId);
    }
}
