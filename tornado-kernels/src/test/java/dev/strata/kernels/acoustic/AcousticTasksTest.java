package dev.strata.kernels.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.KernelTask;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Ranges, full writes, argument checks and Vector API rows of the acoustic tasks, as the kernel declarations generate
 * them. Grids are 2 members of 29 x 37 points (no multiple of any vector width) with CPML strips of 5.
 */
class AcousticTasksTest {
    private static final int NB = 2;
    private static final int NZ = 29;
    private static final int NX = 37;
    private static final int W = 5;
    private static final int N = NB * NZ * NX;
    private static final int R = AcousticKernels.RADIUS;

    @Test
    void stencilsRunOverTheInteriorAndTheCpmlStepOverEveryPoint() {
        float[] f = new float[N];
        float[] d = new float[Math.max(NZ, NX)];
        assertEquals(new IndexRange(0, NB * (NZ - 2 * R), R, NX - R),
                AcousticTasks.waveStep8(f, f, f, d, d, NZ, NX, NB).range());
        assertEquals(new IndexRange(0, NB * (NZ - 2 * R), R, NX - R),
                CpmlTasks.adjointStep(f, f, f, f, f, f, f, new float[2 * NX], new float[2 * NZ], W, NZ, NX, NB).range());
        assertEquals(new IndexRange(0, NB * NZ, 0, NX), cpmlStep(fields(1), 1).range());
        assertEquals(IndexRange.of1d(0, NB), ReceiverTasks.injectReceivers(f, f, f, new int[NB], new int[1], 1, 1, NB)
                .range());
        assertEquals(IndexRange.of1d(0, N), ImagingTasks.crossCorrelate(f, f, f, new float[2 * N], new int[1], 1, 1, N)
                .range());
        assertEquals(IndexRange.of1d(0, 1), SourceTasks.advanceClock(new int[1]).range());
    }

    /** With the bracket stored, the CPML step writes all of it (0 on the frame) and leaves u alone on the frame. */
    @Test
    void cpmlStepWritesTheFrameOfTheBracketAndNoFrameOfU() {
        for (boolean vector : new boolean[] {false, true}) {
            float[][] a = fields(7);
            float[] before = a[0].clone();
            Arrays.fill(a[9], Float.NaN);
            run(cpmlStep(a, 1), vector);
            for (int i = 0; i < N; i++) {
                int iz = (i / NX) % NZ;
                int ix = i % NX;
                boolean frame = iz < R || iz >= NZ - R || ix < R || ix >= NX - R;
                assertTrue(!Float.isNaN(a[9][i]), "bracket unwritten at " + i);
                assertTrue(!frame || a[9][i] == 0f && a[0][i] == before[i], "frame point " + i);
            }
        }
    }

    /**
     * The recomputing step stores L u^t in the ring slot of its clock and nowhere else, only while the clock is below
     * steps, and steps u exactly as waveStep8 does.
     */
    @Test
    void laplacianStepWritesTheRingSlotOfItsClockOnly() {
        for (boolean vector : new boolean[] {false, true}) {
            float[][] a = fields(5);
            float[][] plain = fields(5);
            float[] ring = a[10].clone();
            run(AcousticTasks.waveStep8Laplacian(a[0], a[1], a[2], a[3], a[4], a[10], new int[] {3}, 2, 9, N, NZ, NX,
                    NB), vector);
            run(AcousticTasks.waveStep8(plain[0], plain[1], plain[2], plain[3], plain[4], NZ, NX, NB), vector);
            assertArrayEquals(plain[0], a[0], "u^{t+1}");
            int slot = CheckpointKernels.snapshotSlot(3, 2);
            for (int j = 0; j < ring.length; j++) {
                int i = j - slot * N;
                int iz = (i / NX) % NZ;
                int ix = i % NX;
                boolean interior = i >= 0 && i < N && iz >= R && iz < NZ - R && ix >= R && ix < NX - R;
                assertEquals(interior ? AcousticKernels.laplacian8(a[1], i, NX) : ring[j], a[10][j], "ring " + j);
            }
            float[] untouched = a[10].clone();
            run(AcousticTasks.waveStep8Laplacian(a[0], a[1], a[2], a[3], a[4], a[10], new int[] {9}, 2, 9, N, NZ, NX,
                    NB), vector);
            assertArrayEquals(untouched, a[10], "no store once the clock reaches steps");
        }
    }

