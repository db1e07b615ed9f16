package dev.strata.forward;

import java.util.stream.IntStream;

/**
 * A pass over n members of {@code per} elements each, cut into chunks that run in parallel: the element-wise passes
 * of the block columns of a batch ({@link ForwardOperator#jacobianBlockColumns}), megabytes a member, which one thread
 * would stream alone while the solver's threads wait for them.
 */
final class MemberChunks {
    /** Elements in a chunk: 16 k floats, a few pages, so that chunks rarely share a cache line's writes. */
    static final int CHUNK = 1 << 14;

    /** What a pass does to elements [start, end) of member b. */
    interface Body {
        void run(int b, int start, int end);
    }

    private MemberChunks() {
    }

    /** y[b per + e] *= factor[e] for every member b of y, per = factor.length, the chunks in parallel. */
    static void multiply(float[] y, float[] factor) {
        int per = factor.length;
        forEach(y.length / per, per, (b, start, end) -> {
            int from = b * per;
            for (int e = start; e < end; e++) {
                y[from + e] *= factor[e];
            }
        });
    }

    /** body over elements [0, per) of each of the n members, a chunk at a time, the chunks in parallel. */
    static void forEach(int n, int per, Body body) {
        int chunks = Math.max(1, Math.ceilDiv(per, CHUNK));
        IntStream.range(0, n * chunks).parallel().forEach(k -> {
            int start = k % chunks * CHUNK;
            body.run(k / chunks, start, Math.min(per, start + CHUNK));
        });
    }
}
