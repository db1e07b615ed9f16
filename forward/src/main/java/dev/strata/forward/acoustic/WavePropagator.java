package dev.strata.forward.acoustic;

import dev.strata.forward.acoustic.BoundaryStencils.Pml;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.acoustic.CheckpointTasks;
import dev.strata.kernels.acoustic.CpmlKernels;
import dev.strata.kernels.acoustic.CpmlTasks;
import dev.strata.kernels.acoustic.ImagingTasks;
import dev.strata.kernels.acoustic.ReceiverTasks;
import dev.strata.kernels.acoustic.SourceTasks;
import java.util.List;

/**
 * Runs the discrete acoustic scheme for a pass of nb batch members (each a (model, shot) pair) as device-resident
 * kernel graphs on a {@link ComputeBackend}. Every graph advances two time steps per execution (the two time levels
 * swap roles) with a device-side clock, as in {@link dev.strata.kernels.acoustic.ReferenceWaveProblem}.
 *
 * <p>With the sponge, per member, u^0 = u^{-1} = 0, D the sponge factor, C = vc = (v dt / h)^2, L the h^2 Laplacian:
 * <pre>
 *   u^{t+1} = D (2 u^t - D u^{t-1} + C L u^t) + C e_s w_t,      d_t = R u^t,   t = 0 .. nt - 1
 * </pre>
 * The Born field obeys the derivative of this recursion in C; the adjoint state psi = C D mu (mu the Lagrange
 * multiplier) obeys the same stencil backwards with the data cotangent injected at the receivers scaled by C:
 * <pre>
 *   psi^t = D (2 psi^{t+1} - D psi^{t+2} + C L psi^{t+1}) + C R^T g_t,      dJ/dC = (1/C) sum_t psi^{t+1} (L u^t + e_s w_t)
 * </pre>
 * With the CPML the update is u^{t+1} = 2 u^t - u^{t-1} + C B^t with auxiliary fields; its transpose is written out
 * in {@link CpmlKernels}, and dJ/dC = (1/C) sum_t Phi^{t+1} (B^t + e_s w_t).
 *
 * <p>Fields are {@code [nb][pnz][pnx]} on the {@link PaddedGrid}; data {@code [nb][nt][nrec]}. Each call allocates
 * its own arrays.
 */
final class WavePropagator {

    /** The wavelets and source and receiver indices of one pass. */
    record Pass(int nb, float[] wavelets, int[] srcIndex, int[] recIndex) {
    }

    /**
     * Fields stored by a checkpointed forward run: the two time levels, the CPML state (null with the sponge), the
     * data recorded and the source illumination sum_t (u^t)^2 per member {@code [nb][pnz][pnx]} (each null if not
     * asked for). The illumination sums the levels t = 0 .. steps - 1 the checkpointed run computes (steps - nt &lt;
     * the number of segments: a few levels past the record, of no weight for a preconditioner).
     */
    record Stored(float[] checkpoints, float[] pmlCheckpoints, float[] data, float[] illumination) {
    }

    /** RTM accumulations of a pass: zero-lag cross-correlation and source illumination, padded fields. */
    record Images(float[] image, float[] illumination) {
    }

    private final ComputeBackend backend;
    private final PaddedGrid padded;
    private final AcousticSetup setup;
    private final Checkpointing checkpointing;
    private final int nt;
    private final int nrec;
    private final float[] wavelet;
    private final BoundaryStencils boundary;
    private final boolean cpml;

    WavePropagator(AcousticSetup setup, ComputeBackend backend, Checkpointing checkpointing) {
        this.setup = setup;
        this.backend = backend;
        this.padded = PaddedGrid.of(setup.grid(), setup.boundary());
        this.checkpointing = checkpointing;
        this.wavelet = setup.source().samples(setup.time());
        this.nt = setup.time().nt();
        this.nrec = setup.acquisition().nrec();
        this.boundary = new BoundaryStencils(setup, padded);
        this.cpml = boundary.cpml();
    }

