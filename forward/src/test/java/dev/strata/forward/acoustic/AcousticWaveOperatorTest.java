package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.ForwardOperatorContract;
import dev.strata.kernels.acoustic.AcousticKernels;
import dev.strata.kernels.acoustic.CerjanSponge;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AcousticWaveOperatorTest extends ForwardOperatorContract {

    private final JvmBackend backend = JvmBackend.withDefaults();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Override
    protected ForwardOperator operator() {
        return new AcousticWaveOperator(SmallProblems.setup(), backend);
    }

    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        return SmallProblems.smoothModels(random, n);
    }

    @Test
    void shapesAreModelInAndShotsByTimeByReceiversOut() {
        ForwardOperator op = operator();
        assertArrayEquals(new int[] {40, 48}, op.inputShape());
        assertArrayEquals(new int[] {2, 300, 24}, op.outputShape());
    }

    /** The kernels, graphs and batching reproduce a plain loop over the scheme bit for bit. */
    @Test
    void applyEqualsPlainLoopReference() {
        AcousticSetup setup = SmallProblems.setup();
        float[] v = randomModels(rng, 1);
        float[] data = new AcousticWaveOperator(setup, backend).apply(v, 1);
        assertArrayEquals(plainReference(setup, v), data);
    }

    /** The Vector API rows (stencil, Born step, gradient) agree with the per-point bodies bit for bit. */
    @Test
    void vectorisedRowsEqualPerPointBodies() {
        AcousticSetup setup = SmallProblems.setup();
        float[] v = randomModels(rng, 1);
        float[] dv = gaussian(rng, v.length);
        float[] dd = gradientTestData(setup, 1);
        try (JvmBackend scalar = new JvmBackend(JvmConfig.defaults().withVectorized(false))) {
            AcousticWaveOperator vec = new AcousticWaveOperator(setup, backend);
            AcousticWaveOperator ref = new AcousticWaveOperator(setup, scalar);
            assertArrayEquals(ref.apply(v, 1), vec.apply(v, 1), "apply");
            assertArrayEquals(ref.jvp(v, dv, 1), vec.jvp(v, dv, 1), "jvp");
            assertArrayEquals(ref.vjp(v, dd, 1), vec.vjp(v, dd, 1), "vjp");
        }
    }

    @Test
    void gradientDoesNotDependOnTheCheckpointInterval() {
        AcousticSetup setup = SmallProblems.setup();
        float[] v = randomModels(rng, 2);
        float[] dd = gradientTestData(setup, 2);
        float[] auto = new AcousticWaveOperator(setup, backend).vjp(v, dd, 2);
        float[] every2 = new AcousticWaveOperator(setup, backend, 2, 3).vjp(v, dd, 2);
        float[] single = new AcousticWaveOperator(setup, backend, setup.time().nt(), 1).vjp(v, dd, 2);
        assertArrayEquals(auto, every2, "interval 2, 3 pairs per pass");
        assertArrayEquals(auto, single, "one segment, 1 pair per pass");
        // two segments (both in the ring, nothing recomputed), three (one recomputed), four of 76 steps past nt
        for (int interval : new int[] {150, 100, 76}) {
            AcousticWaveOperator op = new AcousticWaveOperator(setup, backend, interval, 2);
            assertArrayEquals(auto, op.vjp(v, dd, 2), op.checkpointing().segments() + " segments");
        }
    }

    /**
     * A graph execution takes 8, 4 or 2 steps (the most that divides the checkpoint interval): data, Born data and
     * gradient are the same bit for bit whichever it is, the forward and Born sweeps running up to 7 steps past nt.
     */
    @Test
    void resultsDoNotDependOnTheStepsEachGraphExecutionTakes() {
        assertEquals(8, WavePropagator.stepsPerExecution(24));
        assertEquals(4, WavePropagator.stepsPerExecution(20));
        assertEquals(2, WavePropagator.stepsPerExecution(10));
        AcousticSetup setup = SmallProblems.setup(298); // 298 = 37 x 8 + 2: the last execution runs 6 steps past nt
        float[] v = randomModels(rng, 2);
        float[] dv = randomModels(rng, 2);
        float[] dd = gradientTestData(setup, 2);
        AcousticWaveOperator two = new AcousticWaveOperator(setup, backend, 2, 2);
        for (int interval : new int[] {4, 8}) {
            AcousticWaveOperator op = new AcousticWaveOperator(setup, backend, interval, 2);
            assertArrayEquals(two.apply(v, 2), op.apply(v, 2), "data, interval " + interval);
            assertArrayEquals(two.jvp(v, dv, 2), op.jvp(v, dv, 2), "Born data, interval " + interval);
            assertArrayEquals(two.vjp(v, dd, 2), op.vjp(v, dd, 2), "gradient, interval " + interval);
        }
    }

    @Test
    void automaticCheckpointIntervalIsNearSqrtNtAndCoversNt() {
        Checkpointing c = Checkpointing.forSteps(300, 0);
        assertEquals(20, c.interval(), "20 x 15 = 300 costs fewer gradient steps than 18 x 17 = 306");
        assertEquals(300, c.steps());
        assertEquals(3 * 300 - 2 * 20, c.gradientSteps(), "the ring holds the last two segments");
        Checkpointing c200 = Checkpointing.forSteps(200, 0);
        assertTrue(Math.abs(c200.interval() - Math.sqrt(200)) <= 5, c200.toString());
        assertTrue(c200.steps() >= 200 && c200.steps() - 200 < 2 * c200.segments(), c200.toString());
        Checkpointing odd = Checkpointing.forSteps(7, 3);
        assertEquals(4, odd.interval());
        assertEquals(8, odd.steps());
    }

    private float[] gradientTestData(AcousticSetup setup, int n) {
        return gaussian(rng, n * setup.acquisition().nshots() * setup.time().nt() * setup.acquisition().nrec());
    }

    /**
     * The scheme written out: pad by replication, vc = (v dt / h)^2, Cerjan factors, then per step and shot record
     * u^t, u^{t+1} = d (2 u^t - d u^{t-1} + vc lap8 u^t) (stored as 0 below 2^-100), add vc w_t at the source.
     */
    static float[] plainReference(AcousticSetup s, float[] v) {
        PaddedGrid pg = PaddedGrid.of(s.grid(), s.boundary());
        int pnz = pg.nz();
        int pnx = pg.nx();
        float[] vc = new float[pg.size()];
        pg.replicate(v, 0, vc, 0);
        double r = s.time().dt() / s.grid().spacing();
        for (int i = 0; i < vc.length; i++) {
            vc[i] = (float) (r * r * vc[i] * vc[i]);
        }
        SpongeBoundary sponge = (SpongeBoundary) s.boundary();
        float[] dz = CerjanSponge.profile(pnz, pg.pad(), sponge.strength());
        float[] dx = CerjanSponge.profile(pnx, pg.pad(), sponge.strength());
        float[] w = s.source().samples(s.time());
        int nt = s.time().nt();
        int nrec = s.acquisition().nrec();
        float[] data = new float[s.acquisition().nshots() * nt * nrec];
        int rad = AcousticKernels.RADIUS;
        for (int shot = 0; shot < s.acquisition().nshots(); shot++) {
            Shot sh = s.acquisition().shots().get(shot);
            float[] prev = new float[pg.size()];
            float[] cur = new float[pg.size()];
            for (int t = 0; t < nt; t++) {
                for (int k = 0; k < nrec; k++) {
                    data[(shot * nt + t) * nrec + k] = cur[pg.index(sh.receivers().get(k))];
                }
                float[] next = new float[pg.size()];
                for (int z = rad; z < pnz - rad; z++) {
                    for (int x = rad; x < pnx - rad; x++) {
                        int i = z * pnx + x;
                        float d = dz[z] * dx[x];
                        next[i] = d * (2.0f * cur[i] - d * prev[i] + vc[i] * AcousticKernels.laplacian8(cur, i, pnx));
                        next[i] = Math.abs(next[i]) < 0x1p-100f ? 0f : next[i];
                    }
                }
                int is = pg.index(sh.source());
                next[is] = next[is] + vc[is] * w[t];
                prev = cur;
                cur = next;
            }
        }
        return data;
    }
}
