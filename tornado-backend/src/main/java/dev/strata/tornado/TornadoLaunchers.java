package dev.strata.tornado;

import dev.strata.kernels.BackendUnavailableException;
import dev.strata.kernels.acoustic.AcousticKernels;
import dev.strata.kernels.acoustic.SourceKernels;
import dev.strata.kernels.acoustic.WaveStepKernel;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.annotations.Parallel;

/**
 * TornadoVM launchers: {@code @Parallel} loops over the same per-point bodies the JVM backend runs, one launcher
 * per {@link dev.strata.kernels.Kernel}, with the kernel's argument order; the acoustic ones here, the Darcy and
 * seismic ones in {@link DarcyTornadoLaunchers} and {@link SeismicTornadoLaunchers}. TornadoVM inlines the bodies
 * when it compiles the launchers to OpenCL or PTX. Compiled with {@code -g}: without local-variable tables TornadoVM
 * cannot see the loop annotations and runs plain Java.
 */
public final class TornadoLaunchers {
    private TornadoLaunchers() {
    }

    /** {@link AcousticKernels#waveStep8} over rows (batch, depth) x interior columns. */
    public static void waveStep8(float[] pPrevNext, float[] p, float[] vc, float[] dampZ, float[] dampX, int nb, int nz,
                                 int nx) {
        int inner = nz - 2 * AcousticKernels.RADIUS;
        int rows = nb * inner;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int ix = AcousticKernels.RADIUS; ix < nx - AcousticKernels.RADIUS; ix++) {
                int b = row / inner;
                int iz = AcousticKernels.RADIUS + row - b * inner;
                AcousticKernels.waveStep8(b, iz, ix, nz, nx, pPrevNext, p, vc, dampZ, dampX);
            }
        }
    }

    /** {@link AcousticKernels#injectSource} for every source. */
    public static void injectSource(float[] pNext, float[] vc, float[] wavelets, int[] srcIndex, int[] clock, int nt) {
        for (@Parallel int s = 0; s < srcIndex.length; s++) {
            AcousticKernels.injectSource(s, pNext, vc, wavelets, srcIndex, clock, nt);
        }
    }

    /** {@link AcousticKernels#advanceClock}: a single-thread task. */
    public static void advanceClock(int[] clock) {
        AcousticKernels.advanceClock(clock);
    }

    /** Adds the launcher of {@code kernel} to the graph as task {@code id}. */
    static void addTask(TaskGraph graph, String id, String kernel, Object[] a) {
        switch (kernel) {
            case WaveStepKernel.NAME -> graph.task(id, TornadoLaunchers::waveStep8, (float[]) a[0], (float[]) a[1],
                    (float[]) a[2], (float[]) a[3], (float[]) a[4], (Integer) a[5], (Integer) a[6], (Integer) a[7]);
            case "acoustic.injectSource" -> graph.task(id, TornadoLaunchers::injectSource, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (int[]) a[3], (int[]) a[4], (Integer) a[5]);
            case "acoustic.advanceClock" -> graph.task(id, TornadoLaunchers::advanceClock, (int[]) a[0]);
            default -> {
                if (!DarcyTornadoLaunchers.addTask(graph, id, kernel, a)
                        && !SeismicTornadoLaunchers.addTask(graph, id, kernel, a)) {
                    throw new BackendUnavailableException("kernel '" + kernel
                            + "' has no TornadoVM launcher yet; run this step with --backend jvm");
                }
            }
        }
    }

    /** Names of the kernels this backend can launch (checked against the kernels' own names in tests). */
    static java.util.List<String> kernelNames() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(WaveStepKernel.NAME,
                SourceKernels.INJECT.name(), SourceKernels.ADVANCE_CLOCK.name()));
        names.addAll(DarcyTornadoLaunchers.kernelNames());
        names.addAll(SeismicTornadoLaunchers.kernelNames());
        return java.util.List.copyOf(names);
    }
}
