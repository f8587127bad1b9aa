package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.leadqualification.acceptance.support.Json.object;

/**
 * Request bodies about leads, and the states a test waits for. Every lead has its own token in its names and
 * e-mail address, so tests sharing a database neither find nor match (as duplicates) each other's records.
 */
public final class Leads {

    private Leads() {
    }

    /** A short text no other record has. */
    public static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The two required fields only; {@code lastName} carries a new token. */
    public static ObjectNode minimal() {
        String token = token();
        return object("topic", "Brochures " + token, "lastName", "Minimal-" + token);
    }

    /** Every lead field of API.md, with a new token in the person's and the company's names and e-mail. */
    public static ObjectNode complete() {
        String token = token();
        return object(
                "topic", "120 office chairs for " + token,
                "firstName", "Nadia",
                "lastName", "Lopez-" + token,
                "jobTitle", "Purchasing manager",
                "companyName", "Contoso " + token,
                "email", "nadia." + token + "@contoso.example",
                "businessPhone", "+1 425 555 0101",
                "mobilePhone", "+1 425 555 0199",
                "website", "https://contoso.example/" + token,
                "address", object("line1", "1 Microsoft Way", "line2", "Building 4", "city", "Redmond",
                        "stateOrProvince", "WA", "postalCode", "98052", "country", "US"),
                "description", "Met at the fair; wants ergonomic chairs for the new floor.",
                "leadSource", "TRADE_SHOW",
                "estimatedValue", money("12500.50", "EUR"),
                "estimatedCloseDate", "2026-09-30");
    }

    /**
     * The same name as someone might type it again: upper case, white space around it and repeated inside it.
     * Duplicate rules that ignore case and white space (the default ones) match it with {@code name}.
     */
    public static String caseAndSpaceVariant(String name) {
        return "  " + name.toUpperCase(Locale.ROOT).replace(" ", "   ") + " ";
    }

    /** Every qualification field of API.md (the Qualify stage). */
    public static ObjectNode qualificationDetails() {
        return object(
                "purchaseTimeframe", "THIS_QUARTER",
                "budgetAmount", money("15000", "EUR"),
                "budgetStatus", "CAN_BUY",
                "purchaseProcess", "COMMITTEE",
                "decisionMaker", true,
                "need", "MUST_HAVE",
                "currentSituation", "Old chairs, back complaints.",
                "customerNeed", "Ergonomic chairs before the move.",
                "proposedSolution", "Model 7 with adjustable arms.",
                "qualificationComments", "Budget approved by the CFO.");
    }

    /** A qualify request that chooses all three records. */
    public static ObjectNode allRecords() {
        return object("createAccount", true, "createContact", true, "createOpportunity", true);
    }

    public static ObjectNode money(String amount, String currency) {
        return object("amount", new BigDecimal(amount), "currency", currency);
    }

    public static Predicate<JsonNode> hasStatus(String status) {
        return lead -> status.equals(lead.path("status").asText());
    }

    /** Qualified, and the records and note transfer that follow have all been done. */
    public static Predicate<JsonNode> qualificationCompleted() {
        return hasStatus("QUALIFIED").and(lead -> lead.path("qualification").path("completed").asBoolean());
    }
}
