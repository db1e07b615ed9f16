package dev.strata.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bandwidth yardstick of a backend: the triad it runs, and the bound its rows' roofline is taken against. */
class TriadRowsTest {
    private static final double HOST_TRIAD_GBS = 20.0;

    private static SuiteContext context(List<SuiteRow> sink, List<String> failures) {
        return new SuiteContext(new SuiteSettings(true, List.of(), Path.of("none"), 3, "none"), 2, HOST_TRIAD_GBS,
                Map.of(), "test-machine", sink::add, failures::add);
    }

    private static SuiteContext context(List<SuiteRow> sink) {
        return context(sink, new ArrayList<>());
    }

    @Test
    void triadRowGivesTheBandwidthOfTwelveBytesAPointAndItsShareOfTheHostTriad() {
        int length = 1 << 16;
        try (JvmBackend backend = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            SuiteRow row = TriadRows.measure(context(new ArrayList<>()), "jvm", backend, length);
            double gbs = (Double) row.extra().get("gbs");
            assertEquals(length * 12.0 / row.seconds() / 1e9, gbs, 1e-9 * gbs);
            assertEquals(gbs / HOST_TRIAD_GBS, row.roofline(), 1e-12);
            assertEquals(length / row.seconds() / 1e6, row.mpts(), 1e-9 * row.mpts());
            assertTrue(gbs > 0, row.json());
        }
    }

    @Test
    void aDeviceTriadIsItsOwnBound() {
        try (JvmBackend jvm = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            ComputeBackend device = TestBackends.around(jvm, "device", false, p -> p);
            SuiteRow row = TriadRows.measure(context(new ArrayList<>()), "device:0", device, 1 << 16);
            assertEquals(1.0, row.roofline(), 1e-12, row.json());
        }
    }

    @Test
    void aTriadResultThatDiffersAnywhereIsRefused() {
        float[] b = {1f, 2f, 3f};
        float[] c = {4f, 5f, 6f};
        float[] a = {13f, 17f, 21f};
        TriadRows.requireTriad(a, b, c, "jvm");
        float[] unwritten = {13f, 17f, Float.NaN};
        assertThrows(IllegalStateException.class, () -> TriadRows.requireTriad(unwritten, b, c, "jvm"));
        float[] offByOne = {13f, 17f, 22f};
        assertThrows(IllegalStateException.class, () -> TriadRows.requireTriad(offByOne, b, c, "jvm"));
    }

    @Test
    void aFamilyThatFailsIsReportedAndTheNextStillRuns() {
        List<String> failures = new ArrayList<>();
        SuiteContext ctx = context(new ArrayList<>(), failures).withDeviceTriad("tornadovm:0", 4000.0);
        boolean[] ran = new boolean[1];
        ctx.attempt("stencil on tornadovm:0", () -> {
            throw new IllegalStateException("TornadoVM fell back to Java\nsecond line");
        });
        ctx.attempt("seismic on tornadovm:0", () -> ran[0] = true);
        assertEquals(List.of("stencil on tornadovm:0 failed: TornadoVM fell back to Java (IllegalStateException)"),
                failures);
        assertTrue(ran[0]);
    }

    @Test
    void aDeviceRowIsAShareOfItsOwnTriadAndAHostRowOfTheHostTriad() {
        SuiteContext ctx = context(new ArrayList<>()).withDeviceTriad("tornadovm:0", 4000.0);
        assertEquals(1000e6 * 16 / 4000e9, ctx.roofline("tornadovm:0", 1000, 16), 1e-15);
        assertEquals(1000e6 * 16 / 20e9, ctx.roofline("jvm", 1000, 16), 1e-15);
        assertEquals(1000e6 * 16 / 20e9, ctx.roofline("c", 1000, 16), 1e-15);
    }
}
