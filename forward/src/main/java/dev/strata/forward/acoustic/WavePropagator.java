package dev.strata.forward.acoustic;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.acoustic.BornStepKernel;
import dev.strata.kernels.acoustic.CerjanSponge;
import dev.strata.kernels.acoustic.CheckpointKernels;
import dev.strata.kernels.acoustic.ImagingKernels;
import dev.strata.kernels.acoustic.ReceiverKernels;
import dev.strata.kernels.acoustic.SourceKernels;
import dev.strata.kernels.acoustic.WaveStepKernel;
import java.util.List;

/**
 * Runs the discrete acoustic scheme for a pass of nb batch members (each a (model, shot) pair) as device-resident
 * kernel graphs on a {@link ComputeBackend}. Every graph advances two time steps per execution (the two time levels
 * swap roles) with a device-side clock, as in {@link dev.strata.kernels.acoustic.ReferenceWaveProblem}.
 *
 * <p>The scheme, per member, with u^0 = u^{-1} = 0, D the sponge factor, C = vc = (v dt / h)^2, L the h^2 Laplacian:
 * <pre>
 *   u^{t+1} = D (2 u^t - D u^{t-1} + C L u^t) + C e_s w_t,      d_t = R u^t,   t = 0 .. nt - 1
 * </pre>
 * The Born field obeys the derivative of this recursion in C; the adjoint state psi = C D mu (mu the Lagrange
 * multiplier) obeys the same stencil backwards with the data cotangent injected at the receivers scaled by C:
 * <pre>
 *   psi^t = D (2 psi^{t+1} - D psi^{t+2} + C L psi^{t+1}) + C R^T g_t,      dJ/dC = (1/C) sum_t psi^{t+1} (L u^t + e_s w_t)
 * </pre>
 * Fields are {@code [nb][pnz][pnx]} on the {@link PaddedGrid}; data {@code [nb][nt][nrec]}. Not thread-safe: each
 * call allocates its own arrays, but the caller must not share one pass's inputs while it runs.
 */
final class WavePropagator {

    /** The wavelets and source and receiver indices of one pass. */
    record Pass(int nb, float[] wavelets, int[] srcIndex, int[] recIndex) {
    }

    /** Fields stored by a checkpointed forward run and the data it recorded (null if not asked for). */
    record Stored(float[] checkpoints, float[] data) {
    }

    /** RTM accumulations of a pass: zero-lag cross-correlation and source illumination, padded fields. */
    record Images(float[] image, float[] illumination) {
    }

    private final AcousticSetup setup;
    private final ComputeBackend backend;
    private final PaddedGrid padded;
    private final float[] dampZ;
    private final float[] dampX;
    private final float[] wavelet;
    private final Checkpointing checkpointing;
    private final int nt;
    private final int nrec;

    WavePropagator(AcousticSetup setup, ComputeBackend backend, Checkpointing checkpointing) {
        this.setup = setup;
        this.backend = backend;
        this.padded = PaddedGrid.of(setup.grid(), setup.boundary());
        this.checkpointing = checkpointing;
        SpongeBoundary sponge = switch (setup.boundary()) {
            case SpongeBoundary s -> s;
        };
        int border = padded.pad();
        this.dampZ = CerjanSponge.profile(padded.nz(), border, sponge.strength());
        this.dampX = CerjanSponge.profile(padded.nx(), border, sponge.strength());
        this.wavelet = setup.source().samples(setup.time());
        this.nt = setup.time().nt();
        this.nrec = setup.acquisition().nrec();
    }

    PaddedGrid padded() {
        return padded;
    }

