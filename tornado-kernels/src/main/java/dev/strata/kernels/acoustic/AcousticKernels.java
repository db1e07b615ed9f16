package dev.strata.kernels.acoustic;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of the 2-D constant-density acoustic wave equation, leapfrog in time, 8th order in space. Typed
 * tasks: {@code AcousticTasks}, written by the build from these declarations.
 *
 * <p>Arrays are flat, row-major {@code [nb][nz][nx]} (batch, depth, x). {@code vc = (v dt / h)^2} folds the grid
 * spacing into the velocity, so {@code vc * lap} is {@code (v dt)^2} times the Laplacian. These static methods are
 * the one definition of the physics: the JVM backend calls them (or a Vector API copy, {@link AcousticVectors}, that
 * agrees with them bit for bit) and the TornadoVM backend compiles them from their generated launchers. The steps
 * run over the interior rows (batch, depth) by interior columns; the outer {@link #RADIUS}-point frame stays p = 0.
 * The other kernels of the scheme are in {@link SourceKernels}, {@link ReceiverKernels}, {@link CheckpointKernels},
 * {@link ImagingKernels} and {@link CpmlKernels}.
 */
public final class AcousticKernels {
    private AcousticKernels() {
    }

    /** Stencil radius: 8th order in space reads 4 points on each side. */
    public static final int RADIUS = 4;

    /** What a stencil kernel requires of a batch of grids: at least one member and one interior point per axis. */
    static final String GRID = "nb >= 1 && nz >= 2 * AcousticKernels.RADIUS + 1"
            + " && nx >= 2 * AcousticKernels.RADIUS + 1";
    /** First interior index of either axis, as an {@code @Index} bound: the frame is [0, RADIUS). */
    static final String FRAME = "AcousticKernels.RADIUS";
    /** End of the interior of z, as an {@code @Index} bound. */
    static final String Z_END = "nz - AcousticKernels.RADIUS";
    /** End of the interior of x, as an {@code @Index} bound. */
    static final String X_END = "nx - AcousticKernels.RADIUS";
    /** Points of a batch of fields {@code [nb][nz][nx]}, as an {@code @Length}. */
    static final String FIELD = "(long) nb * nz * nx";
    /** A ring of whole fields: its field size is the grid's. */
    static final String RING_OF_FIELDS = "fieldSize == (long) nb * nz * nx";

    /** 2 c0 (the x and z second differences share the centre point); c_m = -205/72, 8/5, -1/5, 8/315, -1/560. */
    public static final float C0X2 = (float) (2.0 * (-205.0 / 72.0));
    public static final float C1 = (float) (8.0 / 5.0);
    public static final float C2 = (float) (-1.0 / 5.0);
    public static final float C3 = (float) (8.0 / 315.0);
    public static final float C4 = (float) (-1.0 / 560.0);

    /**
     * Magnitude below which the steps store a field value as 0, 2^-100 (about 7.9e-31): far below any value that
     * changes a float field whose peak passes 1e-20, and 2^26 times the smallest normal float, so that its products
     * with the stencils' coefficients stay normal.
     */
    public static final float TINY = 0x1p-100f;

    /**
     * v, or 0 where |v| < {@link #TINY}: the steps store their results through it, so that no field holds a subnormal
     * float, on which x86 cores take a microcode assist of about a hundred cycles per operation (the wave fronts of a
     * run leave bands of them ahead; C code sets flush-to-zero in the CPU, which Java cannot).
     */
    public static float flushToZero(float v) {
        return v < TINY && v > -TINY ? 0.0f : v;
    }

    /**
     * a b, or 0 where |a b| < 2^-126 (where its float would be subnormal), for a and b each 0 or at least
     * {@link #TINY} in magnitude, as fields stored through {@link #flushToZero} are: |a| (|b| 2^100) is then at least
     * TINY whatever a b is (or infinite, for a large b) and decides, and a is set to 0 before the product, so that no
     * operation yields a subnormal float. The imaging conditions multiply two fields with it, since two flushed
     * values can still have a subnormal product.
     */
    public static float normalProduct(float a, float b) {
        float kept = Math.abs(a) * (Math.abs(b) * PRODUCT_SCALE) < SCALED_SUBNORMAL ? 0.0f : a;
        return kept * b;
    }

    /** {@link #normalProduct}'s scale of |b|, 2^100 = 1 / {@link #TINY}. */
    static final float PRODUCT_SCALE = 0x1p100f;

    /** |a| |b| {@link #PRODUCT_SCALE} below 2^-26 is |a b| below 2^-126, the smallest normal float. */
    static final float SCALED_SUBNORMAL = 0x1p-26f;

    /**
     * h^2 Laplacian, 8th order: sum over m of c_m (p[x-m] + p[x+m] + p[z-m] + p[z+m]), at flat index {@code i}.
     */
    public static float laplacian8(float[] p, int i, int nx) {
        int nx2 = 2 * nx;
        int nx3 = 3 * nx;
        int nx4 = 4 * nx;
        return C0X2 * p[i]
                + C1 * ((p[i - 1] + p[i + 1]) + (p[i - nx] + p[i + nx]))
                + C2 * ((p[i - 2] + p[i + 2]) + (p[i - nx2] + p[i + nx2]))
                + C3 * ((p[i - 3] + p[i + 3]) + (p[i - nx3] + p[i + nx3]))
                + C4 * ((p[i - 4] + p[i + 4]) + (p[i - nx4] + p[i + nx4]));
    }

    /**
     * One leapfrog step with a Cerjan sponge folded in: p_next = d (2 p - d p_prev + vc lap8(p)),
     * d = dampZ[z] dampX[x], stored through {@link #flushToZero}.
     * {@code pPrevNext} holds p_prev on entry and p_next on exit at index (b, iz, ix); runs over
     * RADIUS <= iz < nz - RADIUS and RADIUS <= ix < nx - RADIUS (the outer frame stays p = 0).
     */
    @Kernel(requires = GRID, vectorRows = "AcousticVectors.waveStep8Rows")
    public static void waveStep8(@Index("nb") int b, @Index(from = FRAME, value = Z_END) int iz,
                                 @Index(from = FRAME, value = X_END) int ix, @Writes @Length(FIELD) float[] pPrevNext,
                                 @Length(FIELD) float[] p, @Length(FIELD) float[] vc,
                                 @Length("nz") float[] dampZ, @Length("nx") float[] dampX, int nz, int nx) {
        int i = (b * nz + iz) * nx + ix;
        float d = dampZ[iz] * dampX[ix];
        pPrevNext[i] = flushToZero(d * (2.0f * p[i] - d * pPrevNext[i] + vc[i] * laplacian8(p, i, nx)));
    }

    /**
     * {@link #waveStep8} that also stores the Laplacian it applies, lap8(p) = L u^t (through {@link #flushToZero}),
     * straight into the snapshot ring:
     * snapshots[slot(t) fieldSize + i] at t = clock[0] when 0 <= t < steps, the slot and gate of
     * {@link CheckpointKernels#storeSnapshot}. L u^t is the factor the sponge's gradient pairs with the scaled adjoint
     * field (g += psi L u^t, by {@link #waveStep8Imaging}), so the backward sweep applies no second
     * stencil to the recomputed source field and copies nothing into the ring. Same arithmetic as waveStep8: the same
     * u^{t+1} bit for bit.
     */
    @Kernel(requires = {GRID, CheckpointKernels.INTERVAL, RING_OF_FIELDS},
            vectorRows = "AcousticVectors.waveStep8LaplacianRows")
    public static void waveStep8Laplacian(@Index("nb") int b, @Index(from = FRAME, value = Z_END) int iz,
                                          @Index(from = FRAME, value = X_END) int ix,
                                          @Writes @Length(FIELD) float[] pPrevNext, @Length(FIELD) float[] p,
                                          @Length(FIELD) float[] vc, @Length("nz") float[] dampZ,
                                          @Length("nx") float[] dampX,
                                          @Writes @Length("2L * k * fieldSize") float[] snapshots,
                                          @Length("1") int[] clock, int k, int steps, int fieldSize, int nz, int nx) {
        int i = (b * nz + iz) * nx + ix;
        float d = dampZ[iz] * dampX[ix];
        float lap = laplacian8(p, i, nx);
        int t = clock[0];
        if (t >= 0 && t < steps) {
            snapshots[CheckpointKernels.snapshotSlot(t, k) * fieldSize + i] = flushToZero(lap);
        }
        pPrevNext[i] = flushToZero(d * (2.0f * p[i] - d * pPrevNext[i] + vc[i] * lap));
    }

    /**
     * {@link #waveStep8} of the adjoint field with the sponge gradient's imaging condition of two time levels at the
     * same interior point, first: {@link ImagingKernels#accumulateProducts} with phi = p (level t + 1) and phiOld =
     * pPrevNext as it comes in (level t + 2), the ring holding L u^l, at t = clock[0]; which is that kernel wherever
     * p and pPrevNext are not zero (the frame of an adjoint field stays zero: the step never writes it and receivers
     * lie inside). One pass over the field where the two made two, and every second step of the sweep.
     */
    @Kernel(requires = {GRID, ImagingKernels.RING, RING_OF_FIELDS}, vectorRows = "AcousticVectors.waveStep8ImagingRows")
    public static void waveStep8Imaging(@Index("nb") int b, @Index(from = FRAME, value = Z_END) int iz,
                                        @Index(from = FRAME, value = X_END) int ix,
                                        @Writes @Length(FIELD) float[] pPrevNext, @Length(FIELD) float[] p,
                                        @Length(FIELD) float[] vc, @Length("nz") float[] dampZ,
                                        @Length("nx") float[] dampX, @Writes @Length(FIELD) float[] g,
                                        @Length("2L * k * fieldSize") float[] snapshots, @Length("1") int[] clock,
                                        int k, int nt, int fieldSize, int nz, int nx) {
        int i = (b * nz + iz) * nx + ix;
        ImagingKernels.accumulateProducts(i, g, p, pPrevNext, snapshots, clock, k, nt, fieldSize);
        waveStep8(b, iz, ix, pPrevNext, p, vc, dampZ, dampX, nz, nx);
    }

    /**
     * Born (linearised) step, the derivative of {@link #waveStep8} with respect to vc in direction dvc:
     * dp_next = d (2 dp - d dp_prev + vc lap8(dp) + dvc lap8(p)), where p is the background field at the same time
     * level as dp. {@code dpPrevNext} holds dp_prev on entry and dp_next on exit at (b, iz, ix); {@code dp}, {@code p},
     * {@code vc}, {@code dvc} are read only. Same interior as {@link #waveStep8}; stored through {@link #flushToZero}.
     */
    @Kernel(requires = GRID, vectorRows = "AcousticVectors.bornStep8Rows")
    public static void bornStep8(@Index("nb") int b, @Index(from = FRAME, value = Z_END) int iz,
                                 @Index(from = FRAME, value = X_END) int ix, @Writes @Length(FIELD) float[] dpPrevNext,
                                 @Length(FIELD) float[] dp, @Length(FIELD) float[] p, @Length(FIELD) float[] vc,
                                 @Length(FIELD) float[] dvc, @Length("nz") float[] dampZ, @Length("nx") float[] dampX,
                                 int nz, int nx) {
        int i = (b * nz + iz) * nx + ix;
        float d = dampZ[iz] * dampX[ix];
        dpPrevNext[i] = flushToZero(d * (2.0f * dp[i] - d * dpPrevNext[i] + vc[i] * laplacian8(dp, i, nx)
                + dvc[i] * laplacian8(p, i, nx)));
    }

    /**
     * |c0 + 2 sum_m c_m (-1)^m| for the 8th-order coefficients: the largest magnitude of the 1-D h^2 second
     * difference, reached at the Nyquist wavenumber. Leapfrog in 2-D is stable iff (v dt / h)^2 2 |s| <= 4.
     */
    public static double nyquistSymbol() {
        double s = -205.0 / 72.0 + 2.0 * (-8.0 / 5.0 - 1.0 / 5.0 - 8.0 / 315.0 - 1.0 / 560.0);
        return Math.abs(s);
    }
}
