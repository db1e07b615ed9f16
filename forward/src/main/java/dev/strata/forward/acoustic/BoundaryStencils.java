package dev.strata.forward.acoustic;

import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.acoustic.AcousticKernels;
import dev.strata.kernels.acoustic.AcousticTasks;
import dev.strata.kernels.acoustic.CerjanSponge;
import dev.strata.kernels.acoustic.CpmlKernels;
import dev.strata.kernels.acoustic.CpmlTasks;
import dev.strata.kernels.acoustic.ImagingTasks;

/**
 * The stencil tasks of one absorbing boundary in a {@link WavePropagator}'s graphs, with the arrays they keep on the
 * device: the sponge's damped leapfrog step ({@link AcousticKernels#waveStep8}, its own transpose, and its Born
 * step), or the CPML's auxiliary fields with its step and its exact transpose ({@link CpmlKernels}). Fields are
 * {@code [nb][pnz][pnx]} on the {@link PaddedGrid}; nb follows from their length.
 */
final class BoundaryStencils {

    /** The four CPML auxiliary fields of one wavefield (or, in the adjoint, P in psi and Q in zeta). */
    record Pml(float[] psiX, float[] psiZ, float[] zetaX, float[] zetaZ) {
        Object[] arrays() {
            return new Object[] {psiX, psiZ, zetaX, zetaZ};
        }
    }

    private final PaddedGrid padded;
    private final boolean cpml;
    /** Sponge factors per axis (sponge only). */
    private final float[] dampZ;
    private final float[] dampX;
    /** Packed CPML profiles per axis (CPML only). */
    private final float[] profZ;
    private final float[] profX;
    private final int pmlWidth;
    private final float[] noBracket = new float[1];

    BoundaryStencils(AcousticSetup setup, PaddedGrid padded) {
        this.padded = padded;
        switch (setup.boundary().layer()) {
            case SpongeBoundary s -> {
                this.cpml = false;
                this.pmlWidth = 0;
                this.dampZ = CerjanSponge.profile(padded.nz(), padded.pad(), s.strength());
                this.dampX = CerjanSponge.profile(padded.nx(), padded.pad(), s.strength());
                this.profZ = null;
                this.profX = null;
            }
            case CpmlBoundary c -> {
                this.cpml = true;
                this.pmlWidth = c.width();
                this.dampZ = null;
                this.dampX = null;
                int frame = AcousticKernels.RADIUS;
                double h = setup.grid().spacing();
                double dt = setup.time().dt();
                double vmax = setup.velocities().max();
                double f = setup.source().peakFrequency();
                this.profZ = c.profile(padded.nz(), frame, h, dt, vmax, f, !setup.boundary().freeSurface());
                this.profX = c.profile(padded.nx(), frame, h, dt, vmax, f);
            }
        }
    }

    /** Whether this is the CPML: auxiliary fields, a state to checkpoint and a bracket B^t to store. */
    boolean cpml() {
        return cpml;
    }

