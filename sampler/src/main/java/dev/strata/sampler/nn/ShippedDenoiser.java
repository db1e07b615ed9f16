package dev.strata.sampler.nn;

/** Networks shipped as resources of this package (trained by {@code strata train-gaussian-denoiser}). */
enum ShippedDenoiser {
    /** {@link DenoiserTrainer#gaussian16()}: a 16 x 16 Gaussian prior. */
    GAUSSIAN16("gaussian16");

    private final String resource;

    ShippedDenoiser(String resource) {
        this.resource = resource;
    }

    String resource() {
        return resource;
    }

    DenoiserCheckpoint checkpoint() {
        return DenoiserCheckpoint.readResource(ShippedDenoiser.class, resource);
    }

    NetworkDenoiser load() {
        return checkpoint().denoiser();
    }
}
