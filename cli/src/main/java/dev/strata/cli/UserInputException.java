package dev.strata.cli;

/** Bad input from the user; printed as one line, exit code 2. The message says what, where and how to fix it. */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
