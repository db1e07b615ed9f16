package dev.strata.tornado;

import dev.strata.kernels.sampling.SamplingKernels;
import dev.strata.kernels.sampling.StepKernels;
import java.util.List;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.annotations.Parallel;

/**
 * TornadoVM launchers of the {@link SamplingKernels} bodies, one per {@link StepKernels} kernel, with that kernel's
 * argument order and range: one work item per element of x (every element of {@code out} is written).
 */
final class SamplingTornadoLaunchers {
    private SamplingTornadoLaunchers() {
    }

    /** {@link SamplingKernels#extrapolate} over every element of x. */
    static void extrapolate(float[] x, float[] x0hat, float[] dx, float[] out, float[] coef) {
        for (@Parallel int i = 0; i < x.length; i++) {
            SamplingKernels.extrapolate(i, x, x0hat, dx, out, coef);
        }
    }

    /** {@link SamplingKernels#heun} over every element of x. */
    static void heun(float[] x, float[] x0hat, float[] xPred, float[] x0hatPred, float[] dx, float[] out,
                     float[] coef) {
        for (@Parallel int i = 0; i < x.length; i++) {
            SamplingKernels.heun(i, x, x0hat, xPred, x0hatPred, dx, out, coef);
        }
    }

    /** Adds the launcher of sampling kernel {@code kernel} as task {@code id}; false if it is not a sampling kernel. */
    static boolean addTask(TaskGraph g, String id, String kernel, Object[] a) {
        switch (kernel) {
            case "sampling.extrapolate" -> g.task(id, SamplingTornadoLaunchers::extrapolate, (float[]) a[0],
                    (float[]) a[1], (float[]) a[2], (float[]) a[3], (float[]) a[4]);
            case "sampling.heun" -> g.task(id, SamplingTornadoLaunchers::heun, (float[]) a[0], (float[]) a[1],
                    (float[]) a[2], (float[]) a[3], (float[]) a[4], (float[]) a[5], (float[]) a[6]);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Names of the sampling kernels {@link #addTask} launches (tests check them against {@link StepKernels}). */
    static List<String> kernelNames() {
        return List.of("sampling.extrapolate", "sampling.heun");
    }
}
