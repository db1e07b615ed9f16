package dev.strata.kernels.jvm;

import jdk.incubator.vector.FloatVector;

/** What the Vector API offers on this CPU. */
public final class VectorSupport {
    private VectorSupport() {
    }

    /** Lanes of {@link FloatVector#SPECIES_PREFERRED}: 8 on AVX2, 16 on AVX-512. */
    public static int floatLanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    public static int vectorBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