    /** Indices and wavelets for members {@code first .. first + nb - 1}, member m being shot m mod nshots. */
    Pass pass(int first, int nb) {
        List<Shot> shots = setup.acquisition().shots();
        int field = padded.size();
        float[] w = new float[nb * nt];
        int[] src = new int[nb];
        int[] rec = new int[nb * nrec];
        for (int j = 0; j < nb; j++) {
            Shot shot = shots.get((first + j) % shots.size());
            System.arraycopy(wavelet, 0, w, j * nt, nt);
            src[j] = j * field + padded.index(shot.source());
            for (int r = 0; r < nrec; r++) {
                rec[j * nrec + r] = j * field + padded.index(shot.receivers().get(r));
            }
        }
        return new Pass(nb, w, src, rec);
    }

    /** Data {@code [nb][nt][nrec]} of the scheme for per-member vc {@code [nb][pnz][pnx]}; vc is not modified. */
    float[] forward(float[] vc, Pass p) {
        int n = p.nb() * padded.size();
        float[] a = new float[n];
        float[] b = new float[n];
        float[] data = new float[p.nb() * nt * nrec];
        int[] clock = new int[1];
        KernelGraph.Builder g = KernelGraph.builder("acoustic-forward")
                .transferToDevice(TransferMode.FIRST_EXECUTION, a, b, vc, dampZ, dampX, p.wavelets(), p.srcIndex(),
                        p.recIndex(), data, clock);
        for (int half = 0; half < 2; half++) {
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            addForwardStep(g, "s" + half, cur, prev, vc, data, clock, p);
        }
        run(g.transferToHost(TransferMode.UNDER_DEMAND, data).build(), (nt + 1) / 2, data);
        return data;
    }

    /**
     * Born data {@code [nb][nt][nrec]}: the derivative of {@link #forward} in direction dvc (same shape as vc).
     * Neither input is modified.
     */
    float[] born(float[] vc, float[] dvc, Pass p) {
        int n = p.nb() * padded.size();
        float[] a = new float[n];
        float[] b = new float[n];
        float[] da = new float[n];
        float[] db = new float[n];
        float[] data = new float[p.nb() * nt * nrec];
        int[] clock = new int[1];
        int[] dims = {p.nb(), padded.nz(), padded.nx()};
        KernelGraph.Builder g = KernelGraph.builder("acoustic-born")
                .transferToDevice(TransferMode.FIRST_EXECUTION, a, b, da, db, vc, dvc, dampZ, dampX, p.wavelets(),
                        p.srcIndex(), p.recIndex(), data, clock);
        for (int half = 0; half < 2; half++) {
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            float[] dcur = half == 0 ? da : db;
            float[] dprev = half == 0 ? db : da;
            String id = "s" + half;
            g.task(id + ".record", ReceiverKernels.RECORD, dcur, data, p.recIndex(), clock, p.nb(), nrec, nt)
                    .task(id + ".stencil", WaveStepKernel.INSTANCE,
                            WaveStepKernel.args(prev, cur, vc, dampZ, dampX, dims[0], dims[1], dims[2]))
                    .task(id + ".born", BornStepKernel.INSTANCE,
                            BornStepKernel.args(dprev, dcur, cur, vc, dvc, dampZ, dampX, dims[0], dims[1], dims[2]))
                    .task(id + ".source", SourceKernels.INJECT, prev, vc, p.wavelets(), p.srcIndex(), clock, nt)
                    .task(id + ".bornSource", SourceKernels.INJECT, dprev, dvc, p.wavelets(), p.srcIndex(), clock, nt)
                    .task(id + ".clock", SourceKernels.ADVANCE_CLOCK, (Object) clock);
        }
        run(g.transferToHost(TransferMode.UNDER_DEMAND, data).build(), (nt + 1) / 2, data);
        return data;
    }

