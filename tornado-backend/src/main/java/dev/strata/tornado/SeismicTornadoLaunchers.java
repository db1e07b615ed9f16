package dev.strata.tornado;

import dev.strata.kernels.seismic.SeismicKernels;
import dev.strata.kernels.seismic.SeismicLaunchers;
import java.util.List;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.annotations.Parallel;

/**
 * TornadoVM launchers of the {@link SeismicKernels} bodies, one per {@link SeismicLaunchers} kernel, with that
 * kernel's argument order and range: (batch, depth) or (batch, channel, depth) rows x columns for the reflectivity
 * and convolution kernels, models x points for hard data.
 */
final class SeismicTornadoLaunchers {
    private SeismicTornadoLaunchers() {
    }

    /** {@link SeismicKernels#reflectivity} over nb (nz - 1) rows x nx. */
    static void reflectivity(float[] model, float[] rc, int nb, int channels, int ch, int nz, int nx) {
        int nr = nz - 1;
        int rows = nb * nr;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                SeismicKernels.reflectivity(row / nr, row % nr, x, model, rc, channels, ch, nz, nx);
            }
        }
    }

    /** {@link SeismicKernels#reflectivityJvp} over nb (nz - 1) rows x nx. */
    static void reflectivityJvp(float[] model, float[] dModel, float[] drc, int nb, int channels, int ch, int nz,
                                int nx) {
        int nr = nz - 1;
        int rows = nb * nr;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                SeismicKernels.reflectivityJvp(row / nr, row % nr, x, model, dModel, drc, channels, ch, nz, nx);
            }
        }
    }

    /** {@link SeismicKernels#modelVjp} over nb channels nz rows x nx. */
    static void reflectivityVjp(float[] model, float[] drc, float[] dModel, int nb, int channels, int ch, int nz,
                                int nx) {
        int rows = nb * channels * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                int bc = row / nz;
                SeismicKernels.modelVjp(bc / channels, bc % channels, row % nz, x, model, drc, dModel, channels, ch,
                        nz, nx);
            }
        }
    }

    /** {@link SeismicKernels#convolveDepth} over nb nr rows x nx. */
    static void convolveDepth(float[] rc, float[] wavelet, float[] d, int nb, int nr, int nx) {
        int rows = nb * nr;
        int nw = wavelet.length;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                SeismicKernels.convolveDepth(row / nr, row % nr, x, rc, wavelet, d, nr, nx, nw);
            }
        }
    }

    /** {@link SeismicKernels#correlateDepth} over nb nr rows x nx. */
    static void correlateDepth(float[] dd, float[] wavelet, float[] drc, int nb, int nr, int nx) {
        int rows = nb * nr;
        int nw = wavelet.length;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                SeismicKernels.correlateDepth(row / nr, row % nr, x, dd, wavelet, drc, nr, nx, nw);
            }
        }
    }

    /** {@link SeismicKernels#gatherPoint} over models x points. */
    static void gatherPoints(int[] idx, float[] x, float[] y, int nb, int size) {
        int m = idx.length;
        for (@Parallel int b = 0; b < nb; b++) {
            for (@Parallel int j = 0; j < m; j++) {
                SeismicKernels.gatherPoint(b, j, idx, x, y, size, m);
            }
        }
    }

    /** {@link SeismicKernels#scatterPoint} over models x model points. */
    static void scatterPoints(int[] slot, float[] y, float[] x, int nb, int m) {
        int size = slot.length;
        for (@Parallel int b = 0; b < nb; b++) {
            for (@Parallel int i = 0; i < size; i++) {
                SeismicKernels.scatterPoint(b, i, slot, y, x, size, m);
            }
        }
    }

    /** Adds the launcher of seismic kernel {@code kernel} as task {@code id}; false if it is not a seismic kernel. */
    static boolean addTask(TaskGraph g, String id, String kernel, Object[] a) {
        switch (kernel) {
            case "seismic.reflectivity" -> g.task(id, SeismicTornadoLaunchers::reflectivity, (float[]) a[0],
                    (float[]) a[1], (Integer) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5], (Integer) a[6]);
            case "seismic.reflectivityJvp" -> g.task(id, SeismicTornadoLaunchers::reflectivityJvp, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5], (Integer) a[6],
                    (Integer) a[7]);
            case "seismic.reflectivityVjp" -> g.task(id, SeismicTornadoLaunchers::reflectivityVjp, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5], (Integer) a[6],
                    (Integer) a[7]);
            case "seismic.convolveDepth" -> g.task(id, SeismicTornadoLaunchers::convolveDepth, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5]);
            case "seismic.correlateDepth" -> g.task(id, SeismicTornadoLaunchers::correlateDepth, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5]);
            case "seismic.gatherPoints" -> g.task(id, SeismicTornadoLaunchers::gatherPoints, (int[]) a[0],
                    (float[]) a[1], (float[]) a[2], (Integer) a[3], (Integer) a[4]);
            case "seismic.scatterPoints" -> g.task(id, SeismicTornadoLaunchers::scatterPoints, (int[]) a[0],
                    (float[]) a[1], (float[]) a[2], (Integer) a[3], (Integer) a[4]);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Names of the seismic kernels {@link #addTask} launches (tests check them against {@link SeismicLaunchers}). */
    static List<String> kernelNames() {
        return List.of("seismic.reflectivity", "seismic.reflectivityJvp", "seismic.reflectivityVjp",
                "seismic.convolveDepth", "seismic.correlateDepth", "seismic.gatherPoints", "seismic.scatterPoints");
    }
}
