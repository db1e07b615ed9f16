package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.ForwardOperatorContract;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract for the operator with a CPML border (10 points and 200 steps here, to keep the small grid quick), and
 * what the CPML is for: little reflection.
 */
class CpmlWaveOperatorTest extends ForwardOperatorContract {

    private static final CpmlBoundary CPML = new CpmlBoundary(10, 1e-3);
    private static final int STEPS = 200;

    private final JvmBackend backend = JvmBackend.withDefaults();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Override
    protected ForwardOperator operator() {
        return new AcousticWaveOperator(SmallProblems.setup(STEPS).withBoundary(CPML), backend);
    }

    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        return SmallProblems.smoothModels(random, n);
    }

    @Test
    void gradientDoesNotDependOnTheCheckpointInterval() {
        AcousticSetup setup = SmallProblems.setup(STEPS).withBoundary(CPML);
        float[] v = randomModels(rng, 1);
        float[] dd = gaussian(rng, setup.acquisition().nshots() * setup.time().nt() * setup.acquisition().nrec());
        float[] auto = new AcousticWaveOperator(setup, backend).vjp(v, dd, 1);
        float[] every2 = new AcousticWaveOperator(setup, backend, 2, 1).vjp(v, dd, 1);
        float[] every8 = new AcousticWaveOperator(setup, backend, 8, 1).vjp(v, dd, 1); // 8 steps a graph execution
        assertArrayEquals(auto, every2);
        assertArrayEquals(auto, every8);
    }

    /** The Vector API rows of the CPML kernels (plain interior) agree with the per-point bodies bit for bit. */
    @Test
    void vectorisedRowsEqualPerPointBodies() {
        AcousticSetup setup = SmallProblems.setup(STEPS).withBoundary(CPML);
        float[] v = randomModels(rng, 1);
        float[] dv = gaussian(rng, v.length);
        float[] dd = gaussian(rng, setup.acquisition().nshots() * setup.time().nt() * setup.acquisition().nrec());
        try (JvmBackend scalar = new JvmBackend(JvmConfig.defaults().withVectorized(false))) {
            AcousticWaveOperator vec = new AcousticWaveOperator(setup, backend);
            AcousticWaveOperator ref = new AcousticWaveOperator(setup, scalar);
            assertArrayEquals(ref.apply(v, 1), vec.apply(v, 1), "apply");
            assertArrayEquals(ref.jvp(v, dv, 1), vec.jvp(v, dv, 1), "jvp");
            assertArrayEquals(ref.vjp(v, dd, 1), vec.vjp(v, dd, 1), "vjp");
        }
    }

    /**
     * Energy reflected back from the border, relative to the direct wave, at a receiver 5 points from the model edge:
     * the difference from the same run on a grid large enough that nothing comes back in time. CPML below 1 %, and
     * at least five times below the sponge of the same width.
     */
    @Test
    void cpmlReflectsFarLessThanTheSpongeOfTheSameWidth() {
        double cpml = boundaryReflection(CpmlBoundary.DEFAULT);
        double sponge = boundaryReflection(SpongeBoundary.DEFAULT);
        assertTrue(cpml < 0.01, "CPML reflects " + cpml + " of the direct wave's norm");
        assertTrue(cpml < sponge / 5, "CPML " + cpml + " vs sponge " + sponge);
    }

    private double boundaryReflection(AbsorbingBoundary boundary) {
        int margin = 60;
        float[] small = trace(boundary, 40, 40, 0);
        float[] large = trace(boundary, 40 + 2 * margin, 40 + 2 * margin, margin);
        double num = 0;
        double den = 0;
        for (int t = 0; t < small.length; t++) {
            num += (small[t] - large[t]) * (double) (small[t] - large[t]);
            den += (double) large[t] * large[t];
        }
        return Math.sqrt(num / den);
    }

    /** Constant 2000 m/s, source at (20, 20) of the inner 40 x 40 block, receiver at (20, 35); 400 steps of 1 ms. */
    private float[] trace(AbsorbingBoundary boundary, int nz, int nx, int offset) {
        Grid grid = new Grid(nz, nx, 10.0);
        AcousticSetup setup = new AcousticSetup(grid, new TimeAxis(400, 1e-3), RickerSource.withPeak(15.0),
                Acquisition.fixedSpread(List.of(new GridPoint(offset + 20, offset + 20)),
                        List.of(new GridPoint(offset + 20, offset + 35))),
                new VelocityRange(2000, 2000), boundary, DispersionRule.DEFAULT);
        return new AcousticWaveOperator(setup, backend).apply(SmallProblems.constant(grid, 2000), 1);
    }
}
