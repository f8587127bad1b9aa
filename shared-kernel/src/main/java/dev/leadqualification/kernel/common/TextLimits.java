package dev.leadqualification.kernel.common;

/** Maximum lengths of text fields, in characters. One place so API, domain and read tables agree. */
public final class TextLimits {
    public static final int CODE = 20;
    public static final int PHONE = 50;
    public static final int NAME = 100;
    public static final int LINE = 250;
    public static final int TITLE = 300;
    public static final int EMAIL = 254;
    public static final int URL = 2000;
    public static final int ID = 36;
    public static final int LONG_TEXT = 100_000;

    private TextLimits() {
    }
}
