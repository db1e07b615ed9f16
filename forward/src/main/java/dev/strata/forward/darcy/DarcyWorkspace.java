package dev.strata.forward.darcy;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.KernelTask;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.darcy.DarcyAdjointTasks;
import dev.strata.kernels.darcy.DarcyTasks;
import java.util.function.Supplier;

/**
 * Everything {@link DarcyFlow} runs for batches of {@code nb} models of one {@link DarcyProblem}: the systems' arrays,
 * the PCG solver, and the plans of the assembly, the observation, the tangent source and the gradient, each built once
 * and kept by the backend ({@link ComputeBackend#workspace}) so that later calls compile nothing. The plans' inputs are
 * this workspace's buffers, sent at every execution; callers hold its lock from the assembly to the last solve of a
 * call.
 */
final class DarcyWorkspace implements AutoCloseable {

    /** Which workspace: one per problem and batch size. */
    record Key(DarcyProblem problem, int nb) {
    }

    final DarcySystem system;
    final PcgSolver solver;
    private final ComputeBackend backend;
    private final DarcyProblem problem;
    private final float[] logK;
    private final ExecutionPlan assembly;
    /** Inputs of the single-task plans: heads, a second field (adjoint state) and the tangent (in double). */
    private final double[] heads;
    private final double[] lambda;
    private final double[] tangentIn;
    private final double[] observed;
    private final double[] source;
    private final float[] gradient;
    private final int[] bcType;
    private final double[] bcHead;
    private ExecutionPlan observe;
    private ExecutionPlan tangentSource;
    private ExecutionPlan gradientPlan;

    DarcyWorkspace(ComputeBackend backend, DarcyProblem problem, int nb) {
        this.backend = backend;
        this.problem = problem;
        this.system = new DarcySystem(problem, nb);
        this.logK = new float[nb * problem.grid().cells()];
        this.assembly = system.assemblyPlan(backend, problem, logK);
        this.solver = new PcgSolver(backend, system, problem.solver());
        int cells = logK.length;
        this.heads = new double[cells];
        this.lambda = new double[cells];
        this.tangentIn = new double[cells];
        this.observed = new double[nb * problem.observationIndices().length];
        this.source = new double[cells];
        this.gradient = new float[cells];
        this.bcType = problem.boundaries().kernelTypes();
        this.bcHead = problem.boundaries().kernelHeads();
    }

    /** The workspace for {@code nb} models of {@code problem} on {@code backend}, built the first time. */
    static DarcyWorkspace of(ComputeBackend backend, DarcyProblem problem, int nb) {
        return backend.workspace(new Key(problem, nb), DarcyWorkspace.class,
                () -> new DarcyWorkspace(backend, problem, nb));
    }

    /** Assembles the systems of {@code m} ({@code [nb][nz][nx]}, copied). */
    void assemble(float[] m) {
        System.arraycopy(m, 0, logK, 0, logK.length);
        assembly.execute();
    }

    /** Heads at the observation cells, {@code [nb][nobs]}, gathered from {@code h}; a new array. */
    double[] observe(double[] h) {
        System.arraycopy(h, 0, heads, 0, heads.length);
        observe = executed(observe, "darcy-observe", observed, () -> DarcyTasks.gather(problem.observationIndices(),
                heads, observed, problem.grid().cells(), system.nb));
        return observed.clone();
    }

    /** The tangent source (dF/dm) dm at heads {@code h} of the assembled systems; a new array. */
    double[] tangentSource(double[] h, float[] dm) {
        for (int i = 0; i < tangentIn.length; i++) {
            tangentIn[i] = dm[i];
        }
        tangentSource = executed(tangentSource, h, "darcy-tangent-source", source, () -> DarcyAdjointTasks
                .tangentSource(system.conductivity, heads, tangentIn, bcType, bcHead, source, system.nz, system.nx,
                        system.nb));
        return source.clone();
    }

    /** The gradient -(dF/dm)^T lambda at heads {@code h} of the assembled systems; a new array. */
    float[] gradient(double[] h, double[] adjoint) {
        System.arraycopy(adjoint, 0, lambda, 0, lambda.length);
        gradientPlan = executed(gradientPlan, h, "darcy-gradient", gradient, () -> DarcyAdjointTasks.gradient(
                system.conductivity, heads, lambda, bcType, bcHead, gradient, system.nz, system.nx, system.nb));
        return gradient.clone();
    }

    /** {@link #executed(ExecutionPlan, String, Object, Supplier)} at heads {@code h}. */
    private ExecutionPlan executed(ExecutionPlan existing, double[] h, String name, Object out,
                                   Supplier<KernelTask> task) {
        System.arraycopy(h, 0, heads, 0, heads.length);
        return executed(existing, name, out, task);
    }

    /**
     * Executes {@code existing}, or first builds it as a one-task plan of {@code task}: every array the task takes
     * sent at every execution (the host copies are current), {@code out} back at every execution. Returns the plan.
     */
    private ExecutionPlan executed(ExecutionPlan existing, String name, Object out, Supplier<KernelTask> task) {
        ExecutionPlan plan = existing;
        if (plan == null) {
            KernelTask t = task.get();
            plan = backend.plan(KernelGraph.builder(name)
                    .transferToDevice(TransferMode.EVERY_EXECUTION, t.arrays().stream().filter(a -> a != out).toArray())
                    .task(name, t)
                    .transferToHost(TransferMode.EVERY_EXECUTION, out)
                    .build());
        }
        plan.execute();
        return plan;
    }

    @Override
    public void close() {
        try {
            assembly.close();
            solver.close();
        } finally {
            for (ExecutionPlan p : new ExecutionPlan[] {observe, tangentSource, gradientPlan}) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }
}
