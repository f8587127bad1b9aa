package dev.leadqualification.command.importing;

import dev.leadqualification.command.directory.JdbcCustomerDirectory;
import dev.leadqualification.command.duplicates.DuplicateCheck;
import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.duplicates.DuplicateRules;
import dev.leadqualification.command.duplicates.JdbcDuplicateDetector;
import dev.leadqualification.command.duplicates.MatchCodes;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.common.InvalidField;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.duplicates.DuplicateRuleStatus;
import dev.leadqualification.kernel.settings.QualificationSettings;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Imports one batch of lines in two steps. Screening reads what the database knows for all lines at once and then
 * decides each line, in order, with the aggregate's own creation rules ({@link ImportedType#decide}); what those
 * rules look up (the record stored under the id, the parent account, the records it may duplicate) is answered
 * from those reads, together with the lines accepted before it: an id used by an earlier line, a duplicate of an
 * earlier line. Writing then publishes the creation events of the accepted lines on the event store, as the
 * aggregates' repositories publish theirs, only many at once: they are appended in one batch, and every handler
 * subscribed to the event bus handles them in the same transaction, among them the {@code command-lookups}
 * handlers that list new records in the directory and the match code index. Everything of a batch is written, or
 * nothing.
 * <p>
 * The next batch may be screened while one is being written: its screening is then told what the batch in
 * writing accepts ({@code inWriting}), which the database does not show yet.
 */
@Component
class ImportBatches {

    /**
     * The most lines whose stored matches one query looks up: the array parameters for more would be "humongous"
     * allocations (as for {@code LookupInserts}).
     */
    private static final int LINES_PER_QUERY = 500;

    private final TransactionManager transactions;
    private final TransactionTemplate readOnly;
    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final StoredCreations storedCreations;
    private final JdbcCustomerDirectory directory;
    private final DuplicateRules rules;
    private final JdbcDuplicateDetector detector;
    private final SettingsLookup settings;
    private final Configuration axon;
    /** Aggregate class to the type name Axon records with its events ({@code type} column). */
    private final Map<Class<?>, String> aggregateTypes = new ConcurrentHashMap<>();

    ImportBatches(PlatformTransactionManager transactionManager, TransactionManager transactions,
                  EventStore eventStore, StoredCreations storedCreations, JdbcCustomerDirectory directory,
                  DuplicateRules rules, JdbcDuplicateDetector detector, SettingsLookup settings, Configuration axon,
                  JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.storedCreations = storedCreations;
        this.directory = directory;
        this.rules = rules;
        this.detector = detector;
        this.settings = settings;
        this.axon = axon;
    }

    /**
     * Judges every candidate (outcomes in line order). {@code earlierLines}: the ids of the batches written so far;
     * {@code inWriting}: the plan of the batch being written meanwhile, if any.
     */
    <D> BatchPlan<D> screen(ImportedType<D> type, List<Candidate<D>> candidates, ImportedIds earlierLines,
                            BatchPlan<D> inWriting, ImportRun run) {
        return readOnly.execute(status -> {
            withoutJit();
            return new Screening<>(type, candidates, earlierLines, inWriting, run).plan();
        });
    }

