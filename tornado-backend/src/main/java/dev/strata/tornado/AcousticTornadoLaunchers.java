package dev.strata.tornado;

import dev.strata.kernels.acoustic.AcousticKernels;
import dev.strata.kernels.acoustic.BornStepKernel;
import dev.strata.kernels.acoustic.CpmlKernels;
import dev.strata.kernels.acoustic.WaveStepKernel;
import java.util.List;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.annotations.Parallel;

/**
 * TornadoVM launchers of the acoustic kernels ({@link AcousticKernels} and {@link CpmlKernels} bodies), one per
 * {@link dev.strata.kernels.Kernel} of {@code dev.strata.kernels.acoustic}, with that kernel's argument order and
 * range: stencils over the interior rows (batch, depth) x columns of {@code [nb][nz][nx]}, copies and imaging
 * conditions over every point of {@code rows x nx}, receivers over (member, receiver) or one work item per member,
 * clocks as single-thread tasks. Clock-gated bodies read the device-resident clock themselves, so one compiled graph
 * serves every time step.
 *
 * <p>One difference from the JVM launcher, with equal results: {@link #cpmlStep} runs over every point, not only the
 * interior, and sets the bracket B^t to 0 on the p = 0 frame when it stores it. A task that only writes an array is
 * the first to use that array in the operator's graphs, and TornadoVM does not copy such an array to the device, so
 * the frame (which no step writes, 0 on the host) would come back undefined and pollute the Born scattering source
 * and the CPML gradient.
 */
final class AcousticTornadoLaunchers {
    private static final int R = AcousticKernels.RADIUS;

    private AcousticTornadoLaunchers() {
    }

