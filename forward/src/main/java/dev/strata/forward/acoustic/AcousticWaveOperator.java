package dev.strata.forward.acoustic;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Shapes;
import dev.strata.forward.ValueAndVjp;
import dev.strata.kernels.ComputeBackend;
import java.util.function.UnaryOperator;

/**
 * 2-D constant-density acoustic full-waveform modelling, velocity to receiver data, with exact discrete derivatives:
 * the wave equation u_tt = v^2 (Laplacian u + w(t) delta(x - x_s)), leapfrog in time, 8th order in space, on the
 * model padded by edge replication and surrounded by an absorbing border: a Cerjan sponge ({@link SpongeBoundary},
 * the default: fast, reflects a few per cent) or a convolutional PML ({@link CpmlBoundary}: reflects about 1e-4, costs
 * several times more per step on the JVM), optionally with a pressure-free top ({@link FreeSurface}). The scheme is in
 * {@link WavePropagator}.
 *
 * <ul>
 *   <li>{@link #apply}: data d[shot, t, r] = u_shot(x_r, t dt), t = 0 .. nt - 1; receivers and sources on grid points.
 *   <li>{@link #jvp}: Born modelling, the exact derivative of the discrete scheme in the velocity, through
 *       dvc = 2 v (dt / h)^2 dv (source term included).
 *   <li>{@link #vjp}: the adjoint-state gradient of the same discrete scheme (its exact transpose):
 *       dv = (2 v (dt / h)^2 / vc) sum_t psi^{t+1} (L u^t + e_s w_t), then summed over shots and over the
 *       replicated padding.
 * </ul>
 *
 * <p>Memory: the adjoint does not store the wavefield. It uses {@link Checkpointing} (the two time levels every
 * k ~ sqrt(nt) steps, segments recomputed in reverse): per (model, shot) pair about 4 sqrt(nt) fields instead of nt
 * (8 sqrt(nt) with the CPML, whose four auxiliary fields are checkpointed too), for one extra forward propagation
 * (a gradient costs about 3 propagations instead of 2).
 *
 * <p>Input {@code [nz, nx]} velocity in m/s, which must lie in the setup's {@link VelocityRange} (the range CFL and
 * dispersion were checked for); output {@code [nshots, nt, nrec]}. A batch of n models runs n x nshots (model, shot)
 * pairs, at most {@code maxPairsPerPass} at once. Inputs are never modified. Hot loops run as kernels on the given
 * backend; the operator does not own (or close) it. Calls on one instance may run concurrently.
 *
 * <p>Longer than most files here (about 490 lines) on purpose: it is the operator's whole public surface (apply,
 * Born, adjoint, misfit gradient, RTM, shot-pass memory sizing), each method a short driver over
 * {@link WavePropagator}, which holds the scheme itself.
 */
public final class AcousticWaveOperator implements ForwardOperator {

    /** Default cap on (model, shot) pairs propagated together. */
    public static final int DEFAULT_PAIRS_PER_PASS = 32;

    /** Default relative stabiliser of the RTM illumination division, eps = 1e-3 max(illumination). */
    public static final double DEFAULT_RTM_EPSILON = 1e-3;

    private final AcousticSetup setup;
    private final ComputeBackend backend;
    private final Checkpointing checkpointing;
    private final int maxPairsPerPass;
    private final WavePropagator propagator;
    private final PaddedGrid padded;
    private final double vcScale;

    /** Checkpoint interval ~ sqrt(nt), up to {@link #DEFAULT_PAIRS_PER_PASS} pairs per pass. */
    public AcousticWaveOperator(AcousticSetup setup, ComputeBackend backend) {
        this(setup, backend, 0, DEFAULT_PAIRS_PER_PASS);
    }

