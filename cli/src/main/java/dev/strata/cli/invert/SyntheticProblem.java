package dev.strata.cli.invert;

import dev.strata.kernels.ComputeBackend;
import java.nio.file.Path;

/**
 * The physical problem {@code strata invert --problem P --true FILE --noise R --seed S} inverts, built the same way
 * (same default survey, operator, noise draw), for computations that need the forward operator and the observed data
 * outside a run, such as seed 001's closed-form memorized posterior w_k ∝ exp(-||F(x_k) - y||^2 / (2 sigma^2)).
 */
public final class SyntheticProblem {
    private SyntheticProblem() {
    }

    /**
     * @param problem seismic | wells | seismic+wells | fwi | darcy
     * @param truth   the true model: a training-set file (its first model) or a raw .f32 with a JSON sidecar
     * @param noise   relative noise of the synthesised data
     * @param seed    the run's seed (it draws the noise)
     * @param backend runs the operator; the caller keeps it open while using the problem and closes it after
     */
    public static PhysicalProblem of(String problem, Path truth, double noise, long seed, ComputeBackend backend) {
        String spec = truth.toAbsolutePath().toString();
        return ProblemBuilders.build(Synthesis.observe(Synthesis.truthGrid(problem, spec, seed), noise, seed, backend),
                backend, 0);
    }
}
