package dev.strata.cli.invert;

import dev.strata.forward.AffineInput;
import dev.strata.forward.ForwardOperator;
import dev.strata.forward.WhitenedOutput;
import dev.strata.io.Observations;
import java.util.List;

/**
 * The inverse problem as the sampler sees it: normalised model units in (physical = offset + scale x), whitened data
 * out (y / sigma), so the likelihood is N(y_w; W(x), I) whatever the kinds of data stacked in y.
 */
public final class InverseProblem {
    private final PhysicalProblem physical;
    private final AffineInput units;
    private final WhitenedOutput operator;
    private final float[] data;

    /** Wraps {@code physical} with the normalisation {@code offset + scale x} (one value per model element). */
    public InverseProblem(PhysicalProblem physical, float[] offset, float[] scale) {
        this.physical = physical;
        this.units = new AffineInput(physical.operator(), offset, scale);
        this.operator = new WhitenedOutput(units, physical.sigma());
        this.data = operator.whiten(physical.data());
    }

    public PhysicalProblem physical() {
        return physical;
    }

    public Observations observations() {
        return physical.observations();
    }

    /** W(x) = A(offset + scale x) / sigma. */
    public ForwardOperator operator() {
        return operator;
    }

    /** y / sigma. */
    public float[] data() {
        return data.clone();
    }

    public List<DataBlock> blocks() {
        return physical.blocks();
    }

    /** The model-unit map. */
    public AffineInput units() {
        return units;
    }

    /** Shape of one model {@code [channels, nz, nx]}. */
    public int[] modelShape() {
        Observations.ModelGrid g = physical.observations().grid();
        return new int[] {g.channels(), g.nz(), g.nx()};
    }

    /**
     * RMS whitened residual (RMS residual / noise std) per sample and block for {@code predicted = W(x)} of a batch;
     * 1 means the data are fitted to the noise. Returns {@code [n][blocks]}.
     */
    public float[] misfit(float[] predicted, int n) {
        int m = data.length;
        List<DataBlock> blocks = blocks();
        float[] out = new float[n * blocks.size()];
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < blocks.size(); k++) {
                DataBlock block = blocks.get(k);
                double s = 0;
                for (int j = block.offset(); j < block.offset() + block.size(); j++) {
                    double r = predicted[b * m + j] - data[j];
                    s += r * r;
                }
                out[b * blocks.size() + k] = (float) Math.sqrt(s / block.size());
            }
        }
        return out;
    }
}
