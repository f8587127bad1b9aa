package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard that docker-compose.yml provisions ({@code observability/grafana/dashboards}). */
public final class GrafanaDashboard {

    public static final Path FILE = Path.of("..", "observability", "grafana", "dashboards", "lead-qualification.json");

    private static final Pattern LABELS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern GROUPINGS = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?");

    private final JsonNode dashboard;

    private GrafanaDashboard(JsonNode dashboard) {
        this.dashboard = dashboard;
    }

    public static GrafanaDashboard read() {
        try {
            return new GrafanaDashboard(Json.parse(Files.readAllBytes(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json() {
        return dashboard;
    }

    /** The PromQL expressions of every panel. */
    public List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        return expressions;
    }

    /**
     * The metric names the expressions select: what is left of an expression without label matchers, ranges,
     * groupings, function calls and numbers.
     */
    public Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions()) {
            String selectors = GROUPINGS.matcher(LABELS_AND_RANGES.matcher(expression).replaceAll(" ")).replaceAll(" ");
            Matcher identifier = IDENTIFIER.matcher(selectors);
            while (identifier.find()) {
                if (identifier.group(2) == null) {
                    names.add(identifier.group(1));
                }
            }
        }
        return names;
    }
}
