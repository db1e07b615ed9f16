package dev.strata.forward.acoustic;

import dev.strata.forward.acoustic.BoundaryStencils.Pml;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.acoustic.CheckpointTasks;
import dev.strata.kernels.acoustic.CpmlKernels;
import dev.strata.kernels.acoustic.CpmlTasks;
import dev.strata.kernels.acoustic.ImagingTasks;
import dev.strata.kernels.acoustic.ReceiverTasks;
import dev.strata.kernels.acoustic.SourceTasks;
import java.util.List;
import java.util.function.UnaryOperator;

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
 * <p>Fields are {@code [nb][pnz][pnx]} on the {@link PaddedGrid}; data {@code [nb][nt][nrec]}. The arrays and compiled
 * graphs of each kind of pass are kept per member count by the backend ({@link ResidentPass}): a second call compiles
 * nothing, and the fields stay on the device from the first time step of a call to its last.
 */
final class WavePropagator {

    /** The wavelets and source and receiver indices of one pass. */
    record Pass(int nb, float[] wavelets, int[] srcIndex, int[] recIndex) {
    }

    /** The checkpoints of a forward sweep: the two time levels, and the CPML state (null with the sponge). */
    private record Stored(float[] checkpoints, float[] pmlCheckpoints) {
    }

    /**
     * A gradient pass's accumulation A per member {@code [nb][pnz][pnx]}, with the data recorded and the source
     * illumination sum_t (u^t)^2 per member (each null if not asked for). The illumination sums the levels
     * t = 0 .. steps - 1 the checkpointed run computes (steps - nt &lt; the number of segments: a few levels past the
     * record, of no weight for a preconditioner).
     */
    record Gradient(float[] gradient, float[] data, float[] illumination) {
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
        ResidentPass r = resident(ResidentPass.Kind.FORWARD, p, false, false);
        synchronized (r) {
            r.load(vc, p, null);
            r.sweep(0, (nt + 1) / 2, r.data);
            return r.data.clone();
        }
    }

    /**
     * Born data {@code [nb][nt][nrec]}: the derivative of {@link #forward} in direction dvc (same shape as vc).
     * Neither input is modified.
     */
    float[] born(float[] vc, float[] dvc, Pass p) {
        ResidentPass r = resident(ResidentPass.Kind.BORN, p, false, false);
        synchronized (r) {
            r.load(vc, p, dvc);
            r.sweep(0, (nt + 1) / 2, r.data);
            return r.data.clone();
        }
    }

    /**
     * The adjoint-state accumulation of a pass: a checkpointed forward run, which records data and sums the source
     * illumination if asked, then the adjoint sweep of the traces that {@code traces} makes from the recorded data
     * (null when not recorded), on the checkpoints where the forward run left them. Returns
     * A = sum_t Phi^{t+1} (B^t + e_s w_t) per member {@code [nb][pnz][pnx]} (for the sponge Phi = psi and
     * B^t = L u^t), so that dJ/dvc = A / vc, with the data and illumination (null if not asked for).
     */
    Gradient gradient(float[] vc, Pass p, boolean record, boolean illuminate, UnaryOperator<float[]> traces) {
        ResidentPass r = resident(ResidentPass.Kind.GRADIENT, p, record, illuminate);
        synchronized (r) {
            r.load(vc, p, null);
            r.sweep(0, checkpointing.steps() / 2, r.data, r.illumination);
            float[] data = record ? r.data.clone() : null;
            float[] illumination = illuminate ? r.illumination.clone() : null;
            r.loadTraces(traces.apply(data));
            r.sweep(2, backwardExecutions(), r.result);
            return new Gradient(r.result.clone(), data, illumination);
        }
    }

    /** The RTM images of a pass: back-propagates {@code traces} and cross-correlates with the recomputed source field. */
    Images rtm(float[] vc, Pass p, float[] traces) {
        ResidentPass r = resident(ResidentPass.Kind.RTM, p, false, false);
        synchronized (r) {
            r.load(vc, p, null);
            r.sweep(0, checkpointing.steps() / 2);
            r.loadTraces(traces);
            r.sweep(2, backwardExecutions(), r.result, r.illumination);
            return new Images(r.result.clone(), r.illumination.clone());
        }
    }

    private int backwardExecutions() {
        return (checkpointing.segments() + 1) * checkpointing.interval() / 2;
    }

