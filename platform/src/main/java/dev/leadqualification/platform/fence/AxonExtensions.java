package dev.leadqualification.platform.fence;

import org.springframework.core.env.Environment;

/** Whether each {@link AxonExtension} is on, from the settings. */
public final class AxonExtensions {

    /** The Axon version every extension's {@link AxonExtension#reliesOn()} was checked against. */
    public static final String CHECKED_AGAINST = "4.13.0";
    /** {@code leads.axon-extensions.enabled=false} turns every extension off. */
    public static final String PREFIX = "leads.axon-extensions";

    private AxonExtensions() {
    }

    /** On unless its own setting or the one for all of them is {@code false}. */
    public static boolean isOn(Environment environment, String name) {
        return environment.getProperty(PREFIX + ".enabled", Boolean.class, true)
                && environment.getProperty(PREFIX + "." + name + ".enabled", Boolean.class, true);
    }
}