    /**
     * On adjoint fields whose frames are zero, the fused step adds to g what accumulateProducts adds for the two
     * levels (t + 1 from the field it overwrites, t from the other), bit for bit, and steps the field as waveStep8
     * does; one level where the other lies outside [0, nt), nothing once both do.
     */
    @Test
    void imagingStepEqualsAccumulateThenStepOnFieldsWithAZeroFrame() {
        for (boolean vector : new boolean[] {false, true}) {
            for (int t : new int[] {-1, 3, 8, 9}) {
                float[][] fused = fields(6);
                float[][] apart = fields(6);
                for (float[][] a : new float[][][] {fused, apart}) {
                    for (int i = 0; i < N; i++) {
                        int iz = (i / NX) % NZ;
                        int ix = i % NX;
                        if (iz < R || iz >= NZ - R || ix < R || ix >= NX - R) {
                            a[0][i] = 0f;
                            a[1][i] = 0f;
                        }
                    }
                }
                float[] before = fused[5].clone();
                run(AcousticTasks.waveStep8Imaging(fused[0], fused[1], fused[2], fused[3], fused[4], fused[5],
                        fused[10], new int[] {t}, 2, 9, N, NZ, NX, NB), vector);
                run(ImagingTasks.accumulateProducts(apart[5], apart[1], apart[0], apart[10], new int[] {t}, 2, 9, N),
                        vector);
                run(AcousticTasks.waveStep8(apart[0], apart[1], apart[2], apart[3], apart[4], NZ, NX, NB), vector);
                assertArrayEquals(apart[5], fused[5], "g at t = " + t);
                assertArrayEquals(apart[0], fused[0], "Phi at t = " + t);
                if (t == 9) {
                    assertArrayEquals(before, fused[5], "no level below nt = 9 at t = 9");
                }
            }
        }
    }

    /**
     * The two levels' products, each summed in the order of one level a step: g + older s_{t+1} + newer s_t, through
     * {@link AcousticKernels#normalProduct}; a level outside [0, nt) adds nothing. Checked against sums written out
     * here, for either clock parity and at both ends of the levels.
     */
    @Test
    void accumulateProductsAddsLevelsTPlusOneThenT() {
        int k = 2;
        int nt = 9;
        for (boolean vector : new boolean[] {false, true}) {
            for (int t : new int[] {-1, 0, 3, 4, 8, 9}) {
                float[][] a = fields(6);
                float[] g = a[5].clone();
                run(ImagingTasks.accumulateProducts(a[5], a[1], a[0], a[10], new int[] {t}, k, nt, N), vector);
                for (int i = 0; i < N; i++) {
                    float sum = g[i];
                    if (t + 1 >= 0 && t + 1 < nt) {
                        sum += AcousticKernels.normalProduct(a[0][i],
                                a[10][CheckpointKernels.snapshotSlot(t + 1, k) * N + i]);
                    }
                    if (t >= 0 && t < nt) {
                        sum += AcousticKernels.normalProduct(a[1][i],
                                a[10][CheckpointKernels.snapshotSlot(t, k) * N + i]);
                    }
                    assertEquals(sum, a[5][i], "g[" + i + "] at t = " + t + (vector ? ", vector rows" : ""));
                }
            }
        }
    }

