package dev.strata.bench.suite;

import java.util.Map;
import java.util.function.Consumer;

/**
 * What every family of the suite shares in one run: the settings, the yardsticks measured at the start (the C triad's
 * GB/s at the machine's thread count, NaN without the C reference; each device backend's own triad, by backend
 * name), the machine's name, where rows go and where a family's failure goes.
 */
record SuiteContext(SuiteSettings settings, int threads, double triadGbs, Map<String, Double> deviceTriadGbs,
                    String machine, Consumer<SuiteRow> sink, Consumer<String> failures) {

    SuiteContext {
        deviceTriadGbs = Map.copyOf(deviceTriadGbs);
    }

    /** This context with {@code backend}'s triad measured: its rows' roofline is then a share of that bandwidth. */
    SuiteContext withDeviceTriad(String backend, double gbs) {
        Map<String, Double> m = new java.util.HashMap<>(deviceTriadGbs);
        m.put(backend, gbs);
        return new SuiteContext(settings, threads, triadGbs, m, machine, sink, failures);
    }

    /** {@link #jvm()} of this JVM, read once: the settings do not change while it runs. */
    private static final String JVM = jvm();

    /**
     * Runs one family of rows on one backend ({@code what} names both); if it throws (a kernel that a device cannot
     * compile, say), the failure goes to {@code failures} in one line and the suite goes on with the next family.
     */
    void attempt(String what, Runnable family) {
        try {
            family.run();
        } catch (RuntimeException e) {
            failures.accept(what + " failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Emits a row, stamped with the machine and the JVM it ran in. */
    void emit(SuiteRow row) {
        sink.accept(row.with("machine", machine).with("jvm", JVM));
    }

    /**
     * The JVM settings the kernels' speed depends on: version, garbage collector (G1 places large arrays on
     * vector-aligned addresses, see the acoustic vector rows) and whether the Vector API checks every load and store
     * against the array bounds ({@code -Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0}, which the launcher sets,
     * turns that off) and whether the heap is on transparent huge pages (the launcher asks for them).
     */
    private static String jvm() {
        String gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).findFirst().orElse("?");
        boolean checks = !"0".equals(System.getProperty("jdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK"));
        String hugePages = java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseTransparentHugePages").getValue();
        return "java " + Runtime.version() + ", " + gc + ", vector bounds checks " + (checks ? "on" : "off")
                + ", transparent huge pages " + ("true".equals(hugePages) ? "on" : "off");
    }

    /**
     * Achieved share of the bandwidth bound for {@code mpts} at {@code bytesPerPoint} on {@code backend}: its own
     * triad where {@link #withDeviceTriad} measured one (a device's memory), else the host's C triad; NaN where
     * unknown.
     */
    double roofline(String backend, double mpts, double bytesPerPoint) {
        double bound = deviceTriadGbs.getOrDefault(backend, triadGbs);
        return mpts * 1e6 * bytesPerPoint / (bound * 1e9);
    }

    /** A row of a timed call without a C reference: {@code points} per call, first call apart. */
    SuiteRow row(String bench, int n, String backend, String device, Timing t, double points, double bytesPerPoint,
                 Map<String, Object> extra) {
        double mpts = points / t.medianSeconds() / 1e6;
        SuiteRow r = new SuiteRow(bench, n, backend, device, threads, t.medianSeconds(), mpts, Double.NaN,
                Double.isNaN(bytesPerPoint) ? Double.NaN : roofline(backend, mpts, bytesPerPoint), extra);
        return r.with("firstSeconds", t.firstSeconds()).with("repeats", t.repeats()).with("settled", t.settled());
    }
}