    /** {@link AcousticKernels#waveStep8} over rows (batch, depth) x interior columns. */
    static void waveStep8(float[] pPrevNext, float[] p, float[] vc, float[] dampZ, float[] dampX, int nb, int nz,
                          int nx) {
        int inner = nz - 2 * R;
        int rows = nb * inner;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int ix = R; ix < nx - R; ix++) {
                int b = row / inner;
                int iz = R + row - b * inner;
                AcousticKernels.waveStep8(b, iz, ix, nz, nx, pPrevNext, p, vc, dampZ, dampX);
            }
        }
    }

    /** {@link AcousticKernels#bornStep8} over rows (batch, depth) x interior columns. */
    static void bornStep8(float[] dpPrevNext, float[] dp, float[] p, float[] vc, float[] dvc, float[] dampZ,
                          float[] dampX, int nb, int nz, int nx) {
        int inner = nz - 2 * R;
        int rows = nb * inner;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int ix = R; ix < nx - R; ix++) {
                int b = row / inner;
                int iz = R + row - b * inner;
                AcousticKernels.bornStep8(b, iz, ix, nz, nx, dpPrevNext, dp, p, vc, dvc, dampZ, dampX);
            }
        }
    }

    /** {@link AcousticKernels#injectSource} for every source. */
    static void injectSource(float[] pNext, float[] vc, float[] wavelets, int[] srcIndex, int[] clock, int nt) {
        for (@Parallel int s = 0; s < srcIndex.length; s++) {
            AcousticKernels.injectSource(s, pNext, vc, wavelets, srcIndex, clock, nt);
        }
    }

    /** {@link AcousticKernels#advanceClock}: a single-thread task. */
    static void advanceClock(int[] clock) {
        AcousticKernels.advanceClock(clock);
    }

    /** {@link AcousticKernels#rewindClock}: a single-thread task. */
    static void rewindClock(int[] clock) {
        AcousticKernels.rewindClock(clock);
    }

    /** {@link AcousticKernels#recordReceiver} over members x receivers. */
    static void recordReceivers(float[] p, float[] data, int[] recIndex, int[] clock, int nb, int nrec, int nt) {
        for (@Parallel int b = 0; b < nb; b++) {
            for (@Parallel int r = 0; r < nrec; r++) {
                AcousticKernels.recordReceiver(b, r, nrec, nt, p, data, recIndex, clock);
            }
        }
    }

    /** {@link AcousticKernels#injectReceivers}, one work item per member (its receivers added in turn). */
    static void injectReceivers(float[] p, float[] scale, float[] traces, int[] recIndex, int[] clock, int nb,
                                int nrec, int nt) {
        for (@Parallel int b = 0; b < nb; b++) {
            AcousticKernels.injectReceivers(b, nrec, nt, p, scale, traces, recIndex, clock);
        }
    }

    /** {@link AcousticKernels#accumulateGradient} over rows (batch, depth) x interior columns. */
    static void accumulateGradient(float[] g, float[] psi, float[] snapshots, int[] clock, int k, int nt, int nb,
                                   int nz, int nx) {
        int inner = nz - 2 * R;
        int rows = nb * inner;
        int field = nb * nz * nx;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int ix = R; ix < nx - R; ix++) {
                int b = row / inner;
                int iz = R + row - b * inner;
                AcousticKernels.accumulateGradient(b, iz, ix, nz, nx, g, psi, snapshots, clock, k, nt, field);
            }
        }
    }

    /** {@link AcousticKernels#crossCorrelate} over every point of rows x nx. */
    static void crossCorrelate(float[] image, float[] illumination, float[] q, float[] snapshots, int[] clock, int k,
                               int nt, int rows, int nx) {
        int field = rows * nx;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                AcousticKernels.crossCorrelate(row * nx + x, image, illumination, q, snapshots, clock, k, nt, field);
            }
        }
    }

    /** {@link AcousticKernels#accumulateProduct} over every point of rows x nx. */
    static void accumulateProduct(float[] g, float[] phi, float[] snapshots, int[] clock, int k, int nt, int rows,
                                  int nx) {
        int field = rows * nx;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                AcousticKernels.accumulateProduct(row * nx + x, g, phi, snapshots, clock, k, nt, field);
            }
        }
    }

    /** {@link AcousticKernels#storeCheckpoint} over every point of rows x nx. */
    static void storeCheckpoint(float[] p, float[] pPrev, float[] checkpoints, int[] clock, int k, int steps,
                                int rows, int nx) {
        int field = rows * nx;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                AcousticKernels.storeCheckpoint(row * nx + x, p, pPrev, checkpoints, clock, k, steps, field);
            }
        }
    }

    /** {@link AcousticKernels#loadCheckpoint} over every point of rows x nx. */
    static void loadCheckpoint(float[] p, float[] pPrev, float[] checkpoints, int[] clock, int k, int steps, int rows,
                               int nx) {
        int field = rows * nx;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                AcousticKernels.loadCheckpoint(row * nx + x, p, pPrev, checkpoints, clock, k, steps, field);
            }
        }
    }

    /** {@link AcousticKernels#storeSnapshot} over every point of rows x nx. */
    static void storeSnapshot(float[] p, float[] snapshots, int[] clock, int k, int steps, int rows, int nx) {
        int field = rows * nx;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                AcousticKernels.storeSnapshot(row * nx + x, p, snapshots, clock, k, steps, field);
            }
        }
    }

    /** {@link AcousticKernels#advanceSegmentClock}: a single-thread task. */
    static void advanceSegmentClock(int[] clock, int k, int steps) {
        AcousticKernels.advanceSegmentClock(clock, k, steps);
    }

    /** {@link CpmlKernels#storeState} over every point of rows x nx. */
    static void cpmlStoreState(float[] psiX, float[] psiZ, float[] zetaX, float[] zetaZ, float[] aux, int[] clock,
                               int k, int steps, int rows, int nx) {
        int field = rows * nx;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                CpmlKernels.storeState(row * nx + x, psiX, psiZ, zetaX, zetaZ, aux, clock, k, steps, field);
            }
        }
    }

    /** {@link CpmlKernels#loadState} over every point of rows x nx. */
    static void cpmlLoadState(float[] psiX, float[] psiZ, float[] zetaX, float[] zetaZ, float[] aux, int[] clock,
                              int k, int steps, int rows, int nx) {
        int field = rows * nx;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                CpmlKernels.loadState(row * nx + x, psiX, psiZ, zetaX, zetaZ, aux, clock, k, steps, field);
            }
        }
    }

    /** {@link CpmlKernels#psi} over rows (batch, depth) x interior columns (the body skips points off the strips). */
    static void cpmlPsi(float[] u, float[] psiX, float[] psiZ, float[] profX, float[] profZ, int w, int nb, int nz,
                        int nx) {
        int inner = nz - 2 * R;
        int rows = nb * inner;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int ix = R; ix < nx - R; ix++) {
                int b = row / inner;
                int iz = R + row - b * inner;
                CpmlKernels.psi(b, iz, ix, nz, nx, w, u, psiX, psiZ, profX, profZ);
            }
        }
    }

    /**
     * {@link CpmlKernels#step} at the interior points; over every point of {@code [nb][nz][nx]} so that, when the
     * bracket is stored ({@code storeBracket != 0}), its frame is written too, with the 0 the host array holds there
     * (see the class comment).
     */
    static void cpmlStep(float[] uPrevNext, float[] u, float[] vc, float[] psiX, float[] psiZ, float[] zetaX,
                         float[] zetaZ, float[] profX, float[] profZ, float[] bracket, int storeBracket, int w, int nb,
                         int nz, int nx) {
        int rows = nb * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int ix = 0; ix < nx; ix++) {
                int b = row / nz;
                int iz = row - b * nz;
                if (iz >= R && iz < nz - R && ix >= R && ix < nx - R) {
                    CpmlKernels.step(b, iz, ix, nz, nx, w, uPrevNext, u, vc, psiX, psiZ, zetaX, zetaZ, profX, profZ,
                            bracket, storeBracket);
                } else if (storeBracket != 0) {
                    bracket[row * nx + ix] = 0.0f;
                }
            }
        }
    }

    /** {@link CpmlKernels#adjointZeta} over rows (batch, depth) x interior columns. */
    static void cpmlAdjointZeta(float[] phi, float[] qX, float[] qZ, float[] profX, float[] profZ, int w, int nb,
                                int nz, int nx) {
        int inner = nz - 2 * R;
        int rows = nb * inner;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int ix = R; ix < nx - R; ix++) {
                int b = row / inner;
                int iz = R + row - b * inner;
                CpmlKernels.adjointZeta(b, iz, ix, nz, nx, w, phi, qX, qZ, profX, profZ);
            }
        }
    }

    /** {@link CpmlKernels#adjointPsi} over rows (batch, depth) x interior columns. */
    static void cpmlAdjointPsi(float[] phi, float[] qX, float[] qZ, float[] pX, float[] pZ, float[] profX,
                               float[] profZ, int w, int nb, int nz, int nx) {
        int inner = nz - 2 * R;
        int rows = nb * inner;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int ix = R; ix < nx - R; ix++) {
                int b = row / inner;
                int iz = R + row - b * inner;
                CpmlKernels.adjointPsi(b, iz, ix, nz, nx, w, phi, qX, qZ, pX, pZ, profX, profZ);
            }
        }
    }

    /** {@link CpmlKernels#adjointStep} over rows (batch, depth) x interior columns. */
    static void cpmlAdjointStep(float[] phiPrevNext, float[] phi, float[] vc, float[] qX, float[] qZ, float[] pX,
                                float[] pZ, float[] profX, float[] profZ, int w, int nb, int nz, int nx) {
        int inner = nz - 2 * R;
        int rows = nb * inner;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int ix = R; ix < nx - R; ix++) {
                int b = row / inner;
                int iz = R + row - b * inner;
                CpmlKernels.adjointStep(b, iz, ix, nz, nx, w, phiPrevNext, phi, vc, qX, qZ, pX, pZ, profX, profZ);
            }
        }
    }

    /** {@link CpmlKernels#addProduct} over every point of rows x nx. */
    static void addProduct(float[] out, float[] a, float[] b, int rows, int nx) {
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                CpmlKernels.addProduct(row * nx + x, out, a, b);
            }
        }
    }

    /** Adds the launcher of acoustic kernel {@code kernel} as task {@code id}; false if it is not an acoustic kernel. */
    static boolean addTask(TaskGraph g, String id, String kernel, Object[] a) {
        switch (kernel) {
            case WaveStepKernel.NAME -> g.task(id, AcousticTornadoLaunchers::waveStep8, (float[]) a[0], (float[]) a[1],
                    (float[]) a[2], (float[]) a[3], (float[]) a[4], (Integer) a[5], (Integer) a[6], (Integer) a[7]);
            case BornStepKernel.NAME -> g.task(id, AcousticTornadoLaunchers::bornStep8, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (float[]) a[3], (float[]) a[4], (float[]) a[5], (float[]) a[6],
                    (Integer) a[7], (Integer) a[8], (Integer) a[9]);
            case "acoustic.injectSource" -> g.task(id, AcousticTornadoLaunchers::injectSource, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (int[]) a[3], (int[]) a[4], (Integer) a[5]);
            case "acoustic.advanceClock" -> g.task(id, AcousticTornadoLaunchers::advanceClock, (int[]) a[0]);
            case "acoustic.rewindClock" -> g.task(id, AcousticTornadoLaunchers::rewindClock, (int[]) a[0]);
            case "acoustic.recordReceivers" -> g.task(id, AcousticTornadoLaunchers::recordReceivers, (float[]) a[0],
                    (float[]) a[1], (int[]) a[2], (int[]) a[3], (Integer) a[4], (Integer) a[5], (Integer) a[6]);
            case "acoustic.injectReceivers" -> g.task(id, AcousticTornadoLaunchers::injectReceivers, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (int[]) a[3], (int[]) a[4], (Integer) a[5], (Integer) a[6],
                    (Integer) a[7]);
            case "acoustic.accumulateGradient" -> g.task(id, AcousticTornadoLaunchers::accumulateGradient,
                    (float[]) a[0], (float[]) a[1], (float[]) a[2], (int[]) a[3], (Integer) a[4], (Integer) a[5],
                    (Integer) a[6], (Integer) a[7], (Integer) a[8]);
            case "acoustic.crossCorrelate" -> g.task(id, AcousticTornadoLaunchers::crossCorrelate, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (float[]) a[3], (int[]) a[4], (Integer) a[5], (Integer) a[6],
                    (Integer) a[7], (Integer) a[8]);
            case "acoustic.accumulateProduct" -> g.task(id, AcousticTornadoLaunchers::accumulateProduct,
                    (float[]) a[0], (float[]) a[1], (float[]) a[2], (int[]) a[3], (Integer) a[4], (Integer) a[5],
                    (Integer) a[6], (Integer) a[7]);
            case "acoustic.storeCheckpoint" -> g.task(id, AcousticTornadoLaunchers::storeCheckpoint, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (int[]) a[3], (Integer) a[4], (Integer) a[5], (Integer) a[6],
                    (Integer) a[7]);
            case "acoustic.loadCheckpoint" -> g.task(id, AcousticTornadoLaunchers::loadCheckpoint, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (int[]) a[3], (Integer) a[4], (Integer) a[5], (Integer) a[6],
                    (Integer) a[7]);
            case "acoustic.storeSnapshot" -> g.task(id, AcousticTornadoLaunchers::storeSnapshot, (float[]) a[0],
                    (float[]) a[1], (int[]) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5], (Integer) a[6]);
            case "acoustic.advanceSegmentClock" -> g.task(id, AcousticTornadoLaunchers::advanceSegmentClock,
                    (int[]) a[0], (Integer) a[1], (Integer) a[2]);
            case "acoustic.cpmlStoreState" -> g.task(id, AcousticTornadoLaunchers::cpmlStoreState, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (float[]) a[3], (float[]) a[4], (int[]) a[5], (Integer) a[6],
                    (Integer) a[7], (Integer) a[8], (Integer) a[9]);
            case "acoustic.cpmlLoadState" -> g.task(id, AcousticTornadoLaunchers::cpmlLoadState, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (float[]) a[3], (float[]) a[4], (int[]) a[5], (Integer) a[6],
                    (Integer) a[7], (Integer) a[8], (Integer) a[9]);
            case "acoustic.cpmlPsi" -> g.task(id, AcousticTornadoLaunchers::cpmlPsi, (float[]) a[0], (float[]) a[1],
                    (float[]) a[2], (float[]) a[3], (float[]) a[4], (Integer) a[5], (Integer) a[6], (Integer) a[7],
                    (Integer) a[8]);
            case "acoustic.cpmlStep" -> g.task(id, AcousticTornadoLaunchers::cpmlStep, (float[]) a[0], (float[]) a[1],
                    (float[]) a[2], (float[]) a[3], (float[]) a[4], (float[]) a[5], (float[]) a[6], (float[]) a[7],
                    (float[]) a[8], (float[]) a[9], (Integer) a[10], (Integer) a[11], (Integer) a[12],
                    (Integer) a[13], (Integer) a[14]);
            case "acoustic.cpmlAdjointZeta" -> g.task(id, AcousticTornadoLaunchers::cpmlAdjointZeta, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (float[]) a[3], (float[]) a[4], (Integer) a[5], (Integer) a[6],
                    (Integer) a[7], (Integer) a[8]);
            case "acoustic.cpmlAdjointPsi" -> g.task(id, AcousticTornadoLaunchers::cpmlAdjointPsi, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (float[]) a[3], (float[]) a[4], (float[]) a[5], (float[]) a[6],
                    (Integer) a[7], (Integer) a[8], (Integer) a[9], (Integer) a[10]);
            case "acoustic.cpmlAdjointStep" -> g.task(id, AcousticTornadoLaunchers::cpmlAdjointStep, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (float[]) a[3], (float[]) a[4], (float[]) a[5], (float[]) a[6],
                    (float[]) a[7], (float[]) a[8], (Integer) a[9], (Integer) a[10], (Integer) a[11],
                    (Integer) a[12]);
            case "acoustic.addProduct" -> g.task(id, AcousticTornadoLaunchers::addProduct, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (Integer) a[3], (Integer) a[4]);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Names of the acoustic kernels {@link #addTask} launches (tests check them against the kernels' own names). */
    static List<String> kernelNames() {
        return List.of(WaveStepKernel.NAME, BornStepKernel.NAME, "acoustic.injectSource", "acoustic.advanceClock",
                "acoustic.rewindClock", "acoustic.recordReceivers", "acoustic.injectReceivers",
                "acoustic.accumulateGradient", "acoustic.crossCorrelate", "acoustic.accumulateProduct",
                "acoustic.storeCheckpoint", "acoustic.loadCheckpoint", "acoustic.storeSnapshot",
                "acoustic.advanceSegmentClock", "acoustic.cpmlStoreState", "acoustic.cpmlLoadState", "acoustic.cpmlPsi",
                "acoustic.cpmlStep", "acoustic.cpmlAdjointZeta", "acoustic.cpmlAdjointPsi", "acoustic.cpmlAdjointStep",
                "acoustic.addProduct");
    }
}
