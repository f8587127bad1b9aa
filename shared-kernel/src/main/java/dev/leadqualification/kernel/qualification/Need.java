package dev.leadqualification.kernel.qualification;

/** How much the prospect needs the offer. */
public enum Need {
    MUST_HAVE, SHOULD_HAVE, GOOD_TO_HAVE, NO_NEED
}
