package dev.leadqualification.platform.instances;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many segments of a pooled processor this instance may hold: its fair share, the processor's segments divided
 * by the live instances of this service, rounded up. Axon's default lets the first instance to start claim every
 * segment and keep them; with this, each coordinator (which asks every token claim interval, 5 s) releases what
 * it holds beyond its share when another instance starts, and claims more when one dies (its claims expire after the
 * token store's claim timeout). The segment count is read once per processor and kept: segments are only split or
 * merged by an operator, and a changed count is read at the next start.
 */
public class FairShareOfSegments implements MaxSegmentProvider {

    private final LiveInstances instances;
    private final JdbcTemplate jdbc;
    private final TokenSchema tokens;
    private final Map<String, Integer> segmentCounts = new ConcurrentHashMap<>();

    public FairShareOfSegments(LiveInstances instances, JdbcTemplate jdbc, TokenSchema tokens) {
        this.instances = instances;
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    @Override
    public int getMaxSegments(String processorName) {
        int segments = segmentCounts.computeIfAbsent(processorName, this::storedSegments);
        if (segments == 0) {
            // the token table is not initialised yet: nothing to share, and what the coordinator creates it claims
            segmentCounts.remove(processorName);
            return Short.MAX_VALUE;
        }
        int live = instances.names().size();
        return (segments + live - 1) / live;
    }

    private int storedSegments(String processorName) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM " + tokens.tokenTable() + " WHERE "
                + tokens.processorNameColumn() + " = ?", Integer.class, processorName);
        return count == null ? 0 : count;
    }
}
