package dev.leadqualification.benchmark.report;

/**
 * One figure of the report. {@code ratioToBaseline} is the figure divided by PostgreSQL's commit ceiling (for
 * throughputs). A figure with a {@code target} states whether it was {@code met}; one that could not be
 * measured has no value, is not met, and says why in {@code note}.
 */
public record Figure(String scenario, String figure, Double value, String unit, Double ratioToBaseline,
                     String target, Boolean met, String note) {

    public static Figure of(String scenario, String figure, Double value, String unit) {
        return new Figure(scenario, figure, value, unit, null, null, null, null);
    }

    public Figure withRatioTo(Double baseline) {
        Double ratio = value == null || baseline == null || baseline == 0 ? null : value / baseline;
        return new Figure(scenario, figure, value, unit, ratio, target, met, note);
    }

    /** This figure with a target: at least {@code minimum}. */
    public Figure atLeast(double minimum, String target) {
        return withTarget(target, value != null && value >= minimum);
    }

    /** This figure with a target: at most {@code maximum}. */
    public Figure atMost(double maximum, String target) {
        return withTarget(target, value != null && value <= maximum);
    }

    public Figure withTarget(String target, boolean met) {
        return new Figure(scenario, figure, value, unit, ratioToBaseline, target, met && value != null,
                value == null && note == null ? "not measured" : note);
    }

    public Figure withNote(String note) {
        return new Figure(scenario, figure, value, unit, ratioToBaseline, target, met, note);
    }

    public boolean hasTarget() {
        return target != null;
    }
}
