package dev.strata.sampler.nn;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Trains a latent diffusion prior in two stages (Rombach et al. 2022; seed 002, arXiv 2512.22421): a KL-regularised
 * {@link FieldVae} on the standardised fields ({@link VaeTrainer}), then an EDM denoiser ({@link ScoreMatchingTrainer})
 * on the encoder means mu of the same fields, standardised per latent channel.
 */
public final class LatentPriorTrainer {

    /**
     * @param vae       the VAE stage
     * @param diffusion the latent denoiser stage (its network's channels must be the VAE's latent channels)
     */
    public record Settings(VaeTrainer.Settings vae, ScoreMatchingTrainer.Settings diffusion) {
        public Settings {
            if (diffusion.net().channels() != vae.vae().latentChannels()) {
                throw new IllegalArgumentException("the latent denoiser has " + diffusion.net().channels()
                        + " channels, the VAE's latent " + vae.vae().latentChannels());
            }
        }
    }

    /** Told after each step of each stage. */
    @FunctionalInterface
    public interface Listener {
        void stepDone(String stage, int done, int total, double loss);
    }

    private LatentPriorTrainer() {
    }

    /**
     * A prior of the given shapes with seeded random weights, unit normalisation and sigma_data = 1: what a check of
     * the chain's gradient needs (its fields mean nothing).
     */
    public static LatentPriorWeights untrained(FieldVae.Config vae, SmallUNet.Config net, int nz, int nx, long seed) {
        int[] latent = vae.latentShape(nz, nx);
        float[] zero = new float[latent[0]];
        float[] one = new float[latent[0]];
        java.util.Arrays.fill(one, 1f);
        try (ai.djl.ndarray.NDManager m = TorchEngine.get().newBaseManager()) {
            byte[] v = DenoiserTrainer.weights(FieldVae.seeded(vae, seed, m, 2, nz, nx));
            byte[] d = DenoiserTrainer.weights(SmallUNet.seeded(net, seed + 1, m, 2, latent[1], latent[2]));
            return new LatentPriorWeights(vae, v, nz, nx, 0, 1, zero, one, net, d, 1.0);
        }
    }

    /**
     * Trains on {@code count} fields {@code [count][nz][nx]} in physical units.
     *
     * @param state the latent denoiser's checkpoint file (see {@link ScoreMatchingTrainer#statePath})
     */
    public static LatentPriorWeights train(Settings s, float[] fields, int count, int nz, int nx, Path state,
                                           Listener listener) throws IOException {
        double[] ms = meanStd(fields, 0, 1, fields.length);
        float[] normalised = new float[fields.length];
        for (int i = 0; i < fields.length; i++) {
            normalised[i] = (float) ((fields[i] - ms[0]) / ms[1]);
        }
        VaeTrainer.Result vae = VaeTrainer.train(s.vae(), normalised, count, nz, nx,
                (done, total, loss) -> listener.stepDone("vae", done, total, loss));
        int[] latent = s.vae().vae().latentShape(nz, nx);
        int plane = latent[1] * latent[2];
        float[] zero = new float[latent[0]];
        float[] one = new float[latent[0]];
        java.util.Arrays.fill(one, 1f);
        LatentPriorWeights raw = new LatentPriorWeights(s.vae().vae(), vae.weights(), nz, nx, ms[0], ms[1], zero, one,
                s.diffusion().net(), new byte[0], s.diffusion().sigmaData());
        float[] mu;
        try (LatentPrior encoder = LatentPrior.vaeOnly(raw)) {
            mu = encoder.encode(fields, count);
        }
        float[] mean = new float[latent[0]];
        float[] std = new float[latent[0]];
        for (int c = 0; c < latent[0]; c++) {
            double[] cs = meanStd(mu, c * plane, latent[0] * plane, plane);
            mean[c] = (float) cs[0];
            std[c] = (float) cs[1];
        }
        int size = latent[0] * plane;
        for (int i = 0; i < mu.length; i++) {
            int c = (i % size) / plane;
            mu[i] = (mu[i] - mean[c]) / std[c];
        }
        ScoreMatchingTrainer.Result net = ScoreMatchingTrainer.train(s.diffusion(),
                new ScoreMatchingTrainer.Data(mu, count, latent), state, false,
                (done, total, loss) -> listener.stepDone("latent-diffusion", done, total, loss));
        return new LatentPriorWeights(s.vae().vae(), vae.weights(), nz, nx, ms[0], ms[1], mean, std,
                s.diffusion().net(), net.emaWeights(), s.diffusion().sigmaData());
    }

    /**
     * Mean and standard deviation (at least 1e-6) of {@code a[from + k stride + j]}, j &lt; run, over all k in the
     * array.
     */
    private static double[] meanStd(float[] a, int from, int stride, int run) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int start = from; start < a.length; start += stride == 1 ? a.length : stride) {
            for (int j = 0; j < run && start + j < a.length; j++) {
                double v = a[start + j];
                sum += v;
                sq += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return new double[] {mean, Math.max(1e-6, Math.sqrt(Math.max(0, sq / n - mean * mean)))};
    }
}
