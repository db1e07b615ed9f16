package dev.strata.forward.acoustic;

/**
 * The memory plan of the adjoint sweep: the forward run stores the two time levels (u^t, u^{t-1}) every
 * {@code interval} = k steps and fills the last two segments' k fields each into the two halves of a ring of 2k
 * snapshots; the adjoint sweep walks the segments backwards, back-propagating through segment j (reading ring half
 * j mod 2) while it recomputes segment j - 1's fields from its checkpoint (into the other half) where the ring does
 * not hold them yet. All levels are recomputed bit for bit, so the gradient is exactly that of stored fields.
 *
 * <p>Per propagated (model, shot) pair this holds 2 S + 2 k fields (S = segments) instead of nt; with
 * k ~ sqrt(nt) that is about 4 sqrt(nt) fields (with a CPML, 6 S + 2 k: its four auxiliary fields are checkpointed).
 * A gradient runs S k forward, (S - 2) k recomputed (none for S &lt;= 2) and S k adjoint steps: 3 S k - 2 k,
 * against nt for a forward run.
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
     * The plan for nt time samples. {@code requested} &lt;= 0 picks the even k within 4 of sqrt(nt) with the fewest
     * steps in a gradient ({@link #gradientSteps}), the smaller memory 2 S + 2 k on a tie; a positive value is
     * used as k (rounded up to even).
     */
    public static Checkpointing forSteps(int nt, int requested) {
        if (nt < 1) {
            throw new IllegalArgumentException("nt must be >= 1, got " + nt);
        }
        if (requested > 0) {
            return of(nt, requested + requested % 2);
        }
        int k0 = Math.max(2, (int) Math.round(Math.sqrt(nt)));
        k0 += k0 % 2;
        Checkpointing best = null;
        for (int k = Math.max(2, k0 - 4); k <= k0 + 4; k += 2) {
            Checkpointing c = of(nt, k);
            if (best == null || c.gradientSteps() < best.gradientSteps()
                    || c.gradientSteps() == best.gradientSteps() && c.fieldsHeld(2) < best.fieldsHeld(2)) {
                best = c;
            }
        }
        return best;
    }

    private static Checkpointing of(int nt, int k) {
        int s = (nt + k - 1) / k;
        return new Checkpointing(k, s, k * s);
    }

    /**
     * Time steps a gradient runs: S k forward, (S - 2) k recomputed (the ring holds the last two segments), S k
     * adjoint.
     */
    public int gradientSteps() {
        return 2 * steps + Math.max(0, segments - 2) * interval;
    }

    /** Fields held per propagated (model, shot) pair: {@code perCheckpoint} per checkpoint plus the 2k ring. */
    public int fieldsHeld(int perCheckpoint) {
        return perCheckpoint * segments + 2 * interval;
    }
}
