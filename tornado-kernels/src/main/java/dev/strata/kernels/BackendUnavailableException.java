package dev.strata.kernels;

/** Thrown when a backend or device is asked for but cannot run here; the message says why and how to fix it. */
public final class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