    /**
     * The forward run of a checkpointed sweep: stores (u^t, u^{t-1}) at every multiple of the interval into
     * {@code [segments][2][nb pnz pnx]}, and records data if asked.
     */
    Stored forwardWithCheckpoints(float[] vc, Pass p, boolean record) {
        int n = p.nb() * padded.size();
        int k = checkpointing.interval();
        int steps = checkpointing.steps();
        float[] a = new float[n];
        float[] b = new float[n];
        float[] checkpoints = new float[Math.toIntExact(2L * checkpointing.segments() * n)];
        float[] data = new float[record ? p.nb() * nt * nrec : 0];
        int[] clock = new int[1];
        KernelGraph.Builder g = KernelGraph.builder("acoustic-forward-checkpointed")
                .transferToDevice(TransferMode.FIRST_EXECUTION, a, b, vc, dampZ, dampX, p.wavelets(), p.srcIndex(),
                        p.recIndex(), checkpoints, clock);
        if (record) {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, data);
        }
        int rows = p.nb() * padded.nz();
        for (int half = 0; half < 2; half++) {
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            if (half == 0) {
                g.task("checkpoint", CheckpointKernels.STORE_CHECKPOINT, cur, prev, checkpoints, clock, k, steps, rows,
                        padded.nx());
            }
            addForwardStep(g, "s" + half, cur, prev, vc, record ? data : null, clock, p);
        }
        g.transferToHost(TransferMode.UNDER_DEMAND, checkpoints);
        if (record) {
            g.transferToHost(TransferMode.UNDER_DEMAND, data);
            run(g.build(), steps / 2, checkpoints, data);
        } else {
            run(g.build(), steps / 2, checkpoints);
        }
        return new Stored(checkpoints, record ? data : null);
    }

    /**
     * The adjoint sweep for data cotangent {@code traces} {@code [nb][nt][nrec]}: returns
     * A = sum_t psi^{t+1} (L u^t + e_s w_t) per member {@code [nb][pnz][pnx]}, so that dJ/dvc = A / vc.
     */
    float[] gradientSweep(float[] vc, Pass p, float[] checkpoints, float[] traces) {
        float[] grad = new float[p.nb() * padded.size()];
        runBackward(vc, p, checkpoints, traces, grad, null);
        return grad;
    }

    /** The RTM sweep: back-propagates {@code data} and cross-correlates with the recomputed source field. */
    Images rtmSweep(float[] vc, Pass p, float[] checkpoints, float[] data) {
        int n = p.nb() * padded.size();
        Images images = new Images(new float[n], new float[n]);
        runBackward(vc, p, checkpoints, data, null, images);
        return images;
    }

    /**
     * One graph for the whole backward pass, pipelined by segment: while the adjoint field runs back through segment
     * j (reading ring half j mod 2), the source field is recomputed forwards through segment j - 1 from its
     * checkpoint (into the other half). A prologue of k steps fills the first half; the last k recompute steps idle.
     */
    private void runBackward(float[] vc, Pass p, float[] checkpoints, float[] traces, float[] grad, Images images) {
        int n = p.nb() * padded.size();
        int k = checkpointing.interval();
        int steps = checkpointing.steps();
        int rows = p.nb() * padded.nz();
        int pnx = padded.nx();
        float[] fa = new float[n];
        float[] fb = new float[n];
        float[] pa = new float[n];
        float[] pb = new float[n];
        float[] snapshots = new float[Math.toIntExact(2L * k * n)];
        int[] fwdClock = {steps - k};
        int[] adjClock = {steps - 1 + k};
        KernelGraph.Builder g = KernelGraph.builder(grad != null ? "acoustic-adjoint" : "acoustic-rtm")
                .transferToDevice(TransferMode.FIRST_EXECUTION, fa, fb, pa, pb, vc, dampZ, dampX, p.wavelets(),
                        p.srcIndex(), p.recIndex(), checkpoints, snapshots, traces, fwdClock, adjClock);
        if (grad != null) {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, grad);
        } else {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, images.image(), images.illumination());
        }
        for (int half = 0; half < 2; half++) {
            String id = "s" + half;
            float[] fcur = half == 0 ? fa : fb;
            float[] fprev = half == 0 ? fb : fa;
            float[] pcur = half == 0 ? pa : pb;
            float[] pprev = half == 0 ? pb : pa;
            if (half == 0) {
                g.task("load", CheckpointKernels.LOAD_CHECKPOINT, fcur, fprev, checkpoints, fwdClock, k, steps, rows,
                        pnx);
            }
            g.task(id + ".snapshot", CheckpointKernels.STORE_SNAPSHOT, fcur, snapshots, fwdClock, k, steps, rows, pnx)
                    .task(id + ".stencil", WaveStepKernel.INSTANCE,
                            WaveStepKernel.args(fprev, fcur, vc, dampZ, dampX, p.nb(), padded.nz(), pnx))
                    .task(id + ".source", SourceKernels.INJECT, fprev, vc, p.wavelets(), p.srcIndex(), fwdClock, nt)
                    .task(id + ".clock", CheckpointKernels.ADVANCE_SEGMENT_CLOCK, fwdClock, k, steps);
            if (grad != null) {
                g.task(id + ".gradient", ImagingKernels.GRADIENT, grad, pcur, snapshots, adjClock, k, nt, p.nb(),
                                padded.nz(), pnx)
                        // the source term of dJ/dC: grad[s] += psi^{t+1}[s] w_t, i.e. injectSource with psi as "vc"
                        .task(id + ".gradientSource", SourceKernels.INJECT, grad, pcur, p.wavelets(), p.srcIndex(),
                                adjClock, nt);
            }
            g.task(id + ".adjointStencil", WaveStepKernel.INSTANCE,
                            WaveStepKernel.args(pprev, pcur, vc, dampZ, dampX, p.nb(), padded.nz(), pnx))
                    .task(id + ".adjointSource", ReceiverKernels.INJECT, pprev, vc, traces, p.recIndex(), adjClock,
                            p.nb(), nrec, nt);
            if (images != null) {
                g.task(id + ".image", ImagingKernels.CROSS_CORRELATE, images.image(), images.illumination(), pprev,
                        snapshots, adjClock, k, nt, rows, pnx);
            }
            g.task(id + ".adjointClock", SourceKernels.REWIND_CLOCK, (Object) adjClock);
        }
        int executions = (checkpointing.segments() + 1) * k / 2;
        if (grad != null) {
            run(g.transferToHost(TransferMode.UNDER_DEMAND, grad).build(), executions, grad);
        } else {
            run(g.transferToHost(TransferMode.UNDER_DEMAND, images.image(), images.illumination()).build(), executions,
                    images.image(), images.illumination());
        }
    }

    /** Record u^t, step to u^{t+1} over the previous level, inject the source, tick. */
    private void addForwardStep(KernelGraph.Builder g, String id, float[] cur, float[] prev, float[] vc, float[] data,
                                int[] clock, Pass p) {
        if (data != null) {
            g.task(id + ".record", ReceiverKernels.RECORD, cur, data, p.recIndex(), clock, p.nb(), nrec, nt);
        }
        g.task(id + ".stencil", WaveStepKernel.INSTANCE,
                        WaveStepKernel.args(prev, cur, vc, dampZ, dampX, p.nb(), padded.nz(), padded.nx()))
                .task(id + ".source", SourceKernels.INJECT, prev, vc, p.wavelets(), p.srcIndex(), clock, nt)
                .task(id + ".clock", SourceKernels.ADVANCE_CLOCK, (Object) clock);
    }

    /** Plans the graph, executes it {@code times} times, brings {@code results} back to the host. */
    private void run(KernelGraph graph, int times, Object... results) {
        try (ExecutionPlan plan = backend.plan(graph)) {
            for (int i = 0; i < times; i++) {
                plan.execute();
            }
            plan.transferToHost(results);
            if (!plan.ranOnDevice()) {
                throw new IllegalStateException("graph " + graph.name() + ": a task fell back to plain Java instead of "
                        + "running on " + plan.device().device());
            }
        }
    }
}
