package dev.leadqualification.command.duplicates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.command.lookup.CommandLookups;
import dev.leadqualification.command.lookup.LookupInserts;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefined;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefinition;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDeleted;
import dev.leadqualification.kernel.duplicates.DuplicateRulePublicationStarted;
import dev.leadqualification.kernel.duplicates.DuplicateRulePublished;
import dev.leadqualification.kernel.duplicates.DuplicateRuleStatus;
import dev.leadqualification.kernel.duplicates.DuplicateRuleUnpublished;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import dev.leadqualification.platform.unitofwork.UnitOfWorkScoped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The duplicate rules as checks and administrators see them, kept in {@code duplicate_rule_lookup} in the
 * same transaction as the rule's events (subscribing group). Unpublishing or deleting a rule drops its codes.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class DuplicateRules {

    /** A rule with its id and where it is in its life cycle. */
    public record StoredRule(String ruleId, DuplicateRuleDefinition definition, DuplicateRuleStatus status) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final LookupInserts inserts;
    private final RowMapper<StoredRule> rows;
    /** The rules published or being published, read once per unit of work ({@link #current()}). */
    private final UnitOfWorkScoped<List<StoredRule>> currentRules =
            UnitOfWorkScoped.of(DuplicateRules.class, "current", unitOfWork -> readCurrent());
    /**
     * Each rule's definition as last read, with the JSON it was read from: a definition never changes once defined,
     * so a check parses it once, not at every read (a rule deleted meanwhile only leaves its entry behind).
     */
    private final Map<String, ReadDefinition> definitions = new ConcurrentHashMap<>();

    private record ReadDefinition(String json, DuplicateRuleDefinition definition) {
    }

    public DuplicateRules(JdbcTemplate jdbc, ObjectMapper objectMapper, LookupInserts inserts) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.inserts = inserts;
        this.rows = (row, n) -> new StoredRule(row.getString("rule_id"),
                definition(row.getString("rule_id"), row.getString("definition")),
                DuplicateRuleStatus.valueOf(row.getString("status")));
    }

    public List<StoredRule> all() {
        return jdbc.query("SELECT * FROM duplicate_rule_lookup ORDER BY defined_at, rule_id", rows);
    }

    /** The rules a check applies: published ones. */
    public List<StoredRule> inEffect(RuleEntity entity) {
        return current().stream()
                .filter(rule -> rule.definition().entity() == entity && rule.status() == DuplicateRuleStatus.PUBLISHED)
                .toList();
    }

    /** The rules new records need match codes for: published ones and those being published. */
    public List<StoredRule> indexed(RuleEntity entity) {
        return current().stream().filter(rule -> rule.definition().entity() == entity).toList();
    }

    /**
     * The rules published or being published, of both entities. Read once per unit of work: a qualification checks
     * its account and contact with one read, and the lookups handle the events of a transaction together as it
     * commits, so the saga's batch of qualifications reads them once rather than once per record. A change to a rule
     * in the same unit of work has them read again.
     */
    private List<StoredRule> current() {
        return currentRules.current().orElseGet(this::readCurrent);
    }

    private List<StoredRule> readCurrent() {
        return List.copyOf(jdbc.query("SELECT * FROM duplicate_rule_lookup WHERE status <> 'UNPUBLISHED'", rows));
    }

    public boolean isPublishing(String ruleId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM duplicate_rule_lookup WHERE rule_id = ? AND status = 'PUBLISHING')",
                Boolean.class, ruleId));
    }

    @EventHandler
    void on(DuplicateRuleDefined event, @Timestamp Instant definedAt) {
        currentRules.forget();
        jdbc.update("""
                INSERT INTO duplicate_rule_lookup (rule_id, entity, status, definition, defined_at)
                VALUES (?, ?, 'UNPUBLISHED', CAST(? AS jsonb), ?) ON CONFLICT (rule_id) DO NOTHING""",
                event.ruleId(), event.definition().entity().name(), write(event.definition()),
                definedAt.atOffset(ZoneOffset.UTC));
    }

    @EventHandler
    void on(DuplicateRulePublicationStarted event) {
        setStatus(event.ruleId(), DuplicateRuleStatus.PUBLISHING);
    }

    @EventHandler
    void on(DuplicateRulePublished event) {
        setStatus(event.ruleId(), DuplicateRuleStatus.PUBLISHED);
    }

    @EventHandler
    void on(DuplicateRuleUnpublished event) {
        setStatus(event.ruleId(), DuplicateRuleStatus.UNPUBLISHED);
        dropCodes(event.ruleId());
    }

    @EventHandler
    void on(DuplicateRuleDeleted event) {
        currentRules.forget();
        jdbc.update("DELETE FROM duplicate_rule_lookup WHERE rule_id = ?", event.ruleId());
        dropCodes(event.ruleId());
    }

    /** Drops the rule's codes, those of records created earlier in the same transaction included. */
    private void dropCodes(String ruleId) {
        inserts.flush();
        jdbc.update("DELETE FROM duplicate_match_code WHERE rule_id = CAST(? AS uuid)", ruleId);
    }

    private void setStatus(String ruleId, DuplicateRuleStatus status) {
        currentRules.forget();
        jdbc.update("UPDATE duplicate_rule_lookup SET status = ? WHERE rule_id = ?", status.name(), ruleId);
    }

    private String write(DuplicateRuleDefinition definition) {
        try {
            return objectMapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A rule definition is plain JSON", e);
        }
    }

    private DuplicateRuleDefinition definition(String ruleId, String json) {
        ReadDefinition known = definitions.get(ruleId);
        if (known == null || !known.json().equals(json)) {
            known = new ReadDefinition(json, read(json));
            definitions.put(ruleId, known);
        }
        return known.definition();
    }

    private DuplicateRuleDefinition read(String json) {
        try {
            return objectMapper.readValue(json, DuplicateRuleDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("duplicate_rule_lookup holds a definition it cannot read", e);
        }
    }
}