    /**
     * @param setup              checked geometry and settings
     * @param backend            where the kernels run; not closed by the operator
     * @param checkpointInterval steps between checkpoints; 0 for ~ sqrt(nt); rounded up to even
     * @param maxPairsPerPass    most (model, shot) pairs propagated at once; bounds memory
     */
    public AcousticWaveOperator(AcousticSetup setup, ComputeBackend backend, int checkpointInterval,
                                int maxPairsPerPass) {
        if (setup == null || backend == null) {
            throw new IllegalArgumentException("acoustic operator needs a setup and a backend");
        }
        if (checkpointInterval < 0 || maxPairsPerPass < 1) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0 (0: automatic) and pairs per pass >= 1,"
                    + " got " + checkpointInterval + " and " + maxPairsPerPass);
        }
        this.setup = setup;
        this.backend = backend;
        this.checkpointing = Checkpointing.forSteps(setup.time().nt(), checkpointInterval);
        this.padded = PaddedGrid.of(setup.grid(), setup.boundary());
        this.propagator = new WavePropagator(setup, backend, checkpointing);
        long fit = pairsInArrays(checkpointing);
        if (fit < 1) {
            throw new IllegalArgumentException("one shot's checkpoints (" + floatsPerPair(checkpointing)
                    + " floats) exceed a Java array; choose a checkpoint interval near sqrt(nt) = "
                    + Math.round(Math.sqrt(setup.time().nt())));
        }
        this.maxPairsPerPass = (int) Math.min(maxPairsPerPass, fit);
        double r = setup.time().dt() / setup.grid().spacing();
        this.vcScale = r * r;
    }

    /**
     * Floats one (model, shot) pair takes in the largest of a pass's per-pair arrays under plan {@code c}: its
     * checkpoints (four fields each with the CPML's state) or its 2k-field ring.
     */
    private long floatsPerPair(Checkpointing c) {
        return (long) padded.size() * Math.max(4 * c.segments(), 2 * c.interval());
    }

    /** The most pairs a pass's arrays hold under plan {@code c} within a Java array; 0 if not even one. */
    private long pairsInArrays(Checkpointing c) {
        return (Integer.MAX_VALUE - 16L) / floatsPerPair(c);
    }

    public AcousticSetup setup() {
        return setup;
    }

    public Checkpointing checkpointing() {
        return checkpointing;
    }

    public ComputeBackend backend() {
        return backend;
    }

    /** Most (model, shot) pairs propagated in one pass: shots per pass for one model. */
    public int shotsPerPass() {
        return maxPairsPerPass;
    }

    /**
     * The same operator propagating at most {@code shotsPerPass} shots at once (same checkpoint interval). Every
     * result is computed per shot and summed or concatenated in shot order, so it equals this operator's bit for
     * bit.
     */
    public AcousticWaveOperator withShotsPerPass(int shotsPerPass) {
        return new AcousticWaveOperator(setup, backend, checkpointing.interval(), shotsPerPass);
    }

    /**
     * Bytes held at the peak of {@link #misfitGradient} for one model with {@code shotsPerPass} shots per pass (the
     * backward sweep; with preconditioning, which is the larger): per shot, with F = (nz + 2 pad)(nx + 2 pad) floats
     * a field, the checkpoints (2 S fields, 6 S with the CPML), the 2k-level ring, the backward sweep's own fields
     * ({@link WavePropagator#backwardFields}: 5, or 13 with the CPML), the shot's vc and illumination (2), and its
     * nt nrec residual; plus, once, vc of the model (F floats), gradient and illumination sums (2 nz nx doubles), the
     * residual of all shots (nshots nt nrec floats) and a host field of double and float for the gradient (F each).
     * The 4 bytes a float; JVM object headers and the caller's observed data are not counted.
     */
    public long bytesForGradient(int shotsPerPass) {
        return bytesForGradient(checkpointing, shotsPerPass);
    }

    /** {@link #bytesForGradient(int)} under the checkpoint plan {@code c}. */
    private long bytesForGradient(Checkpointing c, int shotsPerPass) {
        if (shotsPerPass < 1) {
            throw new IllegalArgumentException("shots per pass must be >= 1, got " + shotsPerPass);
        }
        long field = padded.size();
        long fields = c.fieldsHeld(propagator.fieldsPerCheckpoint()) + propagator.backwardFields() + 2L;
        long perShot = Float.BYTES * (fields * field + traceSize());
        long once = Float.BYTES * field + Double.BYTES * 2L * inputSize() + Float.BYTES * (long) outputSize()
                + (Double.BYTES + Float.BYTES) * field;
        return once + shotsPerPass * perShot;
    }

    /**
     * The most shots per pass (at most nshots) whose {@link #bytesForGradient} fits {@code budgetBytes}; refuses a
     * budget too small for one shot per pass, giving the bytes that needs.
     */
    public int shotsPerPassFor(long budgetBytes) {
        long one = bytesForGradient(1);
        if (budgetBytes < one) {
            throw new IllegalArgumentException("memory budget of " + budgetBytes + " bytes is too small for one shot "
                    + "per pass: a gradient on " + setup.grid() + " with " + setup.time().nt() + " steps needs "
                    + one + " bytes");
        }
        long perShot = bytesForGradient(2) - one;
        long k = 1 + (budgetBytes - one) / perShot;
        return (int) Math.min(k, setup.acquisition().nshots());
    }

    /**
     * The operator for a memory budget of one gradient: {@link #shotsPerPassFor}{@code (budgetBytes)} shots per pass
     * and, where all shots fit one pass, the checkpoint interval of {@link #intervalFor}: memory left over buys a
     * longer interval, so that fewer steps are recomputed. Every result equals this operator's bit for bit.
     */
    public AcousticWaveOperator withMemoryBudget(long budgetBytes) {
        int shots = shotsPerPassFor(budgetBytes);
        boolean allShots = shots == setup.acquisition().nshots();
        int interval = allShots ? intervalFor(budgetBytes, shots) : checkpointing.interval();
        return new AcousticWaveOperator(setup, backend, interval, shots);
    }

    /**
     * The checkpoint interval, from this operator's up to the one of two segments (the ring then holds the whole run
     * and nothing is recomputed), whose {@link Checkpointing#gradientSteps} are fewest among those whose gradient
     * with {@code shotsPerPass} shots a pass fits {@code budgetBytes} and whose ring fits a Java array (the shorter
     * interval on a tie); this operator's interval where no longer one fits.
     */
    public int intervalFor(long budgetBytes, int shotsPerPass) {
        int nt = setup.time().nt();
        int twoSegments = Checkpointing.forSteps(nt, (nt + 1) / 2).interval();
        Checkpointing best = checkpointing;
        for (int k = checkpointing.interval() + 2; k <= twoSegments; k += 2) {
            Checkpointing c = Checkpointing.forSteps(nt, k);
            boolean fits = bytesForGradient(c, shotsPerPass) <= budgetBytes && shotsPerPass <= pairsInArrays(c);
            if (fits && c.gradientSteps() < best.gradientSteps()) {
                best = c;
            }
        }
        return best.interval();
    }

    /**
     * The gather of one shot, a new {@code [nt][nrec]} row-major array (time slow), from data in this operator's
     * layout {@code [n][nshots][nt][nrec]}: model {@code model}'s shot {@code shot}.
     */
    public float[] shotGather(float[] data, int model, int shot) {
        int nshots = setup.acquisition().nshots();
        if (data == null || data.length % outputSize() != 0 || model < 0 || shot < 0 || shot >= nshots
                || (long) (model + 1) * outputSize() > data.length) {
            throw new IllegalArgumentException("shot gather: need data of n x " + outputSize() + " values, model in "
                    + "[0, n) and shot in [0, " + nshots + "), got " + (data == null ? "null" : data.length)
                    + " values, model " + model + ", shot " + shot);
        }
        int from = model * outputSize() + shot * traceSize();
        return java.util.Arrays.copyOfRange(data, from, from + traceSize());
    }

    /** {@code [nz, nx]}. */
    @Override
    public int[] inputShape() {
        return new int[] {setup.grid().nz(), setup.grid().nx()};
    }

    /** {@code [nshots, nt, nrec]}. */
    @Override
    public int[] outputShape() {
        return new int[] {setup.acquisition().nshots(), setup.time().nt(), setup.acquisition().nrec()};
    }

    /** d = A(v) for {@code n} models {@code [n][nz][nx]}; returns new {@code [n][nshots][nt][nrec]}. */
    @Override
    public float[] apply(float[] v, int n) {
        Shapes.requireBatch("acoustic velocity model", v, n, inputSize());
        requireVelocities(v, n);
        float[] out = new float[n * outputSize()];
        float[] vcModels = paddedVc(v, n);
        forEachPass(n, (first, count) -> {
            WavePropagator.Pass p = propagator.pass(first, count);
            float[] data = propagator.forward(perPair(vcModels, first, count), p);
            System.arraycopy(data, 0, out, first * traceSize(), data.length);
        });
        return out;
    }

    /** Born data dd = J(v) dv; {@code v}, {@code dv} {@code [n][nz][nx]}; returns new {@code [n][nshots][nt][nrec]}. */
    @Override
    public float[] jvp(float[] v, float[] dv, int n) {
        Shapes.requireBatch("acoustic velocity model", v, n, inputSize());
        Shapes.requireBatch("acoustic velocity tangent", dv, n, inputSize());
        requireVelocities(v, n);
        float[] out = new float[n * outputSize()];
        float[] vcModels = paddedVc(v, n);
        float[] dvcModels = paddedDvc(v, dv, n);
        forEachPass(n, (first, count) -> {
            WavePropagator.Pass p = propagator.pass(first, count);
            float[] data = propagator.born(perPair(vcModels, first, count), perPair(dvcModels, first, count), p);
            System.arraycopy(data, 0, out, first * traceSize(), data.length);
        });
        return out;
    }

    /**
     * Adjoint-state gradient dv = J(v)^T dd; {@code v} {@code [n][nz][nx]}, {@code dd} {@code [n][nshots][nt][nrec]};
     * returns new {@code [n][nz][nx]}.
     */
    @Override
    public float[] vjp(float[] v, float[] dd, int n) {
        Shapes.requireBatch("acoustic velocity model", v, n, inputSize());
        Shapes.requireBatch("acoustic data cotangent", dd, n, outputSize());
        requireVelocities(v, n);
        float[] vcModels = paddedVc(v, n);
        double[] grad = new double[n * inputSize()];
        forEachPass(n, (first, count) -> {
            WavePropagator.Pass p = propagator.pass(first, count);
            float[] vc = perPair(vcModels, first, count);
            float[] traces = new float[count * traceSize()];
            System.arraycopy(dd, first * traceSize(), traces, 0, traces.length);
            addGradient(propagator.gradient(vc, p, false, false, data -> traces).gradient(), vc, v, first, count,
                    grad, true);
        });
        return toFloat(grad);
    }

    /**
     * A(v) and J(v)^T g(A(v)) from one checkpointed forward run, which records the data the cotangent is made from,
     * and its adjoint sweep, where all (model, shot) pairs fit one pass; otherwise (the cotangent needs all of A(v)
     * before any adjoint sweep) a forward run, then {@link #vjp}. The same value and VJP as {@link #apply} and
     * {@link #vjp}, bit for bit.
     */
    @Override
    public ValueAndVjp valueAndVjp(float[] v, int n, UnaryOperator<float[]> cotangent) {
        int pairs = n * setup.acquisition().nshots();
        if (pairs > maxPairsPerPass) {
            return ForwardOperator.super.valueAndVjp(v, n, cotangent);
        }
        Shapes.requireBatch("acoustic velocity model", v, n, inputSize());
        requireVelocities(v, n);
        float[] vc = perPair(paddedVc(v, n), 0, pairs);
        double[] grad = new double[n * inputSize()];
        // one pass of all pairs: its recorded data [pairs][nt][nrec] are A(v) in this operator's layout
        WavePropagator.Gradient result = propagator.gradient(vc, propagator.pass(0, pairs), true, false, data -> {
            float[] dd = cotangent.apply(data);
            Shapes.requireBatch("acoustic data cotangent", dd, n, outputSize());
            return dd;
        });
        addGradient(result.gradient(), vc, v, 0, pairs, grad, true);
        return new ValueAndVjp(result.data(), toFloat(grad));
    }

    /**
     * J(v) = 0.5 ||A(v) - d||^2 and dJ/dv for one model {@code v} {@code [nz][nx]} and observed data
     * {@code [nshots][nt][nrec]}: one checkpointed forward run gives the residual, one adjoint sweep the gradient.
     * The gradient is exact: the padding replicates the edge cells, so its sensitivity is summed into them (as in
     * {@link #vjp}); the edge rows and columns therefore carry the whole border's sensitivity.
     */
    public Misfit misfitGradient(float[] v, float[] observed) {
        return misfit(v, observed, null);
    }

    /**
     * J(v) and the preconditioned gradient {@link GradientPreconditioning#apply}(dJ/dv_cells, I) for one model:
     * dJ/dv_cells is the sensitivity to the velocity of the model cells themselves, the padding held fixed (its
     * sensitivity is dropped, not folded into the edge cells, so edges are not inflated), and I = sum_shots sum_t
     * u_s^2 the source illumination of the same forward run. Residual and value are those of
     * {@link #misfitGradient(float[], float[])}.
     */
    public Misfit misfitGradient(float[] v, float[] observed, GradientPreconditioning preconditioning) {
        if (preconditioning == null) {
            throw new IllegalArgumentException("preconditioning must not be null; use the two-argument "
                    + "misfitGradient for the plain gradient");
        }
        return misfit(v, observed, preconditioning);
    }

    private Misfit misfit(float[] v, float[] observed, GradientPreconditioning pre) {
        Shapes.requireBatch("acoustic velocity model", v, 1, inputSize());
        Shapes.requireBatch("observed data", observed, 1, outputSize());
        requireVelocities(v, 1);
        boolean precondition = pre != null;
        float[] vcModels = paddedVc(v, 1);
        double[] grad = new double[inputSize()];
        double[] illumination = precondition ? new double[inputSize()] : null;
        float[] residual = new float[outputSize()];
        double[] value = new double[1];
        forEachPass(1, (first, count) -> {
            WavePropagator.Pass p = propagator.pass(first, count);
            float[] vc = perPair(vcModels, first, count);
            int offset = first * traceSize();
            WavePropagator.Gradient result = propagator.gradient(vc, p, true, precondition, r -> {
                for (int i = 0; i < r.length; i++) {
                    r[i] = r[i] - observed[offset + i];
                    value[0] += 0.5 * (double) r[i] * r[i];
                }
                System.arraycopy(r, 0, residual, offset, r.length);
                return r;
            });
            addGradient(result.gradient(), vc, v, first, count, grad, !precondition);
            if (precondition) {
                addModelCells(result.illumination(), count, illumination);
            }
        });
        float[] g = precondition ? pre.apply(setup.grid(), grad, illumination) : toFloat(grad);
        return new Misfit(value[0], g, residual);
    }

    /** {@link #rtmImage(float[], float[], double)} with eps = {@link #DEFAULT_RTM_EPSILON}. */
    public float[] rtmImage(float[] v, float[] data) {
        return rtmImage(v, data, DEFAULT_RTM_EPSILON);
    }

    /**
     * Reverse-time migration of {@code data} {@code [nshots][nt][nrec]} in the migration velocity {@code v}
     * {@code [nz][nx]}: I(x) = sum_shots sum_t u_s(x, t) q_s(x, t) / (sum_shots sum_t u_s(x, t)^2 + eps max I_s),
     * the zero-lag cross-correlation of the source field u with the back-propagated receiver field q (the adjoint
     * field with -d/dt of the data injected at the receivers: the 2-D phase correction, so that a reflector images as
     * a peak, not a doublet), divided by the stacked source illumination. Pass data without
     * the direct arrival (e.g. observed minus modelled in a smooth model), or it images as a strong artefact near the
     * source. Returns a new {@code [nz][nx]}.
     *
     * @param epsilon stabiliser relative to the largest illumination, &gt;= 0
     */
    public float[] rtmImage(float[] v, float[] data, double epsilon) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("RTM epsilon must be finite and >= 0, got " + epsilon);
        }
        return rtmImage(v, data, new GradientPreconditioning(epsilon, 0));
    }

    /**
     * {@link #rtmImage(float[], float[], double)} with the illumination division and top mute of
     * {@code preconditioning}: I(x) = w(z) sum u_s q_s / (sum u_s^2 + eps max), over the model cells.
     */
    public float[] rtmImage(float[] v, float[] data, GradientPreconditioning preconditioning) {
        Shapes.requireBatch("acoustic velocity model", v, 1, inputSize());
        Shapes.requireBatch("data to migrate", data, 1, outputSize());
        if (preconditioning == null) {
            throw new IllegalArgumentException("RTM preconditioning must not be null");
        }
        requireVelocities(v, 1);
        float[] vcModels = paddedVc(v, 1);
        double[] image = new double[inputSize()];
        double[] illumination = new double[inputSize()];
        forEachPass(1, (first, count) -> {
            WavePropagator.Pass p = propagator.pass(first, count);
            float[] vc = perPair(vcModels, first, count);
            float[] traces = timeDerivative(data, first * traceSize(), count);
            WavePropagator.Images im = propagator.rtm(vc, p, traces);
            addModelCells(im.image(), count, image);
            addModelCells(im.illumination(), count, illumination);
        });
        return preconditioning.apply(setup.grid(), image, illumination);
    }

    /** Adds the model cells of {@code count} padded member fields into {@code sum} {@code [nz][nx]}. */
    private void addModelCells(float[] members, int count, double[] sum) {
        int field = padded.size();
        for (int j = 0; j < count; j++) {
            int base = j * field;
            padded.cropAdd(i -> members[base + i], sum, 0);
        }
    }

    /**
     * -d/dt of {@code count} gathers {@code [nt][nrec]} from {@code offset}, by central differences (zero outside the
     * record): the 2-D phase correction of RTM. Line-source propagation delays the phase by 45 degrees on each of the
     * two legs, so plain cross-correlation images a reflector as an odd doublet with a zero at its depth; one time
     * derivative of the data restores a symmetric peak there, positive for a velocity increase with depth.
     */
    private float[] timeDerivative(float[] data, int offset, int count) {
        int nt = setup.time().nt();
        int nrec = setup.acquisition().nrec();
        double scale = -0.5 / setup.time().dt();
        float[] out = new float[count * nt * nrec];
        for (int j = 0; j < count; j++) {
            int base = j * nt * nrec;
            for (int t = 0; t < nt; t++) {
                for (int r = 0; r < nrec; r++) {
                    double next = t + 1 < nt ? data[offset + base + (t + 1) * nrec + r] : 0.0;
                    double prev = t > 0 ? data[offset + base + (t - 1) * nrec + r] : 0.0;
                    out[base + t * nrec + r] = (float) (scale * (next - prev));
                }
            }
        }
        return out;
    }

    /** One pass over pairs {@code first .. first + count - 1}. */
    private interface PassBody {
        void run(int first, int count);
    }

    private void forEachPass(int n, PassBody body) {
        int pairs = n * setup.acquisition().nshots();
        for (int first = 0; first < pairs; first += maxPairsPerPass) {
            body.run(first, Math.min(maxPairsPerPass, pairs - first));
        }
    }

    private int traceSize() {
        return setup.time().nt() * setup.acquisition().nrec();
    }

    /**
     * vc = (v dt / h)^2 on the padded grid, per model {@code [n][pnz][pnx]}, computed in double; 0 on the surface row
     * and above under a {@link FreeSurface}.
     */
    private float[] paddedVc(float[] v, int n) {
        float[] vp = replicate(v, n);
        for (int i = 0; i < vp.length; i++) {
            double vi = vp[i];
            vp[i] = (float) (vcScale * vi * vi);
        }
        return surfaceMasked(vp, n);
    }

    /** dvc = 2 v (dt / h)^2 dv on the padded grid, per model (masked as vc is: its derivative). */
    private float[] paddedDvc(float[] v, float[] dv, int n) {
        float[] vp = replicate(v, n);
        float[] dp = replicate(dv, n);
        for (int i = 0; i < dp.length; i++) {
            dp[i] = (float) (2.0 * vcScale * vp[i] * dp[i]);
        }
        return surfaceMasked(dp, n);
    }

    /** Zeroes the surface row and the padding above it of each of n padded fields under a free surface. */
    private float[] surfaceMasked(float[] fields, int n) {
        if (setup.boundary().freeSurface()) {
            for (int m = 0; m < n; m++) {
                FreeSurface.clearSurfaceRows(padded, fields, m * padded.size());
            }
        }
        return fields;
    }

    private float[] replicate(float[] v, int n) {
        int field = padded.size();
        float[] out = new float[n * field];
        for (int m = 0; m < n; m++) {
            padded.replicate(v, m * inputSize(), out, m * field);
        }
        return out;
    }

    /** vc of every pair of a pass {@code [count][pnz][pnx]}: pair j uses model (first + j) / nshots. */
    private float[] perPair(float[] perModel, int first, int count) {
        int field = padded.size();
        int nshots = setup.acquisition().nshots();
        float[] out = new float[count * field];
        for (int j = 0; j < count; j++) {
            System.arraycopy(perModel, ((first + j) / nshots) * field, out, j * field, field);
        }
        return out;
    }

    /**
     * dJ/dv = dJ/dvc dvc/dv = (A / vc) 2 v (dt / h)^2 on the padded grid (vc as propagated, v replicated), then
     * summed over the replicated padding into the model of each pair if {@code foldPadding} (the exact adjoint of
     * the replication), else taken at the model cells only; the shots of one model are added together.
     */
    private void addGradient(float[] a, float[] vc, float[] v, int first, int count, double[] grad,
                             boolean foldPadding) {
        int field = padded.size();
        int nshots = setup.acquisition().nshots();
        double[] g = new double[field];
        float[] vp = new float[field];
        for (int j = 0; j < count; j++) {
            int model = (first + j) / nshots;
            padded.replicate(v, model * inputSize(), vp, 0);
            for (int i = 0; i < field; i++) {
                int k = j * field + i;
                g[i] = a[k] == 0f ? 0.0 : a[k] / (double) vc[k] * 2.0 * vcScale * vp[i];
            }
            if (foldPadding) {
                padded.replicateAdjoint(g, 0, grad, model * inputSize());
            } else {
                padded.cropAdd(i -> g[i], grad, model * inputSize());
            }
        }
    }

    private void requireVelocities(float[] v, int n) {
        VelocityRange range = setup.velocities();
        int nx = setup.grid().nx();
        for (int m = 0; m < n; m++) {
            for (int i = 0; i < inputSize(); i++) {
                float vi = v[m * inputSize() + i];
                if (!range.contains(vi)) {
                    throw new IllegalArgumentException("velocity " + vi + " m/s at model " + m + ", z " + (i / nx)
                            + ", x " + (i % nx) + " is outside the declared range [" + range.min() + ", "
                            + range.max() + "] m/s that CFL and dispersion were checked for; widen the setup's "
                            + "VelocityRange (and re-check dt and h) or clip the model");
                }
            }
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
