package dev.strata.tornado;

import dev.strata.kernels.BackendUnavailableException;
import java.util.ArrayList;
import java.util.List;
import uk.ac.manchester.tornado.api.TaskGraph;

/**
 * Maps a {@link dev.strata.kernels.Kernel} name to its TornadoVM launcher: a {@code @Parallel} loop over the same
 * per-point body the JVM backend runs, with the kernel's argument order, one class per physics
 * ({@link AcousticTornadoLaunchers}, {@link DarcyTornadoLaunchers}, {@link SeismicTornadoLaunchers},
 * {@link SamplingTornadoLaunchers}). TornadoVM inlines the bodies when it compiles the launchers to OpenCL or PTX.
 * Compiled with {@code -g}: without local-variable tables TornadoVM cannot see the loop annotations and runs plain
 * Java.
 */
final class TornadoLaunchers {
    private TornadoLaunchers() {
    }

    /** Adds the launcher of {@code kernel} to the graph as task {@code id}. */
    static void addTask(TaskGraph graph, String id, String kernel, Object[] a) {
        boolean added = AcousticTornadoLaunchers.addTask(graph, id, kernel, a)
                || DarcyTornadoLaunchers.addTask(graph, id, kernel, a)
                || SeismicTornadoLaunchers.addTask(graph, id, kernel, a)
                || SamplingTornadoLaunchers.addTask(graph, id, kernel, a);
        if (!added) {
            throw new BackendUnavailableException("kernel '" + kernel
                    + "' has no TornadoVM launcher yet; run this step with --backend jvm");
        }
    }

    /** Names of the kernels this backend can launch (checked against the kernels' own names in tests). */
    static List<String> kernelNames() {
        List<String> names = new ArrayList<>(AcousticTornadoLaunchers.kernelNames());
        names.addAll(DarcyTornadoLaunchers.kernelNames());
        names.addAll(SeismicTornadoLaunchers.kernelNames());
        names.addAll(SamplingTornadoLaunchers.kernelNames());
        return List.copyOf(names);
    }
}
