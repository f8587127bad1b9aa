package dev.leadqualification.benchmark.report;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Map;

/**
 * What {@code benchmark.json} holds: when and where the run was, its parameters, the headline {@code figures}
 * (each of the targets among them with its {@code target} and whether it was {@code met}), how many
 * targets were met, everything measured ({@code results}) and the errors that stopped a part of the run.
 */
public record Report(String startedAt, String finishedAt, Machine machine, Map<String, String> parameters,
                     List<Figure> figures, long targetsMet, long targetCount, String heapMeasure, Results results,
                     List<String> errors) {

    /** How the memory figures are taken (the report says it beside them). */
    public static final String HEAP_MEASURE = "From each service's GC log (-Xlog:gc,gc+heap+exit) from scenario 1 "
            + "until the service stopped: 'peak heap used' is the largest heap in use before a collection or at exit "
            + "(the most the heap held at any time); 'most heap kept alive' the largest in use after a collection. "
            + "The services run with -Xmx as given, so the peak cannot exceed it: the target is met when it stayed "
            + "within 512 MB and no OutOfMemoryError was logged.";

    public static Report of(String startedAt, String finishedAt, Machine machine, Map<String, String> parameters,
                            Results results) {
        List<Figure> figures = Targets.figures(results);
        List<Figure> targets = figures.stream().filter(Figure::hasTarget).toList();
        return new Report(startedAt, finishedAt, machine, parameters, figures,
                targets.stream().filter(Figure::met).count(), targets.size(), HEAP_MEASURE, results,
                List.copyOf(results.errors));
    }

    /** The figures that have a target. */
    @JsonIgnore
    public List<Figure> targets() {
        return figures.stream().filter(Figure::hasTarget).toList();
    }
}
