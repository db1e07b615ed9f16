package dev.strata.tornado;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackendContract;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.sampling.SamplingTasks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TornadoVM backend against the serial JVM reference. Runs only in a build with a TornadoVM SDK
 * (TORNADOVM_HOME), with -Dtornado.recover.bailout=False so that a kernel TornadoVM cannot compile fails the test
 * instead of silently running as Java; every plan also checks that the device recorded kernel time.
 */
class TornadoBackendTest extends ComputeBackendContract {

    /**
     * OpenCL may contract a*b+c into fused multiply-adds and PoCL vectorises the sums differently, so fields
     * differ from the JVM's by rounding that the 121 leapfrog steps carry along; 1e-5 relative L2 bounds it with
     * margin (measured: see the issue note).
     */
    @Override
    protected double waveTolerance() {
        return 1e-5;
    }

    @Override
    protected ComputeBackend openBackend() {
        return ComputeBackends.open("tornadovm");
    }

    @Test
    void strictModeForbidsSilentFallback() {
        assertEquals("False", System.getProperty("tornado.recover.bailout"),
                "tests must run with -Dtornado.recover.bailout=False");
    }

    /** out = 2 x, by the sampler's extrapolation x + c (x - 0) with c = 1, for x = (1, 2, 3). */
    private static KernelGraph doubling(float[] out) {
        float[] x = {1f, 2f, 3f};
        float[] zero = new float[3];
        float[] coef = {1f};
        return KernelGraph.builder("double").transferToDevice(TransferMode.FIRST_EXECUTION, x, zero, coef)
                .task("t", SamplingTasks.extrapolate(x, zero, zero, out, coef))
                .transferToHost(TransferMode.UNDER_DEMAND, out).build();
    }

    @Test
    void planRecordsDeviceKernelTimeAndKeepsArraysResident() {
        float[] out = new float[3];
        try (ExecutionPlan plan = backend.plan(doubling(out))) {
            for (int i = 0; i < 5; i++) {
                plan.execute();
            }
            plan.transferToHost(out);
            assertTrue(plan.ranOnDevice(), "no device kernel time recorded");
        }
        assertArrayEquals(new float[] {2f, 4f, 6f}, out);
    }

    /**
     * A plan is profiled (each execution's device kernel time checked) only until each of its graphs has run once:
     * the profiler's timers cost every execution. Its results are the same after.
     */
    @Test
    void theProfilerStopsOnceEveryGraphOfAPlanHasRunOnTheDevice() {
        float[] out = new float[3];
        KernelGraph first = doubling(out);
        try (ExecutionPlan plan = backend.plan(List.of(first, first.continuing("double-again")))) {
            TornadoPlan tornado = (TornadoPlan) plan;
            plan.execute(0);
            plan.execute(0);
            assertTrue(tornado.profiling(), "the second graph has not run yet");
            plan.execute(1);
            assertFalse(tornado.profiling(), "both graphs ran on the device");
            plan.execute(1);
            plan.transferToHost(out);
            assertTrue(plan.ranOnDevice());
        }
        assertArrayEquals(new float[] {2f, 4f, 6f}, out);
    }

    @Test
    void aPtxDeviceClockInKilohertzIsReportedInMegahertz() {
        assertEquals(1980, TornadoDevices.clockMHz("PTX", 1_980_000));
        assertEquals(2096, TornadoDevices.clockMHz("OPENCL", 2096));
        int mhz = (Integer) backend.device().properties().get("maxClockMHz");
        assertTrue(mhz > 0 && mhz < 10_000, "a clock in MHz: " + mhz);
    }

    @Test
    void devicesReportMemoryAndDriver() {
        var p = backend.device().properties();
        assertTrue((Long) p.get("globalMemoryBytes") > 0, p.toString());
        assertTrue(p.containsKey("driver"), p.toString());
    }
}
