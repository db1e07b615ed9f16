package dev.strata.kernels;

/** When an array moves between host and device; the same three modes as TornadoVM's {@code DataTransferMode}. */
public enum TransferMode {
    /** Copied once, at the first execution of the plan; resident afterwards. */
    FIRST_EXECUTION,
    /** Copied at every execution. */
    EVERY_EXECUTION,
    /** Copied only when the caller asks ({@link ExecutionPlan#transferToHost}). */
    UNDER_DEMAND
}
