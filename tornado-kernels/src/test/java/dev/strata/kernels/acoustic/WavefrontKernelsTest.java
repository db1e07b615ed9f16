package dev.strata.kernels.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.KernelTask;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Temporal blocking changes the order of the work, nothing else: k steps of the wavefront kernels leave both time
 * levels as k separate steps of waveStep8 + injectSource + advanceClock do, bit for bit, for bands run in any order,
 * by the bodies and by the Vector API rows, on 2 members with sources in the bands, on their edges and in the second
 * member, and with the clock running past the wavelets' end.
 */
class WavefrontKernelsTest {
    private static final int NB = 2;
    private static final int NZ = 200;
    private static final int R = AcousticKernels.RADIUS;

    /** The fields and coefficients of one test: even (current), odd (previous), vc, dampZ, dampX, wavelets. */
    private record Grid(int nx, float[] even, float[] odd, float[] vc, float[] dampZ, float[] dampX, float[] wavelets,
                        int[] srcIndex, int nt) {
        static Grid random(int nx, int nt) {
            SplittableRandom r = new SplittableRandom(nx);
            int n = NB * NZ * nx;
            float[] even = new float[n];
            float[] odd = new float[n];
            float[] vc = new float[n];
            for (int i = 0; i < n; i++) {
                even[i] = (float) r.nextGaussian();
                odd[i] = (float) r.nextGaussian();
                vc[i] = (float) (0.05 + 0.1 * r.nextDouble());
            }
            float[] dampZ = CerjanSponge.profile(NZ, 20, 0.015);
            float[] dampX = CerjanSponge.profile(nx, Math.min(20, nx / 3), 0.015);
            int edgeRow = WavefrontKernels.bandStart(2, 5, NZ);
            int[] src = {30 * nx + nx / 2, edgeRow * nx + nx / 3, (NZ + edgeRow - 1) * nx + R, (NZ + 150) * nx + 5};
            float[] wavelets = new float[src.length * nt];
            for (int i = 0; i < wavelets.length; i++) {
                wavelets[i] = (float) r.nextGaussian();
            }
            return new Grid(nx, even, odd, vc, dampZ, dampX, wavelets, src, nt);
        }

        Grid copy() {
            return new Grid(nx, even.clone(), odd.clone(), vc, dampZ, dampX, wavelets, srcIndex, nt);
        }
    }

    /** k separate steps, each by the per-point bodies: the definition. */
    private static void separateSteps(Grid g, int k, int[] clock) {
        for (int s = 1; s <= k; s++) {
            float[] next = s % 2 == 0 ? g.even() : g.odd();
            float[] cur = s % 2 == 0 ? g.odd() : g.even();
            KernelTask step = AcousticTasks.waveStep8(next, cur, g.vc(), g.dampZ(), g.dampX(), NZ, g.nx(), NB);
            step.runRows(0, step.range().outerEnd());
            SourceTasks.injectSource(next, g.vc(), g.wavelets(), g.srcIndex(), clock, g.nt()).runRows(0,
                    g.srcIndex().length);
            SourceTasks.advanceClock(clock).runRows(0, 1);
        }
    }

    /** The same k steps by the wavefront kernels, bands and edges in descending order. */
    private static void blockedSteps(Grid g, int k, int bands, int[] clock, boolean vector) {
        KernelTask inBand = WavefrontTasks.stepsInBand(g.even(), g.odd(), g.vc(), g.dampZ(), g.dampX(), g.wavelets(),
                g.srcIndex(), clock, NZ, g.nx(), bands, k, g.nt(), NB);
        KernelTask acrossEdge = WavefrontTasks.stepsAcrossEdge(g.even(), g.odd(), g.vc(), g.dampZ(), g.dampX(),
                g.wavelets(), g.srcIndex(), clock, NZ, g.nx(), bands, k, g.nt(), NB);
        for (KernelTask task : new KernelTask[] {inBand, acrossEdge}) {
            for (int row = task.range().outerEnd() - 1; row >= 0; row--) {
                if (vector) {
                    task.runRowsVectorized(row, row + 1);
                } else {
                    task.runRows(row, row + 1);
                }
            }
        }
        clock[0] += k;
    }

    @Test
    void blockedStepsEqualSeparateStepsBitForBit() {
        for (int nx : new int[] {53, 11}) {
            for (int[] kb : new int[][] {{4, 5}, {2, 9}, {6, 3}, {4, 1}}) {
                for (boolean vector : new boolean[] {false, true}) {
                    Grid expected = Grid.random(nx, 13);
                    Grid actual = expected.copy();
                    int[] clockExpected = {3};
                    int[] clockActual = {3};
                    for (int block = 0; block < 3; block++) {
                        separateSteps(expected, kb[0], clockExpected);
                        blockedSteps(actual, kb[0], kb[1], clockActual, vector);
                    }
                    String what = "nx " + nx + ", " + kb[0] + " steps in " + kb[1] + " bands, vector " + vector;
                    assertArrayEquals(expected.even(), actual.even(), what + ": current field");
                    assertArrayEquals(expected.odd(), actual.odd(), what + ": previous field");
                    assertTrue(expected.even()[expected.srcIndex()[1]] != Grid.random(nx, 13).even()[
                            expected.srcIndex()[1]], "the fields did not move");
                }
            }
        }
    }

    @Test
    void wavefrontTasksAreCoarseAndTheStepIsNot() {
        Grid g = Grid.random(53, 13);
        int[] clock = {0};
        assertTrue(WavefrontTasks.stepsInBand(g.even(), g.odd(), g.vc(), g.dampZ(), g.dampX(), g.wavelets(),
                g.srcIndex(), clock, NZ, g.nx(), 5, 4, g.nt(), NB).coarse());
        assertTrue(WavefrontTasks.stepsAcrossEdge(g.even(), g.odd(), g.vc(), g.dampZ(), g.dampX(), g.wavelets(),
                g.srcIndex(), clock, NZ, g.nx(), 5, 4, g.nt(), NB).coarse());
        assertFalse(AcousticTasks.waveStep8(g.even(), g.odd(), g.vc(), g.dampZ(), g.dampX(), NZ, g.nx(), NB).coarse());
    }

    @Test
    void refusesOddStepsAndBandsTooShortForTheirSteps() {
        Grid g = Grid.random(53, 13);
        int[] clock = {0};
        assertThrows(IllegalArgumentException.class, () -> blockedSteps(g, 3, 5, clock, true));
        assertThrows(IllegalArgumentException.class, () -> blockedSteps(g, 4, 6, clock, true));
        assertThrows(IllegalArgumentException.class, () -> blockedSteps(g, 0, 1, clock, true));
    }
}
