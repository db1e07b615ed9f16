package dev.strata.forward.darcy;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Shapes;
import dev.strata.forward.ValueAndVjp;
import dev.strata.kernels.ComputeBackend;
import java.util.function.UnaryOperator;

/**
 * Heads at observation cells as a function of log-conductivity: y = P h(m), A(e^m) h = b, the Darcy data of seed 002
 * (arXiv 2512.22421), with exact derivatives of the discrete map (up to the solver tolerance).
 *
 * <pre>
 *   F(h, m) = A(m) h - b(m) = 0     (two-point flux, harmonic face transmissibilities; see {@link DarcyFlow})
 *   J dm    = -P A^-1 (dF/dm) dm                         (tangent solve)
 *   J^T dy  = -(dF/dm)^T lambda,   A^T lambda = P^T dy   (adjoint solve; A is symmetric)
 * </pre>
 * (dF/dm)^T lambda at cell c sums, over the faces of c, dT/dm_c (lambda_c - lambda_o)(h_c - h_o), with
 * dT/dm_c = 2 K_c K_o^2 / (K_c + K_o)^2 for an interior face (harmonic mean, K = e^m) and 2 K_c for a Dirichlet face
 * (lambda_o = 0, h_o = the boundary head).
 *
 * <p>Input shape {@code [nz, nx]} (m = log K, natural log of m/s), output {@code [nobs]} (m). Every call solves
 * the head problem afresh (jvp and vjp add one more solve each; valueAndVjp shares one), in double with the problem's
 * tolerance, and rounds only the results to float. A batch is solved as one set of kernels with per-model scalars,
 * bit for bit equal to one model at a time. Instances are immutable; the backend is not closed here.
 */
public final class DarcyOperator implements ForwardOperator {

    private final DarcyFlow flow;
    private final DarcyProblem problem;

    public DarcyOperator(DarcyProblem problem, ComputeBackend backend) {
        this.flow = new DarcyFlow(problem, backend);
        this.problem = problem;
    }

    public DarcyProblem problem() {
        return problem;
    }

    /** {@code [nz, nx]}. */
    @Override
    public int[] inputShape() {
        return new int[] {problem.grid().nz(), problem.grid().nx()};
    }

    /** {@code [nobs]}. */
    @Override
    public int[] outputShape() {
        return new int[] {problem.observations().size()};
    }

    /** y = P h(m) for {@code n} models {@code [n][nz][nx]}; returns new {@code [n][nobs]}. */
    @Override
    public float[] apply(float[] x, int n) {
        return toFloat(flow.withState(x, n, DarcyFlow::observe));
    }

    /** dm = J^T dy by the adjoint method (two solves); {@code dy} {@code [n][nobs]}; returns new {@code [n][nz][nx]}. */
    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        flow.requireModels(x, n);
        Shapes.requireBatch("Darcy head cotangent", dy, n, outputSize());
        return flow.withState(x, n, (ws, h) -> DarcyFlow.gradient(ws, h, problem, dy));
    }

    /**
     * y = P h(m) and J^T g(y) from one head solve and the adjoint solve (where apply then vjp solve the heads twice);
     * the same value and VJP bit for bit.
     */
    @Override
    public ValueAndVjp valueAndVjp(float[] x, int n, UnaryOperator<float[]> cotangent) {
        flow.requireModels(x, n);
        return flow.withState(x, n, (ws, h) -> {
            float[] value = toFloat(DarcyFlow.observe(ws, h));
            float[] dy = cotangent.apply(value);
            Shapes.requireBatch("Darcy head cotangent", dy, n, outputSize());
            return new ValueAndVjp(value, DarcyFlow.gradient(ws, h, problem, dy));
        });
    }

    /** dy = J dm by a tangent solve (two solves); {@code dx} {@code [n][nz][nx]}; returns new {@code [n][nobs]}. */
    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        flow.requireModels(x, n);
        Shapes.requireBatch("Darcy log-conductivity tangent", dx, n, inputSize());
        return toFloat(flow.withState(x, n, (ws, h) -> ws.observe(DarcyFlow.tangent(ws, h, dx))));
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
