package dev.strata.kernels.jvm;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/** The JIT compiler's accumulated compilation time, which moves while it compiles beside a timed run. */
public final class JitClock {
    private JitClock() {
    }

    /** The JIT's total compilation time in milliseconds, or a constant 0 where the JVM does not monitor it. */
    public static LongSupplier millis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return () -> 0L;
        }
        return jit::getTotalCompilationTime;
    }
}