    /** The pass of this kind for {@code p}'s member count, built and compiled the first time. */
    private ResidentPass resident(ResidentPass.Kind kind, Pass p, boolean record, boolean illuminate) {
        ResidentPass.Key key = new ResidentPass.Key(setup, checkpointing.interval(), p.nb(), kind, record, illuminate);
        return backend.workspace(key, ResidentPass.class, () -> {
            ResidentPass r = new ResidentPass(key, p, padded.size(), nt * nrec);
            return r.compile(backend, graphs -> {
                switch (kind) {
                    case FORWARD -> graphs.addAll(sweep(forwardGraph(r)));
                    case BORN -> graphs.addAll(sweep(bornGraph(r)));
                    case GRADIENT, RTM -> {
                        Stored stored = checkpointedGraph(r, record, illuminate, graphs);
                        graphs.addAll(sweep(backwardGraph(r, stored, kind == ResidentPass.Kind.GRADIENT)));
                    }
                }
            });
        });
    }

    /** A sweep's two graphs: {@code first}, which uploads, then the same tasks going on from the device arrays. */
    private static List<KernelGraph> sweep(KernelGraph first) {
        return List.of(first, first.continuing(first.name() + "-steps"));
    }

    private KernelGraph forwardGraph(ResidentPass r) {
        Pass p = r.pass;
        float[] a = r.field();
        float[] b = r.field();
        int[] clock = r.clock(0);
        KernelGraph.Builder g = graph("acoustic-forward", r, a, b, clock);
        Pml pml = boundary.pml(g, r);
        for (int half = 0; half < 2; half++) {
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            g.task("s" + half + ".record", ReceiverTasks.recordReceiver(cur, r.data, p.recIndex(), clock, nrec, nt,
                    p.nb()));
            addStep(g, "s" + half, cur, prev, r.vc, pml, clock, p);
        }
        return g.transferToHost(TransferMode.UNDER_DEMAND, r.data).build();
    }

    private KernelGraph bornGraph(ResidentPass r) {
        Pass p = r.pass;
        int nb = p.nb();
        float[] a = r.field();
        float[] b = r.field();
        float[] da = r.field();
        float[] db = r.field();
        int[] clock = r.clock(0);
        float[] bracket = cpml ? r.field() : null;
        KernelGraph.Builder g = graph("acoustic-born", r, a, b, clock)
                .transferToDevice(TransferMode.EVERY_EXECUTION, da, db, r.dvc);
        Pml pml = boundary.pml(g, r);
        Pml dpml = boundary.pml(g, r);
        if (cpml) {
            g.transferToDevice(TransferMode.EVERY_EXECUTION, bracket);
        }
        for (int half = 0; half < 2; half++) {
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            float[] dcur = half == 0 ? da : db;
            float[] dprev = half == 0 ? db : da;
            String id = "s" + half;
            g.task(id + ".record", ReceiverTasks.recordReceiver(dcur, r.data, p.recIndex(), clock, nrec, nt, nb));
            boundary.addBornStep(g, id, cur, prev, dcur, dprev, r.vc, r.dvc, pml, dpml, bracket);
            g.task(id + ".source", SourceTasks.injectSource(prev, r.vc, p.wavelets(), p.srcIndex(), clock, nt))
                    .task(id + ".bornSource", SourceTasks.injectSource(dprev, r.dvc, p.wavelets(), p.srcIndex(),
                            clock, nt))
                    .task(id + ".clock", SourceTasks.advanceClock(clock));
        }
        return g.transferToHost(TransferMode.UNDER_DEMAND, r.data).build();
    }

