package dev.leadqualification.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import java.util.Map;

/**
 * Gives Axon's message timers ({@link AxonMessageTimers}) names in Micrometer's convention: {@code
 * <prefix>.successTimer}, {@code .failureTimer} and {@code .ignoredTimer} become one timer {@code <prefix>.handling}
 * tagged {@code outcome} ({@code axon.command.bus.handling}, {@code axon.event.processor.handling}); the
 * {@code allTimer}, their sum, is dropped. Micrometer asks this for every lookup of a dropped timer (Axon looks its
 * timers up for every message), so it compares name endings, nothing costlier.
 */
class AxonMeterNames implements MeterFilter {

    private static final String AXON = "axon.";
    private static final String DROPPED = ".allTimer";
    private static final Map<String, String> OUTCOMES = Map.of(
            ".successTimer", "success", ".failureTimer", "failure", ".ignoredTimer", "ignored");

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = id.getName();
        if (!name.startsWith(AXON)) {
            return id;
        }
        for (Map.Entry<String, String> outcome : OUTCOMES.entrySet()) {
            if (name.endsWith(outcome.getKey())) {
                String prefix = name.substring(0, name.length() - outcome.getKey().length());
                return id.withName(prefix + ".handling").withTag(Tag.of("outcome", outcome.getValue()));
            }
        }
        return id;
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String name = id.getName();
        return name.startsWith(AXON) && name.endsWith(DROPPED) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }
}
