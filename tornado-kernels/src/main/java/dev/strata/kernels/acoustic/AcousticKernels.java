package dev.strata.kernels.acoustic;

/**
 * Per-point bodies of the 2-D constant-density acoustic wave equation, leapfrog in time, 8th order in space.
 *
 * <p>Arrays are flat, row-major {@code [nb][nz][nx]} (batch, depth, x). {@code vc = (v dt / h)^2} folds the grid
 * spacing into the velocity, so {@code vc * lap} is {@code (v dt)^2} times the Laplacian. These static methods are
 * the one definition of the physics: the JVM backend calls them (or a Vector API copy tested against them) and the
 * TornadoVM backend compiles them from its {@code @Parallel} launchers.
 */
public final class AcousticKernels {
    private AcousticKernels() {
    }

    /** Stencil radius: 8th order in space reads 4 points on each side. */
    public static final int RADIUS = 4;

    /** 2 c0 (the x and z second differences share the centre point); c_m = -205/72, 8/5, -1/5, 8/315, -1/560. */
    public static final float C0X2 = (float) (2.0 * (-205.0 / 72.0));
    public static final float C1 = (float) (8.0 / 5.0);
    public static final float C2 = (float) (-1.0 / 5.0);
    public static final float C3 = (float) (8.0 / 315.0);
    public static final float C4 = (float) (-1.0 / 560.0);

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
     * One leapfrog step with a Cerjan sponge folded in: p_next = d (2 p - d p_prev + vc lap8(p)), d = dampZ[z] dampX[x].
     * {@code pPrevNext} holds p_prev on entry and p_next on exit at index (b, iz, ix); valid for
     * RADIUS <= iz < nz - RADIUS and RADIUS <= ix < nx - RADIUS (the outer frame stays p = 0).
     */
    public static void waveStep8(int b, int iz, int ix, int nz, int nx, float[] pPrevNext, float[] p, float[] vc,
                                 float[] dampZ, float[] dampX) {
        int i = (b * nz + iz) * nx + ix;
        float d = dampZ[iz] * dampX[ix];
        pPrevNext[i] = d * (2.0f * p[i] - d * pPrevNext[i] + vc[i] * laplacian8(p, i, nx));
    }

    /**
     * Point source injection, p_next[s] += vc[s] w_s(t): source {@code s} adds its wavelet sample at the current
     * time step {@code clock[0]} at flat index {@code srcIndex[s]}; wavelets are {@code [nsrc][nt]}.
     */
    public static void injectSource(int s, float[] pNext, float[] vc, float[] wavelets, int[] srcIndex, int[] clock,
                                    int nt) {
        int t = clock[0];
        if (t < nt) {
            int i = srcIndex[s];
            pNext[i] = pNext[i] + vc[i] * wavelets[s * nt + t];
        }
    }

    /** Advances the device-resident time-step counter by one: clock[0] = clock[0] + 1. */
    public static void advanceClock(int[] clock) {
        clock[0] = clock[0] + 1;
    }
}
