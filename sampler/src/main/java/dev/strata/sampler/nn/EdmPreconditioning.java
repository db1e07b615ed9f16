package dev.strata.sampler.nn;

/**
 * The EDM preconditioning of Karras et al. (2022), Table 1: D(x; sigma) = c_skip x + c_out F(c_in x; c_noise), with
 * c_skip = sd^2 / (sigma^2 + sd^2), c_out = sigma sd / sqrt(sigma^2 + sd^2), c_in = 1 / sqrt(sigma^2 + sd^2),
 * c_noise = ln(sigma) / 4, where sd = sigma_data is the data's standard deviation. With the loss weight
 * lambda(sigma) = 1 / c_out^2 the denoising loss becomes ||F - (x0 - c_skip x) / c_out||^2, unit-scaled at every sigma.
 *
 * @param sigmaData sigma_data, the standard deviation of the training data (> 0)
 */
public record EdmPreconditioning(double sigmaData) {

    public EdmPreconditioning {
        if (!(sigmaData > 0)) {
            throw new IllegalArgumentException("sigmaData must be > 0, got " + sigmaData);
        }
    }

    /** c_skip = sd^2 / (sigma^2 + sd^2). */
    public double cSkip(double sigma) {
        return sigmaData * sigmaData / (sigma * sigma + sigmaData * sigmaData);
    }

    /** c_out = sigma sd / sqrt(sigma^2 + sd^2). */
    public double cOut(double sigma) {
        return sigma * sigmaData / Math.sqrt(sigma * sigma + sigmaData * sigmaData);
    }

    /** c_in = 1 / sqrt(sigma^2 + sd^2). */
    public double cIn(double sigma) {
        return 1 / Math.sqrt(sigma * sigma + sigmaData * sigmaData);
    }

    /** c_noise = ln(sigma) / 4 (sigma > 0). */
    public double cNoise(double sigma) {
        return Math.log(sigma) / 4;
    }
}
