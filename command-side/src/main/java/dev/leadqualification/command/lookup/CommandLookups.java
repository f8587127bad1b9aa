package dev.leadqualification.command.lookup;

/** The subscribing processing group whose handlers keep the command side's lookup tables. */
public final class CommandLookups {

    public static final String PROCESSING_GROUP = "command-lookups";

    private CommandLookups() {
    }
}
