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
     * time step {@code clock[0]} at flat index {@code srcIndex[s]}; wavelets are {@code [nsrc][nt]}. Does nothing
     * when the clock is outside [0, nt).
     */
    public static void injectSource(int s, float[] pNext, float[] vc, float[] wavelets, int[] srcIndex, int[] clock,
                                    int nt) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            int i = srcIndex[s];
            pNext[i] = pNext[i] + vc[i] * wavelets[s * nt + t];
        }
    }

    /** Advances the device-resident time-step counter by one: clock[0] = clock[0] + 1. */
    public static void advanceClock(int[] clock) {
        clock[0] = clock[0] + 1;
    }

    /** Moves the device-resident time-step counter back by one, for sweeps that run backwards: clock[0] -= 1. */
    public static void rewindClock(int[] clock) {
        clock[0] = clock[0] - 1;
    }

    /**
     * |c0 + 2 sum_m c_m (-1)^m| for the 8th-order coefficients: the largest magnitude of the 1-D h^2 second
     * difference, reached at the Nyquist wavenumber. Leapfrog in 2-D is stable iff (v dt / h)^2 2 |s| <= 4.
     */
    public static double nyquistSymbol() {
        double s = -205.0 / 72.0 + 2.0 * (-8.0 / 5.0 - 1.0 / 5.0 - 8.0 / 315.0 - 1.0 / 560.0);
        return Math.abs(s);
    }

    /**
     * Born (linearised) step, the derivative of {@link #waveStep8} with respect to vc in direction dvc:
     * dp_next = d (2 dp - d dp_prev + vc lap8(dp) + dvc lap8(p)), where p is the background field at the same time
     * level as dp. {@code dpPrevNext} holds dp_prev on entry and dp_next on exit at (b, iz, ix); {@code dp}, {@code p},
     * {@code vc}, {@code dvc} are read only. Same interior as {@link #waveStep8}.
     */
    public static void bornStep8(int b, int iz, int ix, int nz, int nx, float[] dpPrevNext, float[] dp, float[] p,
                                 float[] vc, float[] dvc, float[] dampZ, float[] dampX) {
        int i = (b * nz + iz) * nx + ix;
        float d = dampZ[iz] * dampX[ix];
        dpPrevNext[i] = d * (2.0f * dp[i] - d * dpPrevNext[i] + vc[i] * laplacian8(dp, i, nx)
                + dvc[i] * laplacian8(p, i, nx));
    }

    /**
     * Receiver sampling: data[b, t, r] = p[recIndex[b nrec + r]] at t = clock[0], if 0 <= t < nt; {@code data} is
     * {@code [nb][nt][nrec]}, {@code recIndex} holds flat indices into {@code p} ({@code [nb][nz][nx]}). Writes data
     * only.
     */
    public static void recordReceiver(int b, int r, int nrec, int nt, float[] p, float[] data, int[] recIndex,
                                      int[] clock) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            data[(b * nt + t) * nrec + r] = p[recIndex[b * nrec + r]];
        }
    }

    /**
     * Adjoint of {@link #recordReceiver}, scaled: p[i_r] += scale[i_r] traces[b, t, r] for every receiver r of batch
     * member b at t = clock[0], if 0 <= t < nt. The receivers of one member are added one after another, so several
     * receivers on one grid point are summed without a race. Writes {@code p} only.
     */
    public static void injectReceivers(int b, int nrec, int nt, float[] p, float[] scale, float[] traces,
                                       int[] recIndex, int[] clock) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            for (int r = 0; r < nrec; r++) {
                int i = recIndex[b * nrec + r];
                p[i] = p[i] + scale[i] * traces[(b * nt + t) * nrec + r];
            }
        }
    }

    /**
     * Slot of time level t in a ring of two segments of k snapshots: ((t / k) mod 2) k + t mod k. Segment j of a
     * checkpointed sweep fills ring half j mod 2 while the adjoint reads the other half.
     */
    public static int snapshotSlot(int t, int k) {
        return ((t / k) % 2) * k + t % k;
    }

    /**
     * Adjoint-state imaging condition of the velocity gradient: g[i] += psi[i] lap8(u^t)[i], with u^t read from the
     * snapshot ring {@code [2k][fieldSize]} at slot {@link #snapshotSlot}(t, k), t = clock[0], if 0 <= t < nt.
     * {@code psi} is the scaled adjoint field at level t + 1. Interior points as {@link #waveStep8}; writes g only.
     */
    public static void accumulateGradient(int b, int iz, int ix, int nz, int nx, float[] g, float[] psi,
                                          float[] snapshots, int[] clock, int k, int nt, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            int i = (b * nz + iz) * nx + ix;
            g[i] = g[i] + psi[i] * laplacian8(snapshots, snapshotSlot(t, k) * fieldSize + i, nx);
        }
    }

    /**
     * Imaging condition for a stored bracket: g[i] += phi[i] snapshots[slot(t) fieldSize + i] at t = clock[0], if
     * 0 <= t < nt. Used where the snapshot ring holds the factor of vc in the update (the CPML's B^t) rather than
     * u^t. Writes g only.
     */
    public static void accumulateProduct(int i, float[] g, float[] phi, float[] snapshots, int[] clock, int k, int nt,
                                         int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            g[i] = g[i] + phi[i] * snapshots[snapshotSlot(t, k) * fieldSize + i];
        }
    }

    /**
     * Zero-lag cross-correlation for reverse-time migration, at flat index i and t = clock[0] if 0 <= t < nt:
     * image[i] += u^t[i] q^t[i] and illumination[i] += u^t[i]^2, with the source field u^t read from the snapshot
     * ring at slot {@link #snapshotSlot}(t, k) and the back-propagated receiver field q^t in {@code q}.
     */
    public static void crossCorrelate(int i, float[] image, float[] illumination, float[] q, float[] snapshots,
                                      int[] clock, int k, int nt, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            float u = snapshots[snapshotSlot(t, k) * fieldSize + i];
            image[i] = image[i] + u * q[i];
            illumination[i] = illumination[i] + u * u;
        }
    }

    /**
     * Stores the two time levels (p^t, p^{t-1}) as checkpoint t / k of {@code checkpoints} ({@code [steps/k][2]
     * [fieldSize]}) when t = clock[0] is a multiple of k below {@code steps}; writes checkpoints only.
     */
    public static void storeCheckpoint(int i, float[] p, float[] pPrev, float[] checkpoints, int[] clock, int k,
                                       int steps, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < steps && t % k == 0) {
            int base = (t / k) * 2 * fieldSize;
            checkpoints[base + i] = p[i];
            checkpoints[base + fieldSize + i] = pPrev[i];
        }
    }

    /** Inverse of {@link #storeCheckpoint}: restores (p^t, p^{t-1}) from checkpoint t / k under the same condition. */
    public static void loadCheckpoint(int i, float[] p, float[] pPrev, float[] checkpoints, int[] clock, int k,
                                      int steps, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < steps && t % k == 0) {
            int base = (t / k) * 2 * fieldSize;
            p[i] = checkpoints[base + i];
            pPrev[i] = checkpoints[base + fieldSize + i];
        }
    }

    /** snapshots[slot(t) fieldSize + i] = p[i] at t = clock[0], if 0 <= t < steps; writes snapshots only. */
    public static void storeSnapshot(int i, float[] p, float[] snapshots, int[] clock, int k, int steps,
                                     int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < steps) {
            snapshots[snapshotSlot(t, k) * fieldSize + i] = p[i];
        }
    }

    /**
     * Clock of a segment-by-segment recomputation that walks the segments backwards: t + 1 within a segment of k
     * steps; from the end of segment j to the start of segment j - 1; after segment 0, and from then on, parked at
     * {@code steps} (where every gated kernel is idle).
     */
    public static void advanceSegmentClock(int[] clock, int k, int steps) {
        int t = clock[0];
        if (t >= 0 && t < steps) {
            int next = t + 1;
            if (next % k == 0) {
                next = next - 2 * k;
                if (next < 0) {
                    next = steps;
                }
            }
            clock[0] = next;
        }
    }
}