    /**
     * Publishes the events of what the plan accepts in a unit of work of its own, in one transaction: appended to
     * the store, and handled by the subscribing processors (the {@code command-lookups} handlers) as the unit of
     * work commits, as a command's events are.
     */
    <D> void write(BatchPlan<D> plan) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> {
            withoutJit();
            appendingAlone();
            eventStore.publish(plan.events);
        });
    }

    /**
     * Import batches append their events one at a time (until commit; across instances too): two batches written
     * side by side would commit their {@code global_index} ranges out of order, and every tracking processor
     * carries each position it has not seen yet as a gap in its token, thousands of them per batch, in every token
     * it hands on (a copy per event): enough to exhaust the heap of the command and query sides.
     */
    private void appendingAlone() {
        jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('lead-qualification: import events append'))");
    }

    /** The lines of a batch in parts of {@value #LINES_PER_QUERY}. */
    private static <T> List<List<T>> chunks(List<T> lines) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += LINES_PER_QUERY) {
            chunks.add(lines.subList(from, Math.min(lines.size(), from + LINES_PER_QUERY)));
        }
        return chunks;
    }

    /**
     * A batch's statements handle thousands of rows, so PostgreSQL estimates them costly enough for its JIT
     * compiler (jit_above_cost), which then spends more time compiling each (tens of milliseconds) than running it.
     */
    private void withoutJit() {
        jdbc.execute("SET LOCAL jit = off");
    }

    /** The aggregate type Axon's repository records, from the same model Axon builds of the aggregate class. */
    private String aggregateType(Class<?> aggregate) {
        return aggregateTypes.computeIfAbsent(aggregate, type -> AnnotatedAggregateMetaModelFactory
                .inspectAggregate(type, axon.parameterResolverFactory(), axon.handlerDefinition(type)).type());
    }

    /** The screening of one batch: what the database knows is read once for all lines, then each line in turn. */
    private final class Screening<D> {
        private final ImportedType<D> type;
        private final ImportedIds earlierLines;
        private final BatchPlan<D> inWriting;
        private final ImportRun run;
        private final String aggregateType;
        private final Map<String, DomainEventMessage<?>> stored;
        private final Set<String> existingParents;
        private final QualificationSettings currentSettings;
        /** Each line's codes under the rules that are published or being published (those new records get). */
        private final List<List<MatchCodes.UnderRule>> codes = new ArrayList<>();
        /** Each line's stored matches, where it is checked for duplicates at all. */
        private final List<List<DuplicateMatch>> storedMatches;
        private final BatchPlan<D> plan;

        Screening(ImportedType<D> type, List<Candidate<D>> candidates, ImportedIds earlierLines,
                  BatchPlan<D> inWriting, ImportRun run) {
            this.type = type;
            this.earlierLines = earlierLines;
            this.inWriting = inWriting;
            this.run = run;
            this.plan = new BatchPlan<>(candidates);
            this.aggregateType = aggregateType(type.aggregate());
            // an id the import chose itself (a new UUID) cannot be taken: only the lines' own ids are looked up
            this.stored = storedCreations.of(candidates.stream().filter(Candidate::idChosen).map(Candidate::id)
                    .distinct().toList());
            this.existingParents = directory.existingAccounts(candidates.stream()
                    .map(candidate -> type.parentAccountId(candidate.details()))
                    .filter(Objects::nonNull).distinct().toList());
            this.currentSettings = settings.current();
            List<DuplicateRules.StoredRule> indexed = rules.indexed(type.ruleEntity());
            List<List<MatchCodes.UnderRule>> checked = new ArrayList<>();
            for (Candidate<D> candidate : candidates) {
                List<MatchCodes.UnderRule> recordCodes = MatchCodes.under(indexed, type.ruleFields(candidate.details()));
                codes.add(recordCodes);
                checked.add(checksDuplicates(candidate) ? inEffect(recordCodes) : List.of());
            }
            this.storedMatches = chunks(checked).stream()
                    .flatMap(part -> detector.storedMatches(type.ruleEntity(), part).stream()).toList();
        }

        BatchPlan<D> plan() {
            for (int i = 0; i < plan.candidates.size(); i++) {
                Candidate<D> candidate = plan.candidates.get(i);
                try {
                    decide(candidate, i);
                    plan.outcomes.add(new LineOutcome.Imported(candidate.line(), candidate.id()));
                    plan.acceptedLines.put(candidate.id(), candidate.line());
                } catch (DomainRuleViolation | InvalidField refused) {
                    plan.outcomes.add(new LineOutcome.Refused(candidate.line(), refused));
                }
            }
            return plan;
        }

        /** Accepts the line (a new record, or its record stored already) or throws why not. */
        private void decide(Candidate<D> candidate, int index) {
            int earlierLine = earlierLines.lineOf(candidate.id());
            if (earlierLine == 0) {
                earlierLine = inWriting.acceptedLines.getOrDefault(candidate.id(),
                        plan.acceptedLines.getOrDefault(candidate.id(), 0));
            }
            if (earlierLine != 0) {
                throw new DomainRuleViolation("id-conflict", "Line " + earlierLine + " of this file already used the id "
                        + candidate.id() + "; an id can name only one " + type.recordName() + " of a file.");
            }
            DomainEventMessage<?> existing = stored.get(candidate.id());
            if (existing != null && !aggregateType.equals(existing.getType())) {
                throw new DomainRuleViolation("id-conflict", "The id " + candidate.id()
                        + " already names another kind of record, not " + type.recordName() + ".");
            }
            type.decide(candidate.creation(), run.actor(), existing == null ? null : existing.getPayload(),
                    existingParents::contains, new LineMatches(index), () -> currentSettings)
                    .ifPresent(created -> accept(candidate, index, created));
        }

        /** A new record: its creation event, and its codes for the duplicate checks of later lines. */
        private void accept(Candidate<D> candidate, int index, Object created) {
            DomainEventMessage<?> event = new GenericDomainEventMessage<>(aggregateType, candidate.id(), 0L, created,
                    run.eventMetaData());
            plan.events.add(event);
            // as the directory keeps it (microseconds), so a match in the same file reads like a stored one
            BatchPlan.Accepted<D> accepted = new BatchPlan.Accepted<>(candidate.id(), candidate.details(),
                    event.getTimestamp().truncatedTo(ChronoUnit.MICROS));
            for (MatchCodes.UnderRule code : codes.get(index)) {
                plan.acceptedByCode.computeIfAbsent(key(code), key -> new ArrayList<>()).add(accepted);
            }
        }

        /**
         * What the creation rules find as the records line {@code index} may duplicate (they ask only for the
         * line's own kind of record): the stored ones, found for all lines at once, and those of earlier lines.
         */
        private final class LineMatches implements DuplicateDetector {
            private final int index;

            LineMatches(int index) {
                this.index = index;
            }

            @Override
            public List<DuplicateMatch> accountMatches(AccountDetails account) {
                return matches(index);
            }

            @Override
            public List<DuplicateMatch> contactMatches(ContactDetails contact) {
                return matches(index);
            }
        }

        /**
         * Stored matches first (older), then the records of the batch in writing and of earlier lines of this batch
         * that it matches, each with the rules it matches by. The batch in writing may have been stored by the time
         * the stored matches were read: its records are then listed once.
         */
        private List<DuplicateMatch> matches(int index) {
            List<DuplicateMatch> matches = new ArrayList<>(storedMatches.get(index));
            Set<String> stored = matches.stream().map(DuplicateMatch::id).collect(Collectors.toSet());
            Map<BatchPlan.Accepted<D>, List<String>> rulesByEarlierLine = new LinkedHashMap<>();
            for (MatchCodes.UnderRule code : inEffect(codes.get(index))) {
                for (BatchPlan<D> earlier : List.of(inWriting, plan)) {
                    for (BatchPlan.Accepted<D> record : earlier.acceptedByCode.getOrDefault(key(code), List.of())) {
                        if (!stored.contains(record.id())) {
                            rulesByEarlierLine.computeIfAbsent(record, line -> new ArrayList<>())
                                    .add(code.rule().definition().name());
                        }
                    }
                }
            }
            rulesByEarlierLine.forEach((earlier, ruleNames) -> matches.add(type.asMatch(earlier.id(),
                    earlier.details(), earlier.createdAt(), ruleNames.stream().sorted().toList())));
            return matches.size() > JdbcDuplicateDetector.MAX_MATCHES
                    ? matches.subList(0, JdbcDuplicateDetector.MAX_MATCHES) : matches;
        }

        /** Whether the rules will ask for the line's matches: only a new record is checked, and only if asked. */
        private boolean checksDuplicates(Candidate<D> candidate) {
            return DuplicateCheck.enabled(currentSettings, candidate.creation().suppressDuplicateDetection())
                    && !stored.containsKey(candidate.id());
        }
    }

    private static List<MatchCodes.UnderRule> inEffect(List<MatchCodes.UnderRule> codes) {
        return codes.stream().filter(code -> code.rule().status() == DuplicateRuleStatus.PUBLISHED).toList();
    }

    private static String key(MatchCodes.UnderRule code) {
        return code.rule().ruleId() + ' ' + code.code();
    }
}