    @Test
    void vectorisedRowsEqualThePerPointBodiesBitForBit() {
        assertVectorEqualsBody(a -> AcousticTasks.waveStep8(a[0], a[1], a[2], a[3], a[4], NZ, NX, NB));
        assertVectorEqualsBody(a -> AcousticTasks.bornStep8(a[0], a[1], a[2], a[3], a[4], a[5], a[6], NZ, NX, NB));
        assertVectorEqualsBody(a -> AcousticTasks.waveStep8Laplacian(a[0], a[1], a[2], a[3], a[4], a[10],
                new int[] {3}, 2, 9, N, NZ, NX, NB));
        assertVectorEqualsBody(a -> AcousticTasks.waveStep8Laplacian(a[0], a[1], a[2], a[3], a[4], a[10],
                new int[] {9}, 2, 9, N, NZ, NX, NB));
        assertVectorEqualsBody(a -> AcousticTasks.waveStep8Imaging(a[0], a[1], a[2], a[3], a[4], a[5], a[10],
                new int[] {3}, 2, 9, N, NZ, NX, NB));
        assertVectorEqualsBody(a -> AcousticTasks.waveStep8Imaging(a[0], a[1], a[2], a[3], a[4], a[5], a[10],
                new int[] {9}, 2, 9, N, NZ, NX, NB));
        assertVectorEqualsBody(a -> CpmlTasks.psi(a[0], a[1], a[2], a[7], a[8], W, NZ, NX, NB));
        assertVectorEqualsBody(a -> cpmlStep(a, 1));
        assertVectorEqualsBody(a -> cpmlStep(a, 0));
        assertVectorEqualsBody(a -> cpmlStepIntoRing(a, 3, N, NZ, NX, W));
        assertVectorEqualsBody(a -> cpmlStepIntoRing(a, 9, N, NZ, NX, W));
        assertVectorEqualsBody(a -> CpmlTasks.adjointZeta(a[0], a[1], a[2], a[7], a[8], W, NZ, NX, NB));
        assertVectorEqualsBody(a -> CpmlTasks.adjointPsi(a[0], a[1], a[2], a[3], a[4], a[7], a[8], W, NZ, NX, NB));
        assertVectorEqualsBody(a -> CpmlTasks.adjointStep(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], W, NZ,
                NX, NB));
        assertVectorEqualsBody(a -> ImagingTasks.accumulateProducts(a[0], a[1], a[2], a[10], new int[] {3}, 2, 9, N));
        assertVectorEqualsBody(a -> CheckpointTasks.storeCheckpoint(a[0], a[1], a[10], new int[] {1}, 1, 2, N));
        assertVectorEqualsBody(a -> CheckpointTasks.loadCheckpoint(a[0], a[1], a[10], new int[] {1}, 1, 2, N));
        assertVectorEqualsBody(a -> CheckpointTasks.storeSnapshot(a[0], a[10], new int[] {1}, 1, 2, N));
        assertVectorEqualsBody(a -> CpmlTasks.storeState(a[0], a[1], a[2], a[3], a[10], new int[] {0}, 1, 1, N));
        assertVectorEqualsBody(a -> CpmlTasks.loadState(a[0], a[1], a[2], a[3], a[10], new int[] {0}, 1, 1, N));
    }

    @Test
    void restartRowsEqualTheBodyWithTheFlagUpAndDown() {
        for (int flag : new int[] {0, 1}) {
            float[][] body = fields(5);
            float[][] vector = fields(5);
            int[] bodyClock = {7};
            int[] vectorClock = {7};
            run(SourceTasks.restartWhen(new int[] {flag}, body[0], body[1], bodyClock, N), false);
            KernelTask rows = SourceTasks.restartWhen(new int[] {flag}, vector[0], vector[1], vectorClock, N);
            assertTrue(rows.vectorized());
            run(rows, true);
            for (int j = 0; j < 2; j++) {
                assertArrayEquals(body[j], vector[j], "flag " + flag + ", array " + j);
            }
            assertEquals(flag == 1 ? 0 : 7, vectorClock[0]);
            assertEquals(bodyClock[0], vectorClock[0]);
        }
    }

    @Test
    void tooSmallGridIsRejected() {
        float[] a = new float[64];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AcousticTasks.waveStep8(a, a, a, a, a, 8, 8, 1));
        assertTrue(e.getMessage().startsWith("AcousticKernels.waveStep8: requires nb >= 1 && nz >= "), e.getMessage());
    }

    /** A short array or a broken condition is refused when the task is made, naming the kernel and the argument. */
    @Test
    void wrongArgumentsAreRefusedNamingTheKernel() {
        float[][] a = fields(1);
        int[] clock = new int[1];
        refused("CpmlKernels.step: bracket has 1 elements, needs " + N, () -> CpmlTasks.step(a[0], a[1], a[2], a[3],
                a[4], a[5], a[6], a[7], a[8], new float[1], 1, W, NZ, NX, NB));
        refused("CpmlKernels.psi: requires nb >= 1 && w >= 0", () -> CpmlTasks.psi(a[0], a[1], a[2], a[7], a[8], 11,
                NZ, NX, NB));
        refused("CpmlKernels.storeState: aux has " + N + " elements, needs " + 4L * 3 * N,
                () -> CpmlTasks.storeState(a[0], a[1], a[2], a[3], a[4], clock, 4, 9, N));
        refused("CheckpointKernels.storeCheckpoint: requires k >= 1 && steps >= 1",
                () -> CheckpointTasks.storeCheckpoint(a[0], a[1], a[2], clock, 0, 9, N));
        refused("CheckpointKernels.storeSnapshot: clock has 0 elements, needs 1",
                () -> CheckpointTasks.storeSnapshot(a[0], new float[2 * N], new int[0], 1, 9, N));
        refused("SourceKernels.injectSource: wavelets has 9 elements, needs 20",
                () -> SourceTasks.injectSource(a[0], a[1], new float[9], new int[] {0, 1}, clock, 10));
        refused("SourceKernels.injectSource: requires KernelChecks.allWithin(srcIndex",
                () -> SourceTasks.injectSource(a[0], a[1], new float[10], new int[] {N}, clock, 10));
        refused("ReceiverKernels.recordReceiver: requires", () -> ReceiverTasks.recordReceiver(a[0], new float[9],
                new int[] {0, -1, 2}, clock, 3, 3, 1));
        refused("ReceiverKernels.injectReceivers: scale has 1 elements, needs " + N,
                () -> ReceiverTasks.injectReceivers(a[0], new float[1], new float[3], new int[] {0}, clock, 1, 3, 1));
        refused("AcousticKernels.waveStep8Laplacian: snapshots has 1 elements, needs " + 4 * N,
                () -> AcousticTasks.waveStep8Laplacian(a[0], a[1], a[2], a[3], a[4], new float[1], clock, 2, 9, N, NZ,
                        NX, NB));
        refused("AcousticKernels.waveStep8Laplacian: requires fieldSize ==",
                () -> AcousticTasks.waveStep8Laplacian(a[0], a[1], a[2], a[3], a[4], a[10], clock, 1, 9, N / 2, NZ,
                        NX, NB));
        refused("ImagingKernels.crossCorrelate: requires k >= 1", () -> ImagingTasks.crossCorrelate(a[0], a[1], a[2],
                a[3], clock, 0, 9, N));
        // well-formed arguments are accepted
        CpmlTasks.step(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], new float[1], 0, W, NZ, NX, NB);
        ReceiverTasks.recordReceiver(a[0], new float[9], new int[] {0, 1, 2}, clock, 3, 3, 1);
    }

    private static void refused(String prefix, Executable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    /** The CPML step over fields a[0..6], profiles a[7], a[8] and the bracket a[9]. */
    private static KernelTask cpmlStep(float[][] a, int storeBracket) {
        return CpmlTasks.step(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], storeBracket, W, NZ, NX, NB);
    }

    /** The CPML step into the ring a[10] (two slots of k = 2, steps 9) at clock t, one member of n points. */
    private static KernelTask cpmlStepIntoRing(float[][] a, int t, int n, int nz, int nx, int w) {
        return CpmlTasks.stepIntoRing(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[10], new int[] {t}, 2, 9,
                n, w, nz, nx, n / (nz * nx));
    }

    /**
     * The CPML step into the ring leaves the fields and the ring as the step that stores its bracket, then
     * storeSnapshot of that bracket, leave them, bit for bit; once the clock reaches steps, the ring is left alone.
     */
    @Test
    void cpmlStepIntoRingEqualsStepThenStoreSnapshot() {
        for (boolean vector : new boolean[] {false, true}) {
            for (int t : new int[] {3, 9}) {
                float[][] fused = fields(8);
                float[][] apart = fields(8);
                run(cpmlStepIntoRing(fused, t, N, NZ, NX, W), vector);
                run(cpmlStep(apart, 1), vector);
                if (t < 9) {
                    run(CheckpointTasks.storeSnapshot(apart[9], apart[10], new int[] {t}, 2, 9, N), vector);
                } else {
                    apart[10] = fields(8)[10];
                }
                for (int j : new int[] {0, 5, 6, 10}) {
                    assertArrayEquals(apart[j], fused[j], "array " + j + " at t = " + t);
                }
            }
        }
    }

    /**
     * Strips wider than a vector (20 points, 16 lanes at AVX-512) and a middle of several vectors: every vector path of
     * the CPML rows runs, and the runs of one mode end in leftover columns.
     */
    @Test
    void cpmlVectorRowsEqualTheBodiesOnStripsWiderThanAVector() {
        cpmlVectorRowsEqualTheBodies(61, 107, 20);
    }

    /** Rows narrower than a vector (15 points at w = 2) run the per-point bodies, with the same results. */
    @Test
    void cpmlRowsNarrowerThanAVectorEqualTheBodies() {
        cpmlVectorRowsEqualTheBodies(13, 2 * R + 2 * 2 + 3, 2);
    }

    /**
     * Rows of every width around the vectors, with thin and wide strips: the middle run away from the x strips is
     * empty, narrower than a vector, or whole vectors with columns left over on either side, and the last vector of a
     * row ends at nx - R over the one before it; the CPML rows still agree with their bodies bit for bit.
     */
    @Test
    void cpmlVectorRowsEqualTheBodiesOnRowsOfEveryWidthAroundAVector() {
        int lanes = AcousticVectors.lanes();
        for (int w : new int[] {3, 20}) {
            for (int nx : new int[] {2 * R + 2 * w + 1, 2 * R + 2 * w + lanes - 1, 2 * R + 2 * w + 2 * lanes + 5,
                    4 * R + 2 * w + 3 * lanes, 2 * R + 6 * lanes + 1}) {
                cpmlVectorRowsEqualTheBodies(2 * R + 2 * w + 9, Math.max(nx, 2 * R + lanes), w);
            }
        }
    }

    private static void cpmlVectorRowsEqualTheBodies(int nz, int nx, int w) {
        int nb = 1;
        int n = nb * nz * nx;
        assertVectorEqualsBody(a -> CpmlTasks.psi(a[0], a[1], a[2], a[7], a[8], w, nz, nx, nb), n, nz, nx);
        for (int store : new int[] {0, 1}) {
            assertVectorEqualsBody(a -> CpmlTasks.step(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9],
                    store, w, nz, nx, nb), n, nz, nx);
        }
        assertVectorEqualsBody(a -> cpmlStepIntoRing(a, 1, n, nz, nx, w), n, nz, nx);
        assertVectorEqualsBody(a -> CpmlTasks.adjointZeta(a[0], a[1], a[2], a[7], a[8], w, nz, nx, nb), n, nz, nx);
        assertVectorEqualsBody(a -> CpmlTasks.adjointPsi(a[0], a[1], a[2], a[3], a[4], a[7], a[8], w, nz, nx, nb), n,
                nz, nx);
        assertVectorEqualsBody(a -> CpmlTasks.adjointStep(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], w, nz,
                nx, nb), n, nz, nx);
    }

    /**
     * Rows of every width around one and a few vectors (the whole-vector rows put a head and a tail vector over the
     * aligned ones; narrower rows run the body), with a sponge whose middle is exactly 1 (the undamped vectors): the
     * interior stencils agree with their bodies bit for bit.
     */
    @Test
    void interiorStencilsEqualTheBodiesOnRowsOfEveryWidthAroundAVector() {
        int lanes = AcousticVectors.lanes();
        int nb = 2;
        int nz = 13;
        for (int nx : new int[] {2 * R + lanes - 1, 2 * R + lanes, 2 * R + lanes + 1, 2 * R + 2 * lanes + 3,
                2 * R + 3 * lanes - 1, 2 * R + 5 * lanes + 7}) {
            int n = nb * nz * nx;
            float[] dz = CerjanSponge.profile(nz, 3, 0.015);
            float[] dx = CerjanSponge.profile(nx, 3, 0.015);
            assertVectorEqualsBody(a -> AcousticTasks.waveStep8(a[0], a[1], a[2], dz, dx, nz, nx, nb), n, nz, nx);
            assertVectorEqualsBody(a -> AcousticTasks.bornStep8(a[0], a[1], a[2], a[3], a[4], dz, dx, nz, nx, nb), n,
                    nz, nx);
            assertVectorEqualsBody(a -> AcousticTasks.waveStep8Laplacian(a[0], a[1], a[2], dz, dx, a[10],
                    new int[] {1}, 2, 9, n, nz, nx, nb), n, nz, nx);
            assertVectorEqualsBody(a -> AcousticTasks.waveStep8Imaging(a[0], a[1], a[2], dz, dx, a[3], a[10],
                    new int[] {1}, 2, 9, n, nz, nx, nb), n, nz, nx);
        }
    }

    /**
     * A field large enough for G1 to place it at a region start: the rows start their vectors at an aligned column,
     * with a head vector before it, and still agree with the bodies bit for bit.
     */
    @Test
    void interiorStencilsEqualTheBodiesOnRowsWithAlignedVectors() {
        long aligned = AcousticVectors.regionAlignedLength();
        Assumptions.assumeTrue(aligned < Integer.MAX_VALUE / 8, "the collector is not G1: no aligned rows");
        int nb = 1;
        int nz = 2 * R + 2;
        int nx = (int) (aligned / nz) + 3 * AcousticVectors.lanes() + 5;
        int n = nb * nz * nx;
        float[] field = new float[n];
        assertTrue(AcousticVectors.firstVector(field, R * nx) != R
                || AcousticVectors.firstVector(field, (R + 1) * nx) != R,
                "some row starts its vectors after a head vector");
        float[] dz = CerjanSponge.profile(nz, 1, 0.015);
        float[] dx = CerjanSponge.profile(nx, 3, 0.015);
        assertVectorEqualsBody(a -> AcousticTasks.waveStep8(a[0], a[1], a[2], dz, dx, nz, nx, nb), n, nz, nx);
        assertVectorEqualsBody(a -> AcousticTasks.bornStep8(a[0], a[1], a[2], a[3], a[4], dz, dx, nz, nx, nb), n, nz,
                nx);
        assertVectorEqualsBody(a -> AcousticTasks.waveStep8Laplacian(a[0], a[1], a[2], dz, dx, a[10], new int[] {1}, 2,
                9, n, nz, nx, nb), n, nz, nx);
    }

    /**
     * On values of every magnitude from 1 down to below the smallest normal float, where results are flushed to 0
     * ({@link AcousticKernels#flushToZero}) and products of two fields dropped ({@link AcousticKernels#normalProduct}),
     * the Vector API rows still agree with the bodies bit for bit.
     */
    @Test
    void vectorisedRowsEqualThePerPointBodiesOnValuesDownToSubnormal() {
        List<Function<float[][], KernelTask>> tasks = List.of(
                a -> AcousticTasks.waveStep8(a[0], a[1], a[2], a[3], a[4], NZ, NX, NB),
                a -> AcousticTasks.bornStep8(a[0], a[1], a[2], a[3], a[4], a[5], a[6], NZ, NX, NB),
                a -> AcousticTasks.waveStep8Laplacian(a[0], a[1], a[2], a[3], a[4], a[10], new int[] {3}, 2, 9, N, NZ,
                        NX, NB),
                a -> AcousticTasks.waveStep8Imaging(a[0], a[1], a[2], a[3], a[4], a[5], a[10], new int[] {3}, 2, 9, N,
                        NZ, NX, NB),
                a -> CpmlTasks.psi(a[0], a[1], a[2], a[7], a[8], W, NZ, NX, NB),
                a -> cpmlStep(a, 1),
                a -> CpmlTasks.adjointZeta(a[0], a[1], a[2], a[7], a[8], W, NZ, NX, NB),
                a -> CpmlTasks.adjointPsi(a[0], a[1], a[2], a[3], a[4], a[7], a[8], W, NZ, NX, NB),
                a -> CpmlTasks.adjointStep(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], W, NZ, NX, NB),
                a -> ImagingTasks.accumulateProducts(a[0], a[1], a[2], a[10], new int[] {3}, 2, 9, N));
        for (Function<float[][], KernelTask> task : tasks) {
            assertVectorEqualsBody(task, N, NZ, NX, true);
        }
    }

    /** Runs a task on fresh random arrays by its per-point body and by its Vector API rows; all arrays must agree. */
    private static void assertVectorEqualsBody(Function<float[][], KernelTask> task) {
        assertVectorEqualsBody(task, N, NZ, NX);
    }

    private static void assertVectorEqualsBody(Function<float[][], KernelTask> task, int n, int nz, int nx) {
        assertVectorEqualsBody(task, n, nz, nx, false);
    }

    /**
     * As above, where {@code spread} with every value scaled by 2^-e, e from 0 to 157: blocks of 64 values share the
     * bulk of e, so that whole neighbourhoods are tiny.
     */
    private static void assertVectorEqualsBody(Function<float[][], KernelTask> task, int n, int nz, int nx,
                                               boolean spread) {
        float[][] body = fields(3, n, nz, nx, spread);
        float[][] vector = fields(3, n, nz, nx, spread);
        KernelTask perPoint = task.apply(body);
        KernelTask rows = task.apply(vector);
        assertTrue(rows.vectorized(), rows.kernel());
        run(perPoint, false);
        run(rows, true);
        for (int j = 0; j < body.length; j++) {
            assertArrayEquals(body[j], vector[j], rows.kernel() + ", array " + j);
        }
    }

    private static void run(KernelTask task, boolean vector) {
        IndexRange r = task.range();
        int mid = (r.outerStart() + r.outerEnd()) / 2;
        if (vector) {
            task.runRowsVectorized(r.outerStart(), mid);
            task.runRowsVectorized(mid, r.outerEnd());
        } else {
            task.runRows(r.outerStart(), r.outerEnd());
        }
    }

    /** Seven random fields, two random profiles, a bracket and a snapshot ring of 4 levels, from {@code seed}. */
    private static float[][] fields(long seed) {
        return fields(seed, N, NZ, NX, false);
    }

    private static float[][] fields(long seed, int n, int nz, int nx, boolean spread) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] a = new float[11][];
        for (int j = 0; j < a.length; j++) {
            int size = j == 7 ? 2 * nx : j == 8 ? 2 * nz : j == 10 ? 4 * n : n;
            a[j] = new float[size];
            for (int i = 0; i < size; i++) {
                double v = random.nextDouble(-1.0, 1.0);
                a[j][i] = (float) (spread ? Math.scalb(v, -(i / 64 * 7 + j * 13) % 151 - random.nextInt(8)) : v);
            }
        }
        return a;
    }
}
