package dev.strata.sampler.nn;

/**
 * What a trained latent diffusion prior (Rombach et al. 2022; seed 002, arXiv 2512.22421) is made of: a
 * {@link FieldVae}, the normalisation of fields and latents, and an EDM denoiser over normalised latents. A field is
 * m = fieldMean + fieldStd decoder(latentMean_c + latentStd_c u) for a normalised latent u.
 *
 * @param vae         the VAE's shape
 * @param vaeWeights  its weights in DJL's block format
 * @param nz          field rows
 * @param nx          field columns
 * @param fieldMean   mean of the training fields (one number)
 * @param fieldStd    their standard deviation, > 0
 * @param latentMean  per latent channel, the mean of the encoded training fields' mu
 * @param latentStd   per latent channel, their standard deviation (> 0)
 * @param net         the latent denoiser's shape (channels = latent channels)
 * @param netWeights  its EMA weights in DJL's block format
 * @param sigmaData   sigma_data of the latent denoiser's EDM preconditioning
 */
public record LatentPriorWeights(FieldVae.Config vae, byte[] vaeWeights, int nz, int nx, double fieldMean,
                                 double fieldStd, float[] latentMean, float[] latentStd, SmallUNet.Config net,
                                 byte[] netWeights, double sigmaData) {
    public LatentPriorWeights {
        int[] latent = vae.latentShape(nz, nx);
        if (latentMean.length != latent[0] || latentStd.length != latent[0] || net.channels() != latent[0]) {
            throw new IllegalArgumentException("latent normalisation and denoiser must have " + latent[0]
                    + " channels");
        }
        if (!(fieldStd > 0)) {
            throw new IllegalArgumentException("field std must be > 0, got " + fieldStd);
        }
    }

    /** {@code [L, h, w]} of one latent. */
    public int[] latentShape() {
        return vae.latentShape(nz, nx);
    }

    /** Values in one latent. */
    public int latentSize() {
        int[] s = latentShape();
        return s[0] * s[1] * s[2];
    }
}
