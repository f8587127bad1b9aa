package dev.leadqualification.platform.fence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that subclasses Axon or relies on Axon's behaviour beyond its documented configuration API, and states
 * in one place what of Axon it relies on. Each module's {@code AxonExtensionsFenceTest} fails, listing these, when the
 * Axon on the class path is not {@link AxonExtensions#CHECKED_AGAINST}: an upgrade must read each list again against
 * the new version's code, then raise that constant. {@code leads.axon-extensions.<name>.enabled=false} turns one off
 * (Axon's own behaviour takes its place), {@code leads.axon-extensions.enabled=false} all of them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AxonExtension {

    /** The name in its setting, {@code leads.axon-extensions.<name>.enabled}. */
    String name();

    /** What of Axon's code it relies on, each a sentence an upgrade can check. */
    String[] reliesOn();
}
