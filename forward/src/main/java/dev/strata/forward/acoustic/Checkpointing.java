package dev.strata.forward.acoustic;

/**
 * The memory plan of the adjoint sweep: the forward run stores the two time levels (u^t, u^{t-1}) every
 * {@code interval} = k steps; the adjoint sweep walks the segments backwards, recomputing each segment's k fields from
 * its checkpoint (into one half of a ring of 2k snapshots) while it back-propagates through the previous segment
 * (reading the other half). All levels are recomputed bit for bit, so the gradient is exactly that of stored fields.
 *
 * <p>Per propagated (model, shot) pair this holds 2 S + 2 k fields (S = segments) instead of nt; with
 * k ~ sqrt(nt) that is about 4 sqrt(nt) fields (with a CPML, 6 S + 2 k: its four auxiliary fields are checkpointed). The cost is one extra forward propagation plus 2 k wasted stencil
 * sweeps (while the pipeline fills and drains): a gradient costs about 3 + 2 k / nt propagations instead of 2.
 *
 * @param interval  k, steps per segment; even (two-step graphs)
 * @param segments  S, number of checkpoints
 * @param steps     S k, the steps a checkpointed sweep runs; at least nt
 */
public record Checkpointing(int interval, int segments, int steps) {

    public Checkpointing {
        if (interval < 2 || interval % 2 != 0 || segments < 1 || steps != interval * segments) {
            throw new IllegalArgumentException("checkpointing needs an even interval >= 2 and steps = interval x "
                    + "segments, got " + interval + ", " + segments + ", " + steps);
        }
    }

    /**
     * The plan for nt time samples. {@code requested} &lt;= 0 picks k ~ sqrt(nt), evened out over the segments so
     * fewer than 2 S steps are run beyond nt; a positive value is used as k (rounded up to even).
     */
    public static Checkpointing forSteps(int nt, int requested) {
        if (nt < 1) {
            throw new IllegalArgumentException("nt must be >= 1, got " + nt);
        }
        int k;
        int s;
        if (requested > 0) {
            k = requested + requested % 2;
            s = (nt + k - 1) / k;
        } else {
            int k0 = Math.max(2, (int) Math.round(Math.sqrt(nt)));
            k0 += k0 % 2;
            s = (nt + k0 - 1) / k0;
            k = (nt + s - 1) / s;
            k += k % 2;
            s = (nt + k - 1) / k;
        }
        return new Checkpointing(k, s, k * s);
    }

    /** Fields held per propagated (model, shot) pair: {@code perCheckpoint} per checkpoint plus the 2k ring. */
    public int fieldsHeld(int perCheckpoint) {
        return perCheckpoint * segments + 2 * interval;
    }
}
