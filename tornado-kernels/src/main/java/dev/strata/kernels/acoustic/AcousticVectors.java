package dev.strata.kernels.acoustic;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API rows of the interior stencils {@link AcousticKernels#waveStep8},
 * {@link AcousticKernels#waveStep8Laplacian}, {@link AcousticKernels#waveStep8Imaging} and
 * {@link AcousticKernels#bornStep8} (and of the point-wise
 * {@link ImagingKernels#accumulateProducts}), named by their {@code @Kernel(vectorRows = ...)}: the same contract as
 * the generated row runners (rows are (batch, depth) pairs of the interior, arguments in task order). Each performs
 * the operations of its per-point body in the same order, so it agrees with it bit for bit (the JVM never fuses
 * multiply-add on its own) and stores a field value flushed as {@link AcousticKernels#flushToZero} does. A row goes
 * on whole vectors only ({@link RowVectors}); rows narrower than a vector run the body itself ({@link #narrowRows}).
 */
final class AcousticVectors {
    private AcousticVectors() {
    }

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int R = AcousticKernels.RADIUS;

    /** Lanes of the vector species the vectorised kernels of this package use. */
    static int lanes() {
        return SPECIES.length();
    }

    /** The species shared by the vectorised kernels of this package. */
    static VectorSpecies<Float> species() {
        return SPECIES;
    }

    /** One row of the interior: member b, depth iz, flat index {@code base} of its point ix = 0. */
    interface InteriorRow {
        void run(int b, int iz, int base);
    }

    /** Runs interior rows [rowStart, rowEnd), numbered as the generated row runners number them (b slower). */
    static void interiorRows(int rowStart, int rowEnd, int nz, int nx, InteriorRow row) {
        int rowsPerGrid = nz - 2 * R;
        for (int r = rowStart; r < rowEnd; r++) {
            int b = r / rowsPerGrid;
            int iz = R + r % rowsPerGrid;
            row.run(b, iz, (b * nz + iz) * nx);
        }
    }

    /**
     * Element index, modulo the lanes, at which a vector starts on a vector-sized boundary of a float array whose
     * object starts on one: past the 16-byte array header.
     */
    private static final int ALIGNED_PHASE = Math.floorMod(-16 / Float.BYTES, SPECIES.length());
    /**
     * Length from which a float array starts on a region boundary: G1 allocates an object of half a region or more as
     * a humongous object at the start of a region. Long.MAX_VALUE under another collector (the address is unknown).
     */
    private static final long REGION_ALIGNED_LENGTH = readRegionAlignedLength();

    /**
     * The first column of the tail vector of a row, the whole vector that ends at nx - R; {@link RowVectors} covers
     * the interior columns of a row with whole vectors and no scalar remainder. Needs {@link #rowFitsVectors}.
     */
    static int tailColumn(int nx) {
        return nx - R - lanes();
    }

    /**
     * The first column of the vectors of a row of {@code field} starting at flat index {@code base}: the first column
     * whose vector is aligned where the array's address is known ({@link #REGION_ALIGNED_LENGTH}), else R. Which
     * column it is changes the speed only, never a result.
     */
    static int firstVector(float[] field, int base) {
        return field.length >= REGION_ALIGNED_LENGTH ? R + Math.floorMod(ALIGNED_PHASE - base - R, lanes()) : R;
    }

    /** The end of the whole vectors from {@code first} within the interior columns. */
    static int vectorsEnd(int first, int nx) {
        return first + (nx - R - first) / lanes() * lanes();
    }

    /** {@link #REGION_ALIGNED_LENGTH}. */
    static long regionAlignedLength() {
        return REGION_ALIGNED_LENGTH;
    }

    private static long readRegionAlignedLength() {
        try {
            var vm = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            if (!"true".equals(vm.getVMOption("UseG1GC").getValue())) {
                return Long.MAX_VALUE;
            }
            return Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue()) / 2 / Float.BYTES;
        } catch (RuntimeException | LinkageError e) {
            return Long.MAX_VALUE;
        }
    }

    /** A per-point body at interior point (b, iz, ix). */
    interface InteriorPoint {
        void run(int b, int iz, int ix);
    }

    /**
     * Runs {@code body} at every interior point of rows [rowStart, rowEnd) if the rows are narrower than a vector
     * (then the caller is done: true); false, running nothing, otherwise.
     */
    static boolean narrowRows(int rowStart, int rowEnd, int nz, int nx, InteriorPoint body) {
        if (rowFitsVectors(nx)) {
            return false;
        }
        interiorRows(rowStart, rowEnd, nz, nx, (b, iz, base) -> {
            for (int ix = R; ix < nx - R; ix++) {
                body.run(b, iz, ix);
            }
        });
        return true;
    }

    /** Whether a row has at least one whole vector of interior columns (else it runs the per-point body). */
    static boolean rowFitsVectors(int nx) {
        return nx - 2 * R >= lanes();
    }

    /**
     * {@link AcousticKernels#waveStep8} over interior rows [rowStart, rowEnd), on whole vectors only
     * ({@link RowVectors}). Where the damping is exactly 1 (rows with dz = 1, vectors inside the undamped middle of
     * dx) it drops the two multiplications by d, which are exact there, so the result is the same bit for bit and the
     * interior streams three arrays, as wave.c's row_plain does.
     */
    static void waveStep8Rows(int rowStart, int rowEnd, float[] pn, float[] p, float[] vc, float[] dz, float[] dx,
                              int nz, int nx, int nb) {
        if (narrowRows(rowStart, rowEnd, nz, nx,
                (b, iz, ix) -> AcousticKernels.waveStep8(b, iz, ix, pn, p, vc, dz, dx, nz, nx))) {
            return;
        }
        stepRows(rowStart, rowEnd, pn, p, vc, dz, dx, null, 0, nz, nx);
    }

    /**
     * {@link AcousticKernels#waveStep8Laplacian} over interior rows [rowStart, rowEnd), as {@link #waveStep8Rows};
     * reads the clock once.
     */
    static void waveStep8LaplacianRows(int rowStart, int rowEnd, float[] pn, float[] p, float[] vc, float[] dz,
                                       float[] dx, float[] snapshots, int[] clock, int k, int steps, int fieldSize,
                                       int nz, int nx, int nb) {
        if (narrowRows(rowStart, rowEnd, nz, nx, (b, iz, ix) -> AcousticKernels.waveStep8Laplacian(b, iz, ix, pn, p,
                vc, dz, dx, snapshots, clock, k, steps, fieldSize, nz, nx))) {
            return;
        }
        int t = clock[0];
        boolean store = t >= 0 && t < steps;
        stepRows(rowStart, rowEnd, pn, p, vc, dz, dx, store ? snapshots : null,
                store ? CheckpointKernels.snapshotSlot(t, k) * fieldSize : 0, nz, nx);
    }

    /**
     * {@link AcousticKernels#waveStep8Imaging} over interior rows [rowStart, rowEnd): each row's imaging of the two
     * levels on whole vectors (the columns left over one by one, no vector twice, since g is added to), then its step
     * as {@link #waveStep8Rows}; reads the clock once.
     */
    static void waveStep8ImagingRows(int rowStart, int rowEnd, float[] pn, float[] p, float[] vc, float[] dz,
                                     float[] dx, float[] g, float[] snapshots, int[] clock, int k, int nt,
                                     int fieldSize, int nz, int nx, int nb) {
        if (narrowRows(rowStart, rowEnd, nz, nx, (b, iz, ix) -> AcousticKernels.waveStep8Imaging(b, iz, ix, pn, p, vc,
                dz, dx, g, snapshots, clock, k, nt, fieldSize, nz, nx))) {
            return;
        }
        Levels levels = Levels.of(clock[0], k, nt, fieldSize);
        int[] plain = undampedColumns(dx, nx);
        RowVectors row = new RowVectors(nx);
        interiorRows(rowStart, rowEnd, nz, nx, (b, iz, base) -> {
            levels.addProducts(g, p, pn, snapshots, base + R, base + nx - R);
            waveStep8Row(row, plain, pn, p, vc, dz, dx, null, 0, nx, iz, base);
        });
    }

    /**
     * The two levels {@link ImagingKernels#accumulateProducts} images at clock t: their ring offsets, -1 for a level
     * outside [0, nt).
     */
    private record Levels(int olderOffset, int newerOffset) {
        static Levels of(int t, int k, int nt, int fieldSize) {
            return new Levels(offset(t + 1, k, nt, fieldSize), offset(t, k, nt, fieldSize));
        }

        private static int offset(int level, int k, int nt, int fieldSize) {
            return level >= 0 && level < nt ? CheckpointKernels.snapshotSlot(level, k) * fieldSize : -1;
        }

        /**
         * g[i] = (g[i] + {@link AcousticKernels#normalProduct}(older[i], s at the older level)) + normalProduct(
         * newer[i], s at the newer level) for i in [start, end), each level where it is imaged: whole vectors, then
         * the rest one by one.
         */
        void addProducts(float[] g, float[] newer, float[] older, float[] s, int start, int end) {
            boolean old = olderOffset >= 0;
            boolean now = newerOffset >= 0;
            int i = start;
            for (; i + lanes() <= end; i += lanes()) {
                FloatVector sum = FloatVector.fromArray(SPECIES, g, i);
                if (old) {
                    FloatVector a = FloatVector.fromArray(SPECIES, older, i);
                    FloatVector b = FloatVector.fromArray(SPECIES, s, olderOffset + i);
                    sum = sum.add(a.blend(0.0f, a.abs().mul(b.abs().mul(AcousticKernels.PRODUCT_SCALE))
                            .lt(AcousticKernels.SCALED_SUBNORMAL)).mul(b));
                }
                if (now) {
                    FloatVector a = FloatVector.fromArray(SPECIES, newer, i);
                    FloatVector b = FloatVector.fromArray(SPECIES, s, newerOffset + i);
                    sum = sum.add(a.blend(0.0f, a.abs().mul(b.abs().mul(AcousticKernels.PRODUCT_SCALE))
                            .lt(AcousticKernels.SCALED_SUBNORMAL)).mul(b));
                }
                sum.intoArray(g, i);
            }
            for (; i < end; i++) {
                float sum = g[i];
                if (old) {
                    sum = sum + AcousticKernels.normalProduct(older[i], s[olderOffset + i]);
                }
                if (now) {
                    sum = sum + AcousticKernels.normalProduct(newer[i], s[newerOffset + i]);
                }
                g[i] = sum;
            }
        }
    }

    /**
     * The rows of {@link #waveStep8Rows}, storing the Laplacian of point i at {@code laplacian[lapOffset + i]} where
     * {@code laplacian} is not null.
     */
    private static void stepRows(int rowStart, int rowEnd, float[] pn, float[] p, float[] vc, float[] dz, float[] dx,
                                 float[] laplacian, int lapOffset, int nz, int nx) {
        int[] plain = undampedColumns(dx, nx);
        RowVectors row = new RowVectors(nx);
        interiorRows(rowStart, rowEnd, nz, nx,
                (b, iz, base) -> waveStep8Row(row, plain, pn, p, vc, dz, dx, laplacian, lapOffset, nx, iz, base));
    }

    /**
     * {@link AcousticKernels#waveStep8} over the interior columns of the row at depth iz that starts at flat index
     * {@code base}, as {@link #waveStep8Rows} runs each row; {@code plain} from {@link #undampedColumns}; stores the
     * Laplacian of point i into {@code laplacian[lapOffset + i]} where {@code laplacian} is not null
     * ({@link AcousticKernels#waveStep8Laplacian}).
     */
    static void waveStep8Row(RowVectors row, int[] plain, float[] pn, float[] p, float[] vc, float[] dz, float[] dx,
                             float[] laplacian, int lapOffset, int nx, int iz, int base) {
        row.plan(pn, base);
        float d = dz[iz];
        for (int v = 0; v < row.scratchCount(); v++) {
            int ix = row.scratchColumn(v);
            waveSteps(row.scratch(v), 0, pn, p, vc, dx, laplacian, lapOffset, nx, base + ix, ix, d, false, 1);
        }
        int from = row.firstInPlace();
        int count = (row.inPlaceEnd() - from) / lanes();
        int plainFrom = 0;
        int plainTo = 0;
        if (d == 1.0f) {
            plainFrom = Math.min(count, Math.max(0, Math.ceilDiv(plain[0] - from, lanes())));
            plainTo = Math.min(count, Math.max(plainFrom, Math.floorDiv(plain[1] - lanes() - from, lanes()) + 1));
        }
        int[] runs = {0, plainFrom, plainTo, count};
        for (int r = 0; r < 3; r++) {
            int ix = from + runs[r] * lanes();
            waveSteps(pn, base + ix, pn, p, vc, dx, laplacian, lapOffset, nx, base + ix, ix, d, r == 1,
                    runs[r + 1] - runs[r]);
        }
        row.storeOverlaps(pn, base);
    }

    /**
     * {@link ImagingKernels#accumulateProducts} over points [start, end): both levels on whole vectors, the points left
     * over one by one (the body's arithmetic); reads the clock once.
     */
    static void accumulateProductsRows(int start, int end, float[] g, float[] phi, float[] phiOld, float[] snaps,
                                       int[] clock, int k, int nt, int fieldSize) {
        Levels.of(clock[0], k, nt, fieldSize).addProducts(g, phi, phiOld, snaps, start, end);
    }

    /** The interior columns [lo, hi) over which dx is exactly 1, as {lo, hi}; {R, R} when there are none. */
    static int[] undampedColumns(float[] dx, int nx) {
        int lo = R;
        while (lo < nx - R && dx[lo] != 1.0f) {
            lo++;
        }
        int hi = lo;
        while (hi < nx - R && dx[hi] == 1.0f) {
            hi++;
        }
        return lo < hi ? new int[] {lo, hi} : new int[] {R, R};
    }

    /**
     * {@link AcousticKernels#bornStep8} over interior rows [rowStart, rowEnd), on whole vectors as in
     * {@link #waveStep8Rows}.
     */
    static void bornStep8Rows(int rowStart, int rowEnd, float[] dpn, float[] dp, float[] p, float[] vc, float[] dvc,
                              float[] dz, float[] dx, int nz, int nx, int nb) {
        if (narrowRows(rowStart, rowEnd, nz, nx,
                (b, iz, ix) -> AcousticKernels.bornStep8(b, iz, ix, dpn, dp, p, vc, dvc, dz, dx, nz, nx))) {
            return;
        }
        RowVectors row = new RowVectors(nx);
        interiorRows(rowStart, rowEnd, nz, nx, (b, iz, base) -> {
            row.plan(dpn, base);
            for (int v = 0; v < row.scratchCount(); v++) {
                int ix = row.scratchColumn(v);
                bornSteps(row.scratch(v), 0, dpn, dp, p, vc, dvc, dx, nx, base + ix, ix, dz[iz], 1);
            }
            int from = row.firstInPlace();
            bornSteps(dpn, base + from, dpn, dp, p, vc, dvc, dx, nx, base + from, from, dz[iz],
                    (row.inPlaceEnd() - from) / lanes());
            row.storeOverlaps(dpn, base);
        });
    }

    /** The Laplacian's coefficients by offset m: 2 c_0 (x and z share the centre), then c_1 .. c_4. */
    private static final float[] C = {AcousticKernels.C0X2, AcousticKernels.C1, AcousticKernels.C2, AcousticKernels.C3,
        AcousticKernels.C4};

    /*
     * The per-vector bodies below spell out their Laplacians: a helper of ours that returned a vector would be inlined
     * or not as the JIT's budget decides, and where it is not, the vector is boxed and the Vector API falls back to
     * Java, which made the speed of a run depend on how the JIT had warmed up.
     */

    /**
     * The body of {@link AcousticKernels#waveStep8} on {@code count} vectors of consecutive points from i (column
     * ix), same order of operations, into {@code out} from {@code o} (pn at i, or a scratch vector); where
     * {@code undamped} (d = 1) it leaves out the two multiplications by d, which are exact there. Stores the Laplacian
     * into {@code laplacian} at lapOffset + i where that is not null. The vectors loop here, not in the caller, so
     * that the JIT compiles the loop and its body as one piece whatever it decides to inline.
     */
    private static void waveSteps(float[] out, int o, float[] pn, float[] p, float[] vc, float[] dx,
                                  float[] laplacian, int lapOffset, int nx, int i, int ix, float dzRow,
                                  boolean undamped, int count) {
        int lanes = SPECIES.length();
        for (int k = 0; k < count; k++, i += lanes, ix += lanes, o += lanes) {
            FloatVector c = FloatVector.fromArray(SPECIES, p, i);
            FloatVector lap = c.mul(C[0]);
            for (int m = 1; m <= R; m++) {
                lap = lap.add(FloatVector.fromArray(SPECIES, p, i - m).add(FloatVector.fromArray(SPECIES, p, i + m))
                        .add(FloatVector.fromArray(SPECIES, p, i - m * nx)
                                .add(FloatVector.fromArray(SPECIES, p, i + m * nx))).mul(C[m]));
            }
            if (laplacian != null) {
                lap.blend(0.0f, lap.abs().lt(AcousticKernels.TINY)).intoArray(laplacian, lapOffset + i);
            }
            FloatVector prev = FloatVector.fromArray(SPECIES, pn, i);
            FloatVector v = FloatVector.fromArray(SPECIES, vc, i);
            FloatVector next;
            if (undamped) {
                next = c.mul(2.0f).sub(prev).add(v.mul(lap));
            } else {
                FloatVector d = FloatVector.fromArray(SPECIES, dx, ix).mul(dzRow);
                next = c.mul(2.0f).sub(d.mul(prev)).add(v.mul(lap)).mul(d);
            }
            next.blend(0.0f, next.abs().lt(AcousticKernels.TINY)).intoArray(out, o);
        }
    }

    /**
     * The body of {@link AcousticKernels#bornStep8} on {@code count} vectors of consecutive points from i, same order
     * of operations, into {@code out} from {@code o}: the Laplacians of dp and p in one pass over the offsets. The
     * vectors loop here, as in {@link #waveSteps}.
     */
    private static void bornSteps(float[] out, int o, float[] dpn, float[] dp, float[] p, float[] vc, float[] dvc,
                                  float[] dx, int nx, int i, int ix, float dzRow, int count) {
        int lanes = SPECIES.length();
        for (int k = 0; k < count; k++, i += lanes, ix += lanes, o += lanes) {
            FloatVector c = FloatVector.fromArray(SPECIES, dp, i);
            FloatVector lapDp = c.mul(C[0]);
            FloatVector lapP = FloatVector.fromArray(SPECIES, p, i).mul(C[0]);
            for (int m = 1; m <= R; m++) {
                lapDp = lapDp.add(FloatVector.fromArray(SPECIES, dp, i - m)
                        .add(FloatVector.fromArray(SPECIES, dp, i + m))
                        .add(FloatVector.fromArray(SPECIES, dp, i - m * nx)
                                .add(FloatVector.fromArray(SPECIES, dp, i + m * nx))).mul(C[m]));
                lapP = lapP.add(FloatVector.fromArray(SPECIES, p, i - m).add(FloatVector.fromArray(SPECIES, p, i + m))
                        .add(FloatVector.fromArray(SPECIES, p, i - m * nx)
                                .add(FloatVector.fromArray(SPECIES, p, i + m * nx))).mul(C[m]));
            }
            FloatVector d = FloatVector.fromArray(SPECIES, dx, ix).mul(dzRow);
            FloatVector next = c.mul(2.0f).sub(d.mul(FloatVector.fromArray(SPECIES, dpn, i)))
                    .add(FloatVector.fromArray(SPECIES, vc, i).mul(lapDp))
                    .add(FloatVector.fromArray(SPECIES, dvc, i).mul(lapP)).mul(d);
            next.blend(0.0f, next.abs().lt(AcousticKernels.TINY)).intoArray(out, o);
        }
    }

}