    /** Puts the boundary's profiles on the device from the first execution. */
    void addArrays(KernelGraph.Builder g) {
        if (cpml) {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, profZ, profX, noBracket);
        } else {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, dampZ, dampX);
        }
    }

    /** CPML auxiliary fields of {@code pass}, zeroed and uploaded at each of its calls; null for the sponge. */
    Pml pml(KernelGraph.Builder g, ResidentPass pass) {
        Pml pml = pml(pass);
        upload(g, pml);
        return pml;
    }

    /** CPML auxiliary fields of {@code pass}, zeroed at each of its calls; null for the sponge. */
    Pml pml(ResidentPass pass) {
        return cpml ? new Pml(pass.field(), pass.field(), pass.field(), pass.field()) : null;
    }

    /** Uploads {@code pml}'s fields at each execution of {@code g}'s first graph; nothing for null (the sponge). */
    void upload(KernelGraph.Builder g, Pml pml) {
        if (pml != null) {
            g.transferToDevice(TransferMode.EVERY_EXECUTION, pml.arrays());
        }
    }

    /**
     * u^{t+1} over u^{t-1} in {@code prev} from u^t in {@code cur}: the sponge step, or the CPML's psi^t, then zeta^t
     * and u^{t+1}; for the CPML, when {@code bracket} is not null it receives B^t, the factor of vc in the update.
     */
    void addStep(KernelGraph.Builder g, String id, float[] cur, float[] prev, float[] vc, Pml pml, float[] bracket) {
        if (!cpml) {
            g.task(id + ".stencil", spongeStep(cur, prev, vc));
            return;
        }
        int nb = prev.length / padded.size();
        g.task(id + ".psi", CpmlTasks.psi(cur, pml.psiX(), pml.psiZ(), profX, profZ, pmlWidth, padded.nz(),
                        padded.nx(), nb))
                .task(id + ".stencil", CpmlTasks.step(prev, cur, vc, pml.psiX(), pml.psiZ(), pml.zetaX(),
                        pml.zetaZ(), profX, profZ, bracket != null ? bracket : noBracket, bracket != null ? 1 : 0,
                        pmlWidth, padded.nz(), padded.nx(), nb));
    }

    /**
     * The recomputing step of a gradient's backward sweep: {@link #addStep}, with what the gradient pairs with the
     * adjoint field stored in the snapshot ring {@code [2k][field]} at the slot of t = clock[0] by the step itself:
     * L u^t ({@link AcousticKernels#waveStep8Laplacian}), or the CPML's B^t ({@link CpmlKernels#stepIntoRing}).
     */
    void addRecomputingStep(KernelGraph.Builder g, String id, float[] cur, float[] prev, float[] vc, Pml pml,
                            float[] snapshots, int[] clock, int k, int steps) {
        int nb = prev.length / padded.size();
        if (!cpml) {
            g.task(id + ".stencil", AcousticTasks.waveStep8Laplacian(prev, cur, vc, dampZ, dampX, snapshots, clock, k,
                    steps, prev.length, padded.nz(), padded.nx(), nb));
            return;
        }
        g.task(id + ".psi", CpmlTasks.psi(cur, pml.psiX(), pml.psiZ(), profX, profZ, pmlWidth, padded.nz(),
                        padded.nx(), nb))
                .task(id + ".stencil", CpmlTasks.stepIntoRing(prev, cur, vc, pml.psiX(), pml.psiZ(), pml.zetaX(),
                        pml.zetaZ(), profX, profZ, snapshots, clock, k, steps, prev.length, pmlWidth, padded.nz(),
                        padded.nx(), nb));
    }

    /**
     * The step of the background (cur, prev) and of the Born field (dcur, dprev) in direction dvc: for the sponge the
     * step and its derivative; for the CPML both steps, then the scattering source dprev += dvc B^t, B^t of the
     * background stored in {@code bracket}.
     */
    void addBornStep(KernelGraph.Builder g, String id, float[] cur, float[] prev, float[] dcur, float[] dprev,
                     float[] vc, float[] dvc, Pml pml, Pml dpml, float[] bracket) {
        if (cpml) {
            addStep(g, id, cur, prev, vc, pml, bracket);
            addStep(g, id + ".born", dcur, dprev, vc, dpml, null);
            g.task(id + ".scatter", CpmlTasks.addProduct(dprev, dvc, bracket, dprev.length));
        } else {
            g.task(id + ".stencil", spongeStep(cur, prev, vc))
                    .task(id + ".born", AcousticTasks.bornStep8(dprev, dcur, cur, vc, dvc, dampZ, dampX, padded.nz(),
                            padded.nx(), dprev.length / padded.size()));
        }
    }

    /**
     * {@link #addAdjointStep} after the gradient's imaging condition of levels t + 1 and t, g += Phi^{t+2} s_{t+1}
     * + Phi^{t+1} s_t, s_l the ring's slot of level l (L u^l or B^l), t = clock[0], Phi^{t+2} read from
     * {@code pprev} before the step overwrites it: for the sponge one task ({@link AcousticKernels#waveStep8Imaging}),
     * for the CPML {@link ImagingTasks#accumulateProducts} then the transposed step. The sweep adds it every second
     * step.
     */
    void addImagingAdjointStep(KernelGraph.Builder g, String id, float[] pcur, float[] pprev, float[] vc, Pml adj,
                               float[] grad, float[] snapshots, int[] clock, int k, int nt) {
        if (!cpml) {
            g.task(id + ".adjointStencil", AcousticTasks.waveStep8Imaging(pprev, pcur, vc, dampZ, dampX, grad,
                    snapshots, clock, k, nt, grad.length, padded.nz(), padded.nx(), pprev.length / padded.size()));
            return;
        }
        g.task(id + ".gradient", ImagingTasks.accumulateProducts(grad, pcur, pprev, snapshots, clock, k, nt,
                grad.length));
        addAdjointStep(g, id, pcur, pprev, vc, adj);
    }

    /**
     * The transposed step: Phi^t over Phi^{t+2} in {@code pprev} from Phi^{t+1} in {@code pcur}, for the sponge the
     * step itself, for the CPML Q^t, P^t (in {@code adj}'s zeta and psi), then Phi^t.
     */
    void addAdjointStep(KernelGraph.Builder g, String id, float[] pcur, float[] pprev, float[] vc, Pml adj) {
        if (!cpml) {
            g.task(id + ".adjointStencil", spongeStep(pcur, pprev, vc));
            return;
        }
        int nb = pprev.length / padded.size();
        int pnz = padded.nz();
        int pnx = padded.nx();
        g.task(id + ".adjointZeta", CpmlTasks.adjointZeta(pcur, adj.zetaX(), adj.zetaZ(), profX, profZ, pmlWidth, pnz,
                        pnx, nb))
                .task(id + ".adjointPsi", CpmlTasks.adjointPsi(pcur, adj.zetaX(), adj.zetaZ(), adj.psiX(), adj.psiZ(),
                        profX, profZ, pmlWidth, pnz, pnx, nb))
                .task(id + ".adjointStencil", CpmlTasks.adjointStep(pprev, pcur, vc, adj.zetaX(), adj.zetaZ(),
                        adj.psiX(), adj.psiZ(), profX, profZ, pmlWidth, pnz, pnx, nb));
    }

    /** The sponge's damped leapfrog step over {@code prev} from {@code cur}. */
    private AcousticTasks.WaveStep8 spongeStep(float[] cur, float[] prev, float[] vc) {
        return AcousticTasks.waveStep8(prev, cur, vc, dampZ, dampX, padded.nz(), padded.nx(),
                prev.length / padded.size());
    }
}
