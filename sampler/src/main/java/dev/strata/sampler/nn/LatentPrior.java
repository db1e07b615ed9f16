package dev.strata.sampler.nn;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A trained latent diffusion prior ({@link LatentPriorWeights}) and the differentiable map of LD-DIM (seed 002,
 * arXiv 2512.22421) from a latent noise z to a field:
 * <pre>
 *   u_0 = sqrt(1 + sigma_0^2) z;   u_{i+1} = x̂0_i + (sigma_{i+1} / sigma_i) (u_i - x̂0_i),  x̂0_i = D(u_i; sigma_i)
 *   m(z) = fieldMean + fieldStd decoder(latentMean + latentStd u_S)
 * </pre>
 * the deterministic DDIM chain (eta = 0, Song et al. 2021) in EDM coordinates over the given noise levels, ending at
 * sigma_S = 0, then the decoder. With no noise levels the chain is the identity (u_S = z): the physics-embedded VAE,
 * whose unknown is the normalised VAE latent itself. {@link #chain} evaluates m(z), asks an objective for L(m) and
 * dL/dm, and returns dL/dz = (dm/dz)^T dL/dm by reverse-mode autodiff through the chain and the decoder, all in one
 * {@link GradientCollector} call. Batches of one run as two (see {@link NetworkDenoiser}). Not thread-safe; gradient
 * collection holds {@link GradientLock}. Close to free the weights.
 */
public final class LatentPrior implements AutoCloseable {

    /**
     * @param fields   m(z), {@code [n][nz][nx]}
     * @param values   L(m(z)) per sample
     * @param gradient dL/dz, {@code [n][latent]}
     */
    public record ChainResult(float[] fields, double[] values, float[] gradient) {
    }

    private final LatentPriorWeights weights;
    private final NDManager manager;
    private final FieldVae vae;
    private final ParameterStore store;
    private final NetworkDenoiser denoiser;
    private final Engine engine;

    public LatentPrior(LatentPriorWeights weights) {
        this(weights, true);
    }

    private LatentPrior(LatentPriorWeights weights, boolean withDenoiser) {
        this.weights = weights;
        this.engine = TorchEngine.get();
        this.manager = engine.newBaseManager();
        this.vae = new FieldVae(weights.vae());
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights.vaeWeights()))) {
            vae.loadParameters(manager, in);
            vae.getParameters().values().forEach(p -> Ops.ownNatively(p.getArray()));
        } catch (IOException e) {
            manager.close();
            throw new UncheckedIOException("cannot read VAE weights", e);
        } catch (MalformedModelException | RuntimeException e) {
            manager.close();
            throw new IllegalArgumentException("weights do not fit a FieldVae " + weights.vae() + ": "
                    + e.getMessage(), e);
        }
        this.store = new ParameterStore(manager, false);
        this.denoiser = withDenoiser ? new NetworkDenoiser(weights.latentShape(),
                new EdmPreconditioning(weights.sigmaData()), weights.net(), weights.netWeights()) : null;
    }

    /** The VAE of {@code weights} alone (its latent denoiser is not loaded): encode and decode only. */
    static LatentPrior vaeOnly(LatentPriorWeights weights) {
        return new LatentPrior(weights, false);
    }

    public LatentPriorWeights weights() {
        return weights;
    }

    /** The EDM denoiser over normalised latents, {@code [L, h, w]}; owned by this prior. */
    public NetworkDenoiser denoiser() {
        if (denoiser == null) {
            throw new IllegalStateException("this prior holds the VAE only");
        }
        return denoiser;
    }

    /** Normalised encoder means u = (mu(x) - latentMean) / latentStd of {@code n} fields {@code [n][nz][nx]}. */
    public synchronized float[] encode(float[] fields, int n) {
        int cells = weights.nz() * weights.nx();
        requireLength("fields", fields, n, cells);
        int mb = Math.max(n, 2);
        float[] x = new float[mb * cells];
        for (int i = 0; i < mb * cells; i++) {
            x[i] = (float) ((fields[i % (n * cells)] - weights.fieldMean()) / weights.fieldStd());
        }
        try (NDManager call = manager.newSubManager()) {
            NDArray mu = vae.encode(store, Ops.tensor(call, x, new Shape(mb, 1, weights.nz(), weights.nx())), false)
                    .get(0);
            NDArray u = mu.sub(channelArray(call, weights.latentMean())).div(channelArray(call,
                    weights.latentStd()));
            return java.util.Arrays.copyOf(u.toFloatArray(), n * weights.latentSize());
        }
    }

    /** Fields {@code [n][nz][nx]} decoded from normalised latents u {@code [n][latent]}. */
    public float[] decode(float[] latents, int n) {
        return chain(latents, n, new double[0], null).fields();
    }

    /**
     * m(z) over the DDIM noise levels {@code sigmas} (decreasing, the last 0; empty: no chain), and, when
     * {@code objective} is not null, L(m(z)) and dL/dz (values and gradient are empty without an objective).
     *
     * @param z {@code [n][latent]}, not modified
     */
    public synchronized ChainResult chain(float[] z, int n, double[] sigmas, BatchObjective objective) {
        int size = weights.latentSize();
        requireLength("latent noise", z, n, size);
        if (sigmas.length == 1 || (sigmas.length > 1 && sigmas[sigmas.length - 1] != 0)) {
            throw new IllegalArgumentException("DDIM noise levels must end at 0 after at least one step");
        }
        if (sigmas.length > 0 && denoiser == null) {
            throw new IllegalStateException("this prior holds the VAE only");
        }
        int cells = weights.nz() * weights.nx();
        int mb = Math.max(n, 2);
        float[] padded = new float[mb * size];
        for (int i = 0; i < padded.length; i++) {
            padded[i] = z[i % (n * size)];
        }
        int[] ls = weights.latentShape();
        try (NDManager call = manager.newSubManager()) {
            NDArray za = Ops.tensor(call, padded, new Shape(mb, ls[0], ls[1], ls[2]));
            if (objective == null) {
                float[] fields = fields(call, za, mb, sigmas).toFloatArray();
                return new ChainResult(java.util.Arrays.copyOf(fields, n * cells), new double[0], new float[0]);
            }
            za.setRequiresGradient(true);
            synchronized (GradientLock.LOCK) {
                try (GradientCollector gc = engine.newGradientCollector()) {
                    NDArray m = fields(call, za, mb, sigmas);
                    float[] fields = java.util.Arrays.copyOf(m.toFloatArray(), n * cells);
                    float[] g = new float[mb * cells]; // padding rows keep a zero cotangent
                    double[] values = objective.evaluate(fields, n, g);
                    gc.backward(m.mul(Ops.tensor(call, g, m.getShape())).sum());
                    float[] dz = java.util.Arrays.copyOf(za.getGradient().toFloatArray(), n * size);
                    return new ChainResult(fields, values, dz);
                }
            }
        }
    }

    /** Native arrays held by this prior (its weights, plus any leaked by a call: none). */
    public int openArrays() {
        return manager.getManagedArrays().size();
    }

    @Override
    public synchronized void close() {
        if (denoiser != null) {
            denoiser.close();
        }
        manager.close();
    }

    private NDArray fields(NDManager call, NDArray z, int mb, double[] sigmas) {
        NDArray u = z;
        if (sigmas.length > 0) {
            u = z.mul(Ops.scalar(call, Math.sqrt(1 + sigmas[0] * sigmas[0])));
            for (int i = 0; i + 1 < sigmas.length; i++) {
                NDArray x0 = denoiser.forward(call, u, sigmas[i], mb, null);
                u = x0.add(u.sub(x0).mul(Ops.scalar(call, sigmas[i + 1] / sigmas[i])));
            }
        }
        NDArray latent = u.mul(channelArray(call, weights.latentStd())).add(channelArray(call,
                weights.latentMean()));
        NDArray m = vae.decode(store, latent, false);
        return m.mul(Ops.scalar(call, weights.fieldStd())).add(Ops.scalar(call, weights.fieldMean()))
                .reshape(mb, weights.nz(), weights.nx());
    }

    /** {@code values} as a {@code [1, L, 1, 1]} array that broadcasts over a batch of latents. */
    private static NDArray channelArray(NDManager call, float[] values) {
        return Ops.tensor(call, values, new Shape(1, values.length, 1, 1));
    }

    private static void requireLength(String what, float[] a, int n, int size) {
        if (n < 1 || a.length != (long) n * size) {
            throw new IllegalArgumentException(what + " must hold n = " + n + " (>= 1) times " + size
                    + " values, got " + a.length);
        }
    }
}
