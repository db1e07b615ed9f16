package dev.strata.sampler.latent;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Shapes;
import dev.strata.sampler.nn.LatentPrior;

/**
 * A forward operator on normalised latents: A(decoder(u)) with A an operator on the prior's fields, so that a
 * posterior sampler can run in the latent space of a latent diffusion prior (Rombach et al. 2022; the posterior view of
 * seed 002). The VJP is (d decoder / du)^T A^T dy, by autodiff through the decoder after A's own VJP; the JVP is not
 * offered (forward-mode autodiff through the decoder is not built), so samplers that need it cannot use this operator.
 * Shapes: input the prior's latent {@code [L, h, w]}, output A's.
 */
public final class DecodedOperator implements ForwardOperator {
    private final LatentPrior prior;
    private final ForwardOperator fields;

    /** @param fields A, with input shape {@code [nz, nx]} of the prior's fields; used, not owned */
    public DecodedOperator(LatentPrior prior, ForwardOperator fields) {
        if (fields.inputSize() != prior.weights().nz() * prior.weights().nx()) {
            throw new IllegalArgumentException("the operator takes " + fields.inputSize() + " values, the prior's"
                    + " fields have " + prior.weights().nz() * prior.weights().nx());
        }
        this.prior = prior;
        this.fields = fields;
    }

    @Override
    public int[] inputShape() {
        return prior.weights().latentShape();
    }

    @Override
    public int[] outputShape() {
        return fields.outputShape();
    }

    @Override
    public float[] apply(float[] x, int n) {
        return fields.apply(prior.decode(x, n), n);
    }

    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        Shapes.requireBatch("decoded operator cotangent", dy, n, outputSize());
        return prior.chain(x, n, new double[0], (m, batch, g) -> {
            float[] gm = fields.vjp(m, dy, batch);
            System.arraycopy(gm, 0, g, 0, gm.length);
            return new double[batch];
        }).gradient();
    }

    /** Not offered: see the class comment. */
    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        throw new UnsupportedOperationException("the decoded operator has no JVP (no forward-mode autodiff through the"
                + " decoder)");
    }
}
