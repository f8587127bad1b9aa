package dev.leadqualification.query;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code q} must be answered from the trigram index, not by reading every row. */
class SearchIndexTest extends QuerySideTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void leadSearchUsesTheTrigramIndex() {
        assertThat(plan("lead_view")).contains("lead_view_search_idx");
    }

    @Test
    void accountAndContactSearchUseTheirTrigramIndexes() {
        assertThat(plan("account_view")).contains("account_view_search_idx");
        assertThat(plan("contact_view")).contains("contact_view_search_idx");
    }

    /**
     * The plan of the list's search condition. Sequential scans are switched off for this session because on
     * the few rows of a test database a scan would rightly be cheaper; the point is that the index can serve it.
     */
    private String plan(String table) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            try (Statement session = connection.createStatement()) {
                session.execute("SET enable_seqscan = off");
            }
            try (PreparedStatement explain = connection.prepareStatement(
                    "EXPLAIN SELECT * FROM " + table + " WHERE search_text LIKE ?")) {
                explain.setString(1, "%lovelace%");
                List<String> lines = new ArrayList<>();
                try (ResultSet plan = explain.executeQuery()) {
                    while (plan.next()) {
                        lines.add(plan.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                try (Statement session = connection.createStatement()) {
                    session.execute("RESET enable_seqscan");
                }
            }
        });
    }
}
