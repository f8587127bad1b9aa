package dev.leadqualification.benchmark.scenario;

import dev.leadqualification.benchmark.http.Answer;
import dev.leadqualification.benchmark.measure.LatencySummary;
import dev.leadqualification.benchmark.measure.Samples;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Scenario 3's duplicate check: the answer time of {@code POST /api/accounts} and {@code POST /api/contacts}
 * whose body matches an existing record of a set under a default rule (same name or same e-mail, alternately,
 * the record picked at random): 409 {@code duplicates-found}, nothing written. Measured on the nearly empty store
 * at the start and again with the imported millions.
 */
public final class DuplicateCheck {

    /** Records created directly on the empty store, for its duplicate checks to find. */
    static final int EMPTY_STORE_RECORDS = 100;
    private static final long WARM_UP_SEED = 1;
    private static final long TIMED_SEED = 2;

    private DuplicateCheck() {
    }

    /** Answer times of the checks, per entity; {@code existing} is how many records of each the set holds. */
    public record Run(long existingAccounts, long existingContacts, LatencySummary accountMs, LatencySummary contactMs) {

        /** The worse p99 of the two entities. */
        public double p99() {
            return Math.max(accountMs.p99(), contactMs.p99());
        }
    }

    /**
     * On the (nearly) empty store: creates {@value #EMPTY_STORE_RECORDS} accounts and contacts in set
     * {@code setName} through the API, runs the options' number of warm-up checks (untimed, so that what serves
     * them is compiled), then the timed ones.
     */
    public static Run onEmptyStore(ScenarioContext context, String setName) {
        Parallel.forEach(context.options().creationClients(), EMPTY_STORE_RECORDS, n -> {
            context.commandSide().post("/api/accounts", context.data().account(setName, n)).expect(201);
            context.commandSide().post("/api/contacts", context.data().contact(setName, n)).expect(201);
        });
        return warmedUpAndMeasured(context, setName, EMPTY_STORE_RECORDS, EMPTY_STORE_RECORDS);
    }

    /**
     * Against the {@code accounts} and {@code contacts} of set {@code setName}, e.g. the imported ones, after as many
     * untimed checks as on the empty store, so that the figure is the check's, not the JIT compilers' (right after an
     * import C2 took 57% of the command side's CPU during the first checks, async-profiler).
     */
    public static Run atScale(ScenarioContext context, String setName, long accounts, long contacts) {
        return warmedUpAndMeasured(context, setName, accounts, contacts);
    }

    /**
     * The warm-up checks draw their records with another seed than the timed ones: at scale the timed checks then
     * mostly probe records the warm-up did not bring into a cache.
     */
    private static Run warmedUpAndMeasured(ScenarioContext context, String setName, long accounts, long contacts) {
        if (context.options().duplicateWarmup() > 0) {
            measure(context, setName, accounts, contacts, context.options().duplicateWarmup(), WARM_UP_SEED);
        }
        return measure(context, setName, accounts, contacts, context.options().duplicateChecks(), TIMED_SEED);
    }

    private static Run measure(ScenarioContext context, String setName, long accounts, long contacts, int checks,
                               long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Samples accountTimes = time(context, "/api/accounts", checks,
                probe -> context.data().accountDuplicate(setName, random.nextLong(accounts), probe));
        Samples contactTimes = time(context, "/api/contacts", checks,
                probe -> context.data().contactDuplicate(setName, random.nextLong(contacts), probe));
        return new Run(accounts, contacts, accountTimes.summary(), contactTimes.summary());
    }

    private static Samples time(ScenarioContext context, String path, int checks,
                                Function<Integer, Map<String, Object>> duplicate) {
        Samples times = new Samples();
        for (int probe = 0; probe < checks; probe++) {
            Map<String, Object> body = duplicate.apply(probe);
            long start = System.nanoTime();
            Answer answer = context.commandSide().post(path, body);
            long took = System.nanoTime() - start;
            if (answer.status() != 409 || !answer.json().path("type").asText().endsWith("/duplicates-found")) {
                throw new IllegalStateException("POST " + path + " of a duplicate answered " + answer.status()
                        + " instead of 409 duplicates-found: " + answer.body());
            }
            times.add(took);
        }
        return times;
    }
}
