package dev.leadqualification.benchmark.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as SVG, written by hand: one bar per value with its label and figure, and dashed
 * reference lines (targets, the baseline). A logarithmic axis shows values of very different sizes side by side.
 */
public final class BarChart {

    private static final int WIDTH = 820;
    private static final int LABEL_WIDTH = 300;
    private static final int PLOT_WIDTH = 420;
    private static final int BAR_HEIGHT = 22;
    private static final int ROW = 30;
    private static final int TOP = 56;
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948"};

    private final String title;
    private final String unit;
    private final boolean logarithmic;
    private final List<Bar> bars = new ArrayList<>();
    private final List<Bar> references = new ArrayList<>();

    private record Bar(String label, double value, int group) {
    }

    public BarChart(String title, String unit, boolean logarithmic) {
        this.title = title;
        this.unit = unit;
        this.logarithmic = logarithmic;
    }

    /** A bar; bars of the same {@code group} share a colour. A missing value (null) draws no bar. */
    public BarChart bar(String label, Double value, int group) {
        if (value != null && value > 0) {
            bars.add(new Bar(label, value, group));
        }
        return this;
    }

    /** A dashed vertical line across the bars, e.g. a target. */
    public BarChart reference(String label, Double value) {
        if (value != null && value > 0) {
            references.add(new Bar(label, value, 0));
        }
        return this;
    }

    public String svg() {
        double max = maximum();
        double min = logarithmic ? Math.pow(10, Math.floor(Math.log10(minimum()))) : 0;
        int height = TOP + bars.size() * ROW + 24 + references.size() * 18;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"40\" fill=\"#555\">%s%s</text>%n", escape(unit),
                logarithmic ? " (logarithmic scale)" : ""));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            double length = Math.max(1, x(bar.value(), min, max));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8, y + 15, escape(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    LABEL_WIDTH, y, length, BAR_HEIGHT, COLOURS[bar.group() % COLOURS.length]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
                    LABEL_WIDTH + length + 6, y + 15, escape(Numbers.format(bar.value()))));
        }
        int bottom = TOP + bars.size() * ROW;
        if (logarithmic) {
            for (double tick = min; tick <= max; tick *= 10) {
                double x = LABEL_WIDTH + x(tick, min, max);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                        x, TOP - 4, x, bottom));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#888\" text-anchor=\"middle\">%s</text>%n",
                        x, TOP - 6, escape(Numbers.format(tick))));
            }
        }
        for (int i = 0; i < references.size(); i++) {
            Bar reference = references.get(i);
            double x = LABEL_WIDTH + x(reference.value(), min, max);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" "
                    + "stroke-dasharray=\"5,4\"/>%n", x, TOP - 8, x, bottom));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#c00\">%s: %s</text>%n",
                    Math.min(x, WIDTH - 260.0), bottom + 18 + i * 18, escape(reference.label()),
                    escape(Numbers.format(reference.value()))));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private double x(double value, double min, double max) {
        if (logarithmic) {
            return PLOT_WIDTH * Math.log10(value / min) / Math.log10(max / min);
        }
        return PLOT_WIDTH * value / max;
    }

    private double maximum() {
        double max = 0;
        for (Bar bar : bars) {
            max = Math.max(max, bar.value());
        }
        for (Bar reference : references) {
            max = Math.max(max, reference.value());
        }
        return max == 0 ? 1 : max * 1.05;
    }

    private double minimum() {
        double min = Double.MAX_VALUE;
        for (Bar bar : bars) {
            min = Math.min(min, bar.value());
        }
        for (Bar reference : references) {
            min = Math.min(min, reference.value());
        }
        return min == Double.MAX_VALUE ? 1 : Math.max(min, 0.01);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
