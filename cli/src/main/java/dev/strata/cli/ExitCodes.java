package dev.strata.cli;

/** Process exit codes of the {@code strata} command. */
public final class ExitCodes {
    private ExitCodes() {
    }

    public static final int OK = 0;
    /** A verification or validation check failed. */
    public static final int CHECK_FAILED = 1;
    /** Bad input or a missing prerequisite: the message says what, where and how to fix it. */
    public static final int BAD_INPUT = 2;
}