    PaddedGrid padded() {
        return padded;
    }

    /** Fields stored per checkpoint and member: 2 time levels, plus 4 CPML fields. */
    int fieldsPerCheckpoint() {
        return cpml ? 6 : 2;
    }

    /**
     * Fields per member allocated by a gradient's backward sweep besides checkpoints and the 2k ring: the two
     * levels of source and adjoint field and the gradient (5), plus 8 CPML auxiliary fields and the bracket (9).
     */
    int backwardFields() {
        return cpml ? 14 : 5;
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
        KernelGraph.Builder g = graph("acoustic-forward", p, vc, a, b, data, clock);
        Pml pml = boundary.pml(g, n);
        for (int half = 0; half < 2; half++) {
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            g.task("s" + half + ".record", ReceiverTasks.recordReceiver(cur, data, p.recIndex(), clock, nrec, nt,
                    p.nb()));
            addStep(g, "s" + half, cur, prev, vc, pml, clock, p);
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
        int nb = p.nb();
        float[] bracket = cpml ? new float[n] : null;
        KernelGraph.Builder g = graph("acoustic-born", p, vc, a, b, data, clock)
                .transferToDevice(TransferMode.FIRST_EXECUTION, da, db, dvc);
        Pml pml = boundary.pml(g, n);
        Pml dpml = boundary.pml(g, n);
        if (cpml) {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, bracket);
        }
        for (int half = 0; half < 2; half++) {
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            float[] dcur = half == 0 ? da : db;
            float[] dprev = half == 0 ? db : da;
            String id = "s" + half;
            g.task(id + ".record", ReceiverTasks.recordReceiver(dcur, data, p.recIndex(), clock, nrec, nt, nb));
            boundary.addBornStep(g, id, cur, prev, dcur, dprev, vc, dvc, pml, dpml, bracket);
            g.task(id + ".source", SourceTasks.injectSource(prev, vc, p.wavelets(), p.srcIndex(), clock, nt))
                    .task(id + ".bornSource", SourceTasks.injectSource(dprev, dvc, p.wavelets(), p.srcIndex(), clock,
                            nt))
                    .task(id + ".clock", SourceTasks.advanceClock(clock));
        }
        run(g.transferToHost(TransferMode.UNDER_DEMAND, data).build(), (nt + 1) / 2, data);
        return data;
    }

