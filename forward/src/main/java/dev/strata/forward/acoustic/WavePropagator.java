package dev.strata.forward.acoustic;

import dev.strata.forward.KeptWorkspaces;
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
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs the discrete acoustic scheme for a pass of nb batch members (each a (model, shot) pair) as device-resident
 * kernel graphs on a {@link ComputeBackend}. Every graph advances an even number of time steps per execution, up to
 * {@link #MAX_STEPS_PER_EXECUTION} (the two time levels swap roles at each), with a device-side clock, as in
 * {@link dev.strata.kernels.acoustic.ReferenceWaveProblem}.
 *
 * <p>With the sponge, per member, u^0 = u^{-1} = 0, D the sponge factor, C = vc = (v dt / h)^2, L the h^2 Laplacian:
 * <pre>
 *   u^{t+1} = D (2 u^t - D u^{t-1} + C L u^t) + C e_s w_t,      d_t = R u^t,   t = 0 .. nt - 1
 * </pre>
 * The Born field obeys the derivative of this recursion in C; the adjoint state psi = C D mu (mu the Lagrange
 * multiplier) obeys the same stencil backwards with the data cotangent injected at the receivers scaled by C:
 * <pre>
 *   psi^t = D (2 psi^{t+1} - D psi^{t+2} + C L psi^{t+1}) + C R^T g_t,  dJ/dC = (1/C) sum_t psi^{t+1} (L u^t + e_s w_t)
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

    /** Graphs per sweep of a checkpointed pass: the first, its continuation, the continuation of its other phase. */
    private static final int SWEEP_GRAPHS = 3;
    /**
     * Segments at the end of a forward run that it fills into the snapshot ring (one a half), as the backward sweep's
     * recomputation would: the backward sweep recomputes the segments before them only.
     */
    private static final int RING_SEGMENTS = 2;
    /**
     * Most time steps a graph takes per execution. An execution has a fixed cost beside its kernels (on TornadoVM
     * the plan's launch and synchronisation), which more steps share; the steps alternate the two time levels.
     */
    static final int MAX_STEPS_PER_EXECUTION = 8;

    private final ComputeBackend backend;
    private final PaddedGrid padded;
    private final AcousticSetup setup;
    private final Checkpointing checkpointing;
    private final int nt;
    private final int nrec;
    private final float[] wavelet;
    private final BoundaryStencils boundary;
    private final boolean cpml;
    private final int stepsPerExecution;
    /**
     * The pass of each key this propagator last ran, kept for its next call: on the JVM backend a gradient would
     * otherwise allocate its fields, checkpoints and ring (25 MB for the suite's 248² shot) and build its plans at
     * every call.
     */
    private final KeptWorkspaces<ResidentPass.Key, ResidentPass> kept = new KeptWorkspaces<>();

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
        this.stepsPerExecution = stepsPerExecution(checkpointing.interval());
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
     * levels of source and adjoint field and the gradient (5), plus 8 CPML auxiliary fields.
     */
    int backwardFields() {
        return cpml ? 13 : 5;
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
        return withPass(ResidentPass.Kind.FORWARD, p, false, false, r -> {
            r.load(vc, p, null);
            r.sweep(0, sweepExecutions(), r.data);
            return r.data.clone();
        });
    }

    /**
     * Born data {@code [nb][nt][nrec]}: the derivative of {@link #forward} in direction dvc (same shape as vc).
     * Neither input is modified.
     */
    float[] born(float[] vc, float[] dvc, Pass p) {
        return withPass(ResidentPass.Kind.BORN, p, false, false, r -> {
            r.load(vc, p, dvc);
            r.sweep(0, sweepExecutions(), r.data);
            return r.data.clone();
        });
    }

    /**
     * The adjoint-state accumulation of a pass: a checkpointed forward run, which records data and sums the source
     * illumination if asked, then the adjoint sweep of the traces that {@code traces} makes from the recorded data
     * (null when not recorded), on the checkpoints where the forward run left them. Returns
     * A = sum_t Phi^{t+1} (B^t + e_s w_t) per member {@code [nb][pnz][pnx]} (for the sponge Phi = psi and
     * B^t = L u^t), so that dJ/dvc = A / vc, with the data and illumination (null if not asked for).
     */
    Gradient gradient(float[] vc, Pass p, boolean record, boolean illuminate, UnaryOperator<float[]> traces) {
        return withPass(ResidentPass.Kind.GRADIENT, p, record, illuminate, r -> {
            r.load(vc, p, null);
            r.sweepPhases(forwardPhases(), r.data, r.illumination);
            float[] data = record ? r.data.clone() : null;
            float[] illumination = illuminate ? r.illumination.clone() : null;
            r.loadTraces(traces.apply(data));
            r.sweepPhases(backwardPhases(), r.result);
            return new Gradient(r.result.clone(), data, illumination);
        });
    }

    /** The RTM images of a pass: back-propagates {@code traces}, cross-correlates with the recomputed source field. */
    Images rtm(float[] vc, Pass p, float[] traces) {
        return withPass(ResidentPass.Kind.RTM, p, false, false, r -> {
            r.load(vc, p, null);
            r.sweepPhases(forwardPhases());
            r.loadTraces(traces);
            r.sweepPhases(backwardPhases(), r.result, r.illumination);
            return new Images(r.result.clone(), r.illumination.clone());
        });
    }

    /**
     * Whether the forward sweep fills the ring from its first step: a run of at most {@link #RING_SEGMENTS} segments,
     * which the ring holds whole, so that nothing is recomputed.
     */
    private boolean ringFromStart() {
        return checkpointing.segments() <= RING_SEGMENTS;
    }

    /**
     * Executions of a forward or Born sweep: ceil(nt / {@link #stepsPerExecution}); the steps of the last one past nt
     * record and inject nothing.
     */
    private int sweepExecutions() {
        return (nt + stepsPerExecution - 1) / stepsPerExecution;
    }

    /**
     * The phases of a checkpointed forward sweep, {@link #stepsPerExecution} steps an execution: the first graph and
     * its continuation up to the last {@link #RING_SEGMENTS} segments, then the ring-filling graph through those (or
     * the ring-filling graph throughout, see {@link #ringFromStart}).
     */
    private List<ResidentPass.Phase> forwardPhases() {
        int segment = checkpointing.interval() / stepsPerExecution;
        int all = checkpointing.steps() / stepsPerExecution;
        if (ringFromStart()) {
            return List.of(new ResidentPass.Phase(0, 1), new ResidentPass.Phase(1, all - 1));
        }
        int filling = RING_SEGMENTS * segment;
        return List.of(new ResidentPass.Phase(0, 1), new ResidentPass.Phase(1, all - filling - 1),
                new ResidentPass.Phase(2, filling));
    }

    /**
     * The phases of a backward sweep ({@link #backwardGraphs}): the adjoint alone through the last segment, then beside
     * the recomputation one segment behind it, then alone through segment 0; the adjoint alone throughout where the
     * ring holds the whole run.
     */
    private List<ResidentPass.Phase> backwardPhases() {
        int segment = checkpointing.interval() / stepsPerExecution;
        int all = checkpointing.steps() / stepsPerExecution;
        int alone = SWEEP_GRAPHS;
        if (ringFromStart()) {
            return List.of(new ResidentPass.Phase(alone, 1), new ResidentPass.Phase(alone + 1, all - 1));
        }
        return List.of(new ResidentPass.Phase(alone, 1), new ResidentPass.Phase(alone + 1, segment - 1),
                new ResidentPass.Phase(alone + 2, all - 2 * segment), new ResidentPass.Phase(alone + 1, segment));
    }

    /**
     * Time steps each graph execution takes: the most of {@link #MAX_STEPS_PER_EXECUTION}, 4 and 2 that divides the
     * checkpoint interval k (even), so that a segment is whole executions. A forward or Born sweep runs
     * ceil(nt / that) executions, the steps past nt recording and injecting nothing.
     */
    static int stepsPerExecution(int interval) {
        for (int s = MAX_STEPS_PER_EXECUTION; s > 2; s /= 2) {
            if (interval % s == 0) {
                return s;
            }
        }
        return 2;
    }

    /**
     * {@code body} on the pass of this kind for {@code p}'s member count, under the pass's lock: the one this
     * propagator kept from its last call with the same key if no other call holds it, else the backend's
     * ({@link #resident}); kept afterwards for the next call.
     */
    private <T> T withPass(ResidentPass.Kind kind, Pass p, boolean record, boolean illuminate,
                           Function<ResidentPass, T> body) {
        ResidentPass.Key key = new ResidentPass.Key(setup, checkpointing.interval(), p.nb(), kind, record, illuminate);
        return kept.with(key, () -> resident(key, p), body);
    }

    /** The backend's pass for {@code key}, built and compiled the first time (every time where it keeps none). */
    private ResidentPass resident(ResidentPass.Key key, Pass p) {
        ResidentPass.Kind kind = key.kind();
        boolean record = key.record();
        boolean illuminate = key.illuminate();
        return backend.workspace(key, ResidentPass.class, () -> {
            ResidentPass r = new ResidentPass(key, p, padded.size(), nt * nrec);
            return r.compile(backend, graphs -> {
                switch (kind) {
                    case FORWARD -> graphs.addAll(sweep(forwardGraph(r)));
                    case BORN -> graphs.addAll(sweep(bornGraph(r)));
                    case GRADIENT, RTM -> {
                        boolean gradient = kind == ResidentPass.Kind.GRADIENT;
                        Ring ring = new Ring(r.scratch(Math.toIntExact(2L * checkpointing.interval() * r.vc.length)),
                                gradient);
                        Stored stored = checkpointedGraphs(r, record, illuminate, ring, graphs);
                        backwardGraphs(r, stored, ring, graphs);
                    }
                }
            });
        });
    }

    /** A sweep's two graphs: {@code first}, which uploads, then the same tasks going on from the device arrays. */
    private static List<KernelGraph> sweep(KernelGraph first) {
        return List.of(first, first.continuing(first.name() + "-steps"));
    }

    /**
     * A checkpointed sweep's {@link #SWEEP_GRAPHS} graphs: {@code main} (which uploads) and its continuation, then
     * the continuation of {@code other}, which runs the sweep's other phase ({@link #forwardPhases},
     * {@link #backwardPhases}); unused where the ring holds the whole run.
     */
    private static List<KernelGraph> segmentedSweep(KernelGraph main, KernelGraph other) {
        return List.of(main, main.continuing(main.name() + "-steps"), other.continuing(other.name() + "-phase"));
    }
    private KernelGraph forwardGraph(ResidentPass r) {
        Pass p = r.pass;
        float[] a = r.field();
        float[] b = r.field();
        int[] clock = r.clock(0);
        KernelGraph.Builder g = graph("acoustic-forward", r, a, b, clock);
        Pml pml = boundary.pml(g, r);
        for (int step = 0; step < stepsPerExecution; step++) {
            int half = step % 2;
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            g.task("s" + step + ".record", ReceiverTasks.recordReceiver(cur, r.data, p.recIndex(), clock, nrec, nt,
                    p.nb()));
            addStep(g, "s" + step, cur, prev, r.vc, pml, null, clock, p);
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
        for (int step = 0; step < stepsPerExecution; step++) {
            int half = step % 2;
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            float[] dcur = half == 0 ? da : db;
            float[] dprev = half == 0 ? db : da;
            String id = "s" + step;
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
     * The snapshot ring {@code [2k][field]} of a checkpointed pass, which segment j fills in half j mod 2 (u^t for RTM;
     * for a gradient L u^t with the sponge, B^t with the CPML).
     */
    private record Ring(float[] snapshots, boolean gradient) {
    }

    /**
     * Adds the graphs of the forward sweep of a checkpointed pass to {@code graphs}: it stores (u^t, u^{t-1}) at every
     * multiple of the interval into {@code [segments][2][nb pnz pnx]} (and the CPML state into
     * {@code [segments][4][...]}), records data and sums the source illumination if asked, and in the last
     * {@link #RING_SEGMENTS} segments fills the ring as the backward sweep's recomputation would (one segment a half),
     * so that the backward sweep starts on the last at once and recomputes none of them. Returns the checkpoints,
     * which stay on the device.
     */
    private Stored checkpointedGraphs(ResidentPass r, boolean record, boolean illuminate, Ring ring,
                                      List<KernelGraph> graphs) {
        float[] a = r.field();
        float[] b = r.field();
        int n = r.vc.length;
        float[] checkpoints = r.scratch(Math.toIntExact(2L * checkpointing.segments() * n));
        float[] pmlCheckpoints = cpml ? r.scratch(Math.toIntExact(4L * checkpointing.segments() * n)) : null;
        Pml pml = boundary.pml(r);
        int[] clock = r.clock(0);
        Stored stored = new Stored(checkpoints, pmlCheckpoints);
        graphs.addAll(segmentedSweep(
                checkpointedGraph(r, record, illuminate, a, b, pml, clock, stored, ringFromStart() ? ring : null),
                checkpointedGraph(r, record, illuminate, a, b, pml, clock, stored, ring)));
        return stored;
    }

    /** The forward sweep's graph over the given arrays; with a ring, each step also fills it. */
    private KernelGraph checkpointedGraph(ResidentPass r, boolean record, boolean illuminate, float[] a, float[] b,
                                          Pml pml, int[] clock, Stored stored, Ring ring) {
        Pass p = r.pass;
        int n = r.vc.length;
        int k = checkpointing.interval();
        int steps = checkpointing.steps();
        KernelGraph.Builder g = graph(ring != null ? "acoustic-forward-ring" : "acoustic-forward-checkpointed", r, a,
                b, clock).transferToDevice(TransferMode.EVERY_EXECUTION, r.illumination);
        boundary.upload(g, pml);
        for (int step = 0; step < stepsPerExecution; step++) {
            int half = step % 2;
            float[] cur = half == 0 ? a : b;
            float[] prev = half == 0 ? b : a;
            String id = "s" + step;
            if (half == 0) { // checkpoints fall on even steps (k is even): the kernel stores one where t % k == 0
                g.task(id + ".checkpoint", CheckpointTasks.storeCheckpoint(cur, prev, stored.checkpoints(), clock, k,
                        steps, n));
                if (cpml) {
                    g.task(id + ".pmlCheckpoint", CpmlTasks.storeState(pml.psiX(), pml.psiZ(), pml.zetaX(), pml.zetaZ(),
                            stored.pmlCheckpoints(), clock, k, steps, n));
                }
            }
            if (record) {
                g.task(id + ".record", ReceiverTasks.recordReceiver(cur, r.data, p.recIndex(), clock, nrec, nt,
                        p.nb()));
            }
            if (illuminate) {
                g.task(id + ".illumination", CpmlTasks.addProduct(r.illumination, cur, cur, n));
            }
            addStep(g, id, cur, prev, r.vc, pml, ring, clock, p);
        }
        return g.transferToHost(TransferMode.UNDER_DEMAND, r.data, r.illumination).build();
    }

    /**
     * The step of a field that fills the ring at the slot of t = clock[0]: for RTM u^t, stored before the step; for a
     * gradient what it pairs with the adjoint field, L u^t (sponge) or B^t (CPML), written as the step applies it
     * ({@link BoundaryStencils#addRecomputingStep}).
     */
    private void addRingStep(KernelGraph.Builder g, String id, float[] cur, float[] prev, float[] vc, Pml pml,
                             Ring ring, int[] clock) {
        int k = checkpointing.interval();
        int steps = checkpointing.steps();
        if (ring.gradient()) {
            boundary.addRecomputingStep(g, id, cur, prev, vc, pml, ring.snapshots(), clock, k, steps);
        } else {
            g.task(id + ".snapshot", CheckpointTasks.storeSnapshot(cur, ring.snapshots(), clock, k, steps,
                    prev.length));
            boundary.addStep(g, id, cur, prev, vc, pml, null);
        }
    }

    /**
     * Adds the graphs of the backward pass, pipelined by segment: while the adjoint field runs back through segment
     * j (reading ring half j mod 2), the source field is recomputed forwards through segment j - 1 from its checkpoint
     * (into the other half, which segment j + 1 left). The forward sweep filled the last two segments' halves, so the
     * adjoint starts at once and runs alone through segment S - 1 (the first graph, whose recomputation only moves its
     * clock on through segment S - 2, which is in the ring), then beside the recomputation (the third graph), then
     * alone through segment 0 (the first graph's continuation): with S segments of k steps, a gradient costs S k
     * forward, (S - 2) k recomputed and S k adjoint steps. The ring holds u^t for RTM, and for a gradient what it pairs
     * with the adjoint field: L u^t (sponge) or B^t (CPML); so the imaging applies no stencil. The graphs upload their
     * own state, the traces and the receivers, and read vc, the sources, the checkpoints and the ring where the
     * forward sweep left them; the recomputation's fields are written whole by a checkpoint's load before they are
     * read.
     */
    private void backwardGraphs(ResidentPass r, Stored stored, Ring ring, List<KernelGraph> graphs) {
        int k = checkpointing.interval();
        int steps = checkpointing.steps();
        Backward s = new Backward(r.field(), r.field(), r.field(), r.field(), boundary.pml(r), boundary.pml(r),
                r.clock(steps - RING_SEGMENTS * k), r.clock(steps - 1));
        graphs.addAll(segmentedSweep(backwardGraph(r, stored, ring, s, false),
                backwardGraph(r, stored, ring, s, true)));
    }

    /** The state of a backward sweep: source field (fa, fb), adjoint field (pa, pb), their PML fields and clocks. */
    private record Backward(float[] fa, float[] fb, float[] pa, float[] pb, Pml pml, Pml adj, int[] fwdClock,
                            int[] adjClock) {
    }

    /**
     * The backward sweep's graph: the adjoint steps, the recomputation's clock, checkpoint loads and source, and with
     * {@code recompute} the source field's steps. Without them the loads and the source act only while the clock
     * passes through a segment the ring holds, on fields that the next load overwrites whole before anything reads
     * them; they are there so that every backward graph takes the recomputation's arrays, which a TornadoVM graph
     * consumes from the graph run before it.
     */
    private KernelGraph backwardGraph(ResidentPass r, Stored stored, Ring ring, Backward s, boolean recompute) {
        Pass p = r.pass;
        float[] vc = r.vc;
        int n = vc.length;
        int k = checkpointing.interval();
        int steps = checkpointing.steps();
        boolean gradient = ring.gradient();
        float[] grad = gradient ? r.result : null;
        KernelGraph.Builder g = KernelGraph.builder((gradient ? "acoustic-adjoint" : "acoustic-rtm")
                        + (recompute ? "-recomputing" : ""))
                .transferToDevice(TransferMode.EVERY_EXECUTION, s.pa(), s.pb(), r.traces, s.adjClock(), r.result,
                        p.recIndex(), s.fwdClock()); // the forward sweep takes recIndex only if it records
        boundary.upload(g, s.adj());
        if (recompute) {
            g.transferToDevice(TransferMode.EVERY_EXECUTION, s.fa(), s.fb());
            boundary.upload(g, s.pml());
        }
        if (!gradient) {
            g.transferToDevice(TransferMode.EVERY_EXECUTION, r.illumination);
        }
        for (int step = 0; step < stepsPerExecution; step++) {
            int half = step % 2;
            String id = "s" + step;
            float[] pcur = half == 0 ? s.pa() : s.pb();
            float[] pprev = half == 0 ? s.pb() : s.pa();
            // the source field, recomputed one segment behind the adjoint
            float[] fcur = half == 0 ? s.fa() : s.fb();
            float[] fprev = half == 0 ? s.fb() : s.fa();
            if (half == 0) { // segments start on even steps: the kernel loads where t % k == 0
                g.task(id + ".load", CheckpointTasks.loadCheckpoint(fcur, fprev, stored.checkpoints(), s.fwdClock(),
                        k, steps, n));
                if (cpml) {
                    Pml pml = s.pml();
                    g.task(id + ".pmlLoad", CpmlTasks.loadState(pml.psiX(), pml.psiZ(), pml.zetaX(), pml.zetaZ(),
                            stored.pmlCheckpoints(), s.fwdClock(), k, steps, n));
                }
            }
            if (recompute) {
                addRingStep(g, id, fcur, fprev, vc, s.pml(), ring, s.fwdClock());
            }
            g.task(id + ".source", SourceTasks.injectSource(fprev, vc, p.wavelets(), p.srcIndex(), s.fwdClock(), nt));
            // the recomputation's clock, also where it recomputes nothing: through a segment the ring holds, parked
            g.task(id + ".clock", CheckpointTasks.advanceSegmentClock(s.fwdClock(), k, steps));
            // the adjoint field, one step back; the gradient pairs Phi^{t+1} (pcur) with level t of the source field,
            // two levels at a time: at the second step of a pair (even t), Phi^{t+2} is still in pprev
            int[] adjClock = s.adjClock();
            if (gradient) {
                if (half == 1) {
                    boundary.addImagingAdjointStep(g, id, pcur, pprev, vc, s.adj(), grad, ring.snapshots(), adjClock,
                            k, nt);
                } else {
                    boundary.addAdjointStep(g, id, pcur, pprev, vc, s.adj());
                }
                // the source term of dJ/dC: grad[s] += Phi^{t+1}[s] w_t, i.e. injectSource with Phi as "vc"
                g.task(id + ".gradientSource", SourceTasks.injectSource(grad, pcur, p.wavelets(), p.srcIndex(),
                        adjClock, nt));
            } else {
                boundary.addAdjointStep(g, id, pcur, pprev, vc, s.adj());
            }
            g.task(id + ".adjointSource", ReceiverTasks.injectReceivers(pprev, vc, r.traces, p.recIndex(), adjClock,
                    nrec, nt, p.nb()));
            if (!gradient) {
                g.task(id + ".image", ImagingTasks.crossCorrelate(r.result, r.illumination, pprev,
                        ring.snapshots(), adjClock, k, nt, n));
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

    /**
     * Step to u^{t+1} over the previous level (either boundary), filling {@code ring} as it goes where it is not null
     * ({@link #addRingStep}), inject the source, tick.
     */
    private void addStep(KernelGraph.Builder g, String id, float[] cur, float[] prev, float[] vc, Pml pml, Ring ring,
                         int[] clock, Pass p) {
        if (ring != null) {
            addRingStep(g, id, cur, prev, vc, pml, ring, clock);
        } else {
            boundary.addStep(g, id, cur, prev, vc, pml, null);
        }
        g.task(id + ".source", SourceTasks.injectSource(prev, vc, p.wavelets(), p.srcIndex(), clock, nt))
                .task(id + ".clock", SourceTasks.advanceClock(clock));
    }
}