    /**
     * Adds the forward sweep of a checkpointed pass to {@code graphs}: it stores (u^t, u^{t-1}) at every multiple of
     * the interval into {@code [segments][2][nb pnz pnx]} (and the CPML state into {@code [segments][4][...]}), and
     * records data and sums the source illumination if asked. Returns the checkpoints, which stay on the device.
     */
    private Stored checkpointedGraph(ResidentPass r, boolean record, boolean illuminate, List<KernelGraph> graphs) {
        Pass p = r.pass;
        int n = r.vc.length;
        int k = checkpointing.interval();
        int steps = checkpointing.steps();
        float[] a = r.field();
        float[] b = r.field();
        float[] checkpoints = r.zeroed(Math.toIntExact(2L * checkpointing.segments() * n));
        float[] pmlCheckpoints = cpml ? r.zeroed(Math.toIntExact(4L * checkpointing.segments() * n)) : null;
        int[] clock = r.clock(0);
        KernelGraph.Builder g = graph("acoustic-forward-checkpointed", r, a, b, clock)
                .transferToDevice(TransferMode.EVERY_EXECUTION, checkpoints, r.illumination);
        Pml pml = boundary.pml(g, r);
        if (cpml) {
            g.transferToDevice(TransferMode.EVERY_EXECUTION, pmlCheckpoints);
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
                g.task(id + ".record", ReceiverTasks.recordReceiver(cur, r.data, p.recIndex(), clock, nrec, nt,
                        p.nb()));
            }
            if (illuminate) {
                g.task(id + ".illumination", CpmlTasks.addProduct(r.illumination, cur, cur, n));
            }
            addStep(g, id, cur, prev, r.vc, pml, clock, p);
        }
        graphs.addAll(sweep(g.transferToHost(TransferMode.UNDER_DEMAND, r.data, r.illumination).build()));
        return new Stored(checkpoints, pmlCheckpoints);
    }

    /**
     * The graph of the backward pass, pipelined by segment: while the adjoint field runs back through segment j
     * (reading ring half j mod 2), the source field is recomputed forwards through segment j - 1 from its checkpoint
     * (into the other half). A prologue of k steps fills the first half; the last k recompute steps idle. The ring
     * holds u^t for RTM, and for a gradient what it pairs with the adjoint field: L u^t (sponge), which the
     * recomputing step writes into the ring as it applies it, or B^t (CPML), which it writes into {@code bracket} (a
     * copy puts it in the ring); so the imaging applies no stencil. It uploads its own state, the traces and the
     * receivers, and reads vc, the sources and the checkpoints where the forward sweep left them.
     */
    private KernelGraph backwardGraph(ResidentPass r, Stored stored, boolean gradient) {
        Pass p = r.pass;
        float[] vc = r.vc;
        int n = vc.length;
        int k = checkpointing.interval();
        int steps = checkpointing.steps();
        int nb = p.nb();
        float[] fa = r.field();
        float[] fb = r.field();
        float[] pa = r.field();
        float[] pb = r.field();
        float[] snapshots = r.zeroed(Math.toIntExact(2L * k * n));
        int[] fwdClock = r.clock(steps - k);
        int[] adjClock = r.clock(steps - 1 + k);
        float[] bracket = cpml && gradient ? r.field() : null;
        float[] grad = gradient ? r.result : null;
        float[] checkpoints = stored.checkpoints();
        float[] traces = r.traces;
        KernelGraph.Builder g = KernelGraph.builder(gradient ? "acoustic-adjoint" : "acoustic-rtm")
                .transferToDevice(TransferMode.EVERY_EXECUTION, fa, fb, pa, pb, snapshots, traces, fwdClock,
                        adjClock, r.result, p.recIndex()); // the forward sweep takes recIndex only if it records
        Pml pml = boundary.pml(g, r);
        Pml adj = boundary.pml(g, r);
        if (bracket != null) {
            g.transferToDevice(TransferMode.EVERY_EXECUTION, bracket);
        }
        if (!gradient) {
            g.transferToDevice(TransferMode.EVERY_EXECUTION, r.illumination);
        }
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
            if (gradient) {
                boundary.addRecomputingStep(g, id, fcur, fprev, vc, pml, bracket, snapshots, fwdClock, k, steps);
            } else {
                g.task(id + ".snapshot", CheckpointTasks.storeSnapshot(fcur, snapshots, fwdClock, k, steps, n));
                boundary.addStep(g, id, fcur, fprev, vc, pml, null);
            }
            g.task(id + ".source", SourceTasks.injectSource(fprev, vc, p.wavelets(), p.srcIndex(), fwdClock, nt))
                    .task(id + ".clock", CheckpointTasks.advanceSegmentClock(fwdClock, k, steps));
            // the adjoint field, one step back; the gradient pairs Phi^{t+1} (pcur) with level t of the source field
            if (gradient) {
                boundary.addImagingAdjointStep(g, id, pcur, pprev, vc, adj, grad, snapshots, adjClock, k, nt);
                // the source term of dJ/dC: grad[s] += Phi^{t+1}[s] w_t, i.e. injectSource with Phi as "vc"
                g.task(id + ".gradientSource", SourceTasks.injectSource(grad, pcur, p.wavelets(), p.srcIndex(),
                        adjClock, nt));
            } else {
                boundary.addAdjointStep(g, id, pcur, pprev, vc, adj);
            }
            g.task(id + ".adjointSource", ReceiverTasks.injectReceivers(pprev, vc, traces, p.recIndex(), adjClock,
                    nrec, nt, nb));
            if (!gradient) {
                g.task(id + ".image", ImagingTasks.crossCorrelate(r.result, r.illumination, pprev,
                        snapshots, adjClock, k, nt, n));
            }
            g.task(id + ".adjointClock", SourceTasks.rewindClock(adjClock));
        }
        return (gradient ? g.transferToHost(TransferMode.UNDER_DEMAND, grad)
                : g.transferToHost(TransferMode.UNDER_DEMAND, r.result, r.illumination)).build();
    }

    /** A graph that uploads the arrays every pass uses (inputs and zeroed state) at each call. */
    private KernelGraph.Builder graph(String name, ResidentPass r, float[] a, float[] b, int[] clock) {
        Pass p = r.pass;
        KernelGraph.Builder g = KernelGraph.builder(name)
                .transferToDevice(TransferMode.EVERY_EXECUTION, a, b, r.vc, p.wavelets(), p.srcIndex(), p.recIndex(),
                        r.data, clock);
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
}