    /**
     * The forward run of a checkpointed sweep: stores (u^t, u^{t-1}) at every multiple of the interval into
     * {@code [segments][2][nb pnz pnx]} (and the CPML state into {@code [segments][4][...]}), and records data and
     * sums the source illumination if asked.
     */
    Stored forwardWithCheckpoints(float[] vc, Pass p, boolean record, boolean illuminate) {
        int n = p.nb() * padded.size();
        int k = checkpointing.interval();
        int steps = checkpointing.steps();
        float[] a = new float[n];
        float[] b = new float[n];
        float[] checkpoints = new float[Math.toIntExact(2L * checkpointing.segments() * n)];
        float[] pmlCheckpoints = cpml ? new float[Math.toIntExact(4L * checkpointing.segments() * n)] : null;
        float[] data = new float[record ? p.nb() * nt * nrec : 1];
        float[] illumination = new float[illuminate ? n : 1];
        int[] clock = new int[1];
        KernelGraph.Builder g = graph("acoustic-forward-checkpointed", p, vc, a, b, data, clock)
                .transferToDevice(TransferMode.FIRST_EXECUTION, checkpoints, illumination);
        Pml pml = boundary.pml(g, n);
        if (cpml) {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, pmlCheckpoints);
        }
        for (int half = 0; half < 2; half++) {
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            String id = "s" + half;
            if (half == 0) {
                g.task("checkpoint", CheckpointTasks.storeCheckpoint(cur, prev, checkpoints, clock, k, steps, n));
                if (cpml) {
                    g.task("pmlCheckpoint", CpmlTasks.storeState(pml.psiX(), pml.psiZ(), pml.zetaX(), pml.zetaZ(),
                            pmlCheckpoints, clock, k, steps, n));
                }
            }
            if (record) {
                g.task(id + ".record", ReceiverTasks.recordReceiver(cur, data, p.recIndex(), clock, nrec, nt, p.nb()));
            }
            if (illuminate) {
                g.task(id + ".illumination", CpmlTasks.addProduct(illumination, cur, cur, n));
            }
            addStep(g, id, cur, prev, vc, pml, clock, p);
        }
        g.transferToHost(TransferMode.UNDER_DEMAND, checkpoints, data, illumination);
        if (cpml) {
            g.transferToHost(TransferMode.UNDER_DEMAND, pmlCheckpoints);
            run(g.build(), steps / 2, checkpoints, pmlCheckpoints, data, illumination);
        } else {
            run(g.build(), steps / 2, checkpoints, data, illumination);
        }
        return new Stored(checkpoints, pmlCheckpoints, record ? data : null, illuminate ? illumination : null);
    }

    /**
     * The adjoint sweep for data cotangent {@code traces} {@code [nb][nt][nrec]}: returns
     * A = sum_t Phi^{t+1} (B^t + e_s w_t) per member {@code [nb][pnz][pnx]} (for the sponge Phi = psi and
     * B^t = L u^t), so that dJ/dvc = A / vc.
     */
    float[] gradientSweep(float[] vc, Pass p, Stored stored, float[] traces) {
        float[] grad = new float[p.nb() * padded.size()];
        runBackward(vc, p, stored, traces, grad, null);
        return grad;
    }

    /** The RTM sweep: back-propagates {@code data} and cross-correlates with the recomputed source field. */
    Images rtmSweep(float[] vc, Pass p, Stored stored, float[] data) {
        int n = p.nb() * padded.size();
        Images images = new Images(new float[n], new float[n]);
        runBackward(vc, p, stored, data, null, images);
        return images;
    }

    /**
     * One graph for the whole backward pass, pipelined by segment: while the adjoint field runs back through segment
     * j (reading ring half j mod 2), the source field is recomputed forwards through segment j - 1 from its
     * checkpoint (into the other half). A prologue of k steps fills the first half; the last k recompute steps idle.
     * The ring holds u^t for RTM and for the sponge's gradient (which applies L itself), B^t for the CPML gradient.
     */
    private void runBackward(float[] vc, Pass p, Stored stored, float[] traces, float[] grad, Images images) {
        int n = p.nb() * padded.size();
        int k = checkpointing.interval();
        int steps = checkpointing.steps();
        int nb = p.nb();
        boolean gradient = grad != null;
        float[] fa = new float[n];
        float[] fb = new float[n];
        float[] pa = new float[n];
        float[] pb = new float[n];
        float[] snapshots = new float[Math.toIntExact(2L * k * n)];
        int[] fwdClock = {steps - k};
        int[] adjClock = {steps - 1 + k};
        float[] bracket = cpml && gradient ? new float[n] : null;
        float[] checkpoints = stored.checkpoints();
        KernelGraph.Builder g = KernelGraph.builder(gradient ? "acoustic-adjoint" : "acoustic-rtm")
                .transferToDevice(TransferMode.FIRST_EXECUTION, fa, fb, pa, pb, vc, p.wavelets(), p.srcIndex(),
                        p.recIndex(), checkpoints, snapshots, traces, fwdClock, adjClock);
        boundary.addArrays(g);
        Pml pml = boundary.pml(g, n);
        Pml adj = boundary.pml(g, n);
        if (cpml) {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, stored.pmlCheckpoints());
        }
        if (bracket != null) {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, bracket);
        }
        if (gradient) {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, grad);
        } else {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, images.image(), images.illumination());
        }
        boolean snapshotOfU = !(cpml && gradient);
        for (int half = 0; half < 2; half++) {
            String id = "s" + half;
            float[] fcur = half == 0 ? fa : fb;
            float[] fprev = half == 0 ? fb : fa;
            float[] pcur = half == 0 ? pa : pb;
            float[] pprev = half == 0 ? pb : pa;
            // the source field, recomputed one segment behind the adjoint
            if (half == 0) {
                g.task("load", CheckpointTasks.loadCheckpoint(fcur, fprev, checkpoints, fwdClock, k, steps, n));
                if (cpml) {
                    g.task("pmlLoad", CpmlTasks.loadState(pml.psiX(), pml.psiZ(), pml.zetaX(), pml.zetaZ(),
                            stored.pmlCheckpoints(), fwdClock, k, steps, n));
                }
            }
            if (snapshotOfU) {
                g.task(id + ".snapshot", CheckpointTasks.storeSnapshot(fcur, snapshots, fwdClock, k, steps, n));
            }
            boundary.addStep(g, id, fcur, fprev, vc, pml, bracket);
            if (!snapshotOfU) {
                g.task(id + ".snapshot", CheckpointTasks.storeSnapshot(bracket, snapshots, fwdClock, k, steps, n));
            }
            g.task(id + ".source", SourceTasks.injectSource(fprev, vc, p.wavelets(), p.srcIndex(), fwdClock, nt))
                    .task(id + ".clock", CheckpointTasks.advanceSegmentClock(fwdClock, k, steps));
            // the adjoint field, one step back; the gradient pairs Phi^{t+1} (pcur) with level t of the source field
            if (gradient) {
                if (cpml) {
                    g.task(id + ".gradient", ImagingTasks.accumulateProduct(grad, pcur, snapshots, adjClock, k, nt, n));
                } else {
                    g.task(id + ".gradient", ImagingTasks.accumulateGradient(grad, pcur, snapshots, adjClock, k, nt,
                            padded.nz(), padded.nx(), nb));
                }
                // the source term of dJ/dC: grad[s] += Phi^{t+1}[s] w_t, i.e. injectSource with Phi as "vc"
                g.task(id + ".gradientSource", SourceTasks.injectSource(grad, pcur, p.wavelets(), p.srcIndex(),
                        adjClock, nt));
            }
            boundary.addAdjointStep(g, id, pcur, pprev, vc, adj);
            g.task(id + ".adjointSource", ReceiverTasks.injectReceivers(pprev, vc, traces, p.recIndex(), adjClock,
                    nrec, nt, nb));
            if (!gradient) {
                g.task(id + ".image", ImagingTasks.crossCorrelate(images.image(), images.illumination(), pprev,
                        snapshots, adjClock, k, nt, n));
            }
            g.task(id + ".adjointClock", SourceTasks.rewindClock(adjClock));
        }
        int executions = (checkpointing.segments() + 1) * k / 2;
        if (gradient) {
            run(g.transferToHost(TransferMode.UNDER_DEMAND, grad).build(), executions, grad);
        } else {
            run(g.transferToHost(TransferMode.UNDER_DEMAND, images.image(), images.illumination()).build(), executions,
                    images.image(), images.illumination());
        }
    }

    /** A graph with the arrays every run uses resident from the first execution. */
    private KernelGraph.Builder graph(String name, Pass p, float[] vc, float[] a, float[] b, float[] data,
                                      int[] clock) {
        KernelGraph.Builder g = KernelGraph.builder(name)
                .transferToDevice(TransferMode.FIRST_EXECUTION, a, b, vc, p.wavelets(), p.srcIndex(), p.recIndex(),
                        data, clock);
        boundary.addArrays(g);
        return g;
    }

    /** Step to u^{t+1} over the previous level (either boundary), inject the source, tick. */
    private void addStep(KernelGraph.Builder g, String id, float[] cur, float[] prev, float[] vc, Pml pml,
                         int[] clock, Pass p) {
        boundary.addStep(g, id, cur, prev, vc, pml, null);
        g.task(id + ".source", SourceTasks.injectSource(prev, vc, p.wavelets(), p.srcIndex(), clock, nt))
                .task(id + ".clock", SourceTasks.advanceClock(clock));
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
