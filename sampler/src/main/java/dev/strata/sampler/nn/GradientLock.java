package dev.strata.sampler.nn;

/** DJL's PyTorch engine lets one GradientCollector collect at a time in the whole process: hold this lock to use one. */
final class GradientLock {
    static final Object LOCK = new Object();

    private GradientLock() {
    }
}
