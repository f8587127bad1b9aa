package dev.leadqualification.query.readmodel;

import dev.leadqualification.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's commits do not wait for the disk: all it writes is derived from the event store and committed
 * with the projection's position in it, so a commit lost in a database crash is projected again.
 */
class ProjectionCommitsTest extends QuerySideTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyConnectionCommitsWithoutWaitingForTheDisk() {
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("off");
    }
}
