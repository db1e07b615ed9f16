package dev.strata.kernels.darcy;

import static dev.strata.kernels.darcy.DarcyKernels.BOTTOM;
import static dev.strata.kernels.darcy.DarcyKernels.DIRICHLET;
import static dev.strata.kernels.darcy.DarcyKernels.LEFT;
import static dev.strata.kernels.darcy.DarcyKernels.RIGHT;
import static dev.strata.kernels.darcy.DarcyKernels.TOP;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of the derivatives of the Darcy residual F(h, m) = A(m) h - b(m) in the log-conductivity m: the
 * tangent source (dF/dm) dm of a tangent solve and the adjoint-state gradient -(dF/dm)^T lambda. Layout, operator
 * and boundary arrays as in {@link DarcyKernels}. Typed tasks: {@code DarcyAdjointTasks}, taking
 * {@code (k, h, field, bcType, bcHead, out, nz, nx, nb)}.
 */
public final class DarcyAdjointKernels {
    private DarcyAdjointKernels() {
    }

    /**
     * Tangent source s = (dF/dm) dm at cell (b, z, x), F(h, m) = A(m) h - b(m): the sum over the faces of c of
     * dT_f (h_c - h_other), with dT = T (K_j dm_i + K_i dm_j) / (K_i + K_j) for an interior face (T harmonic, K = e^m)
     * and dT = 2 K_c dm_c, h_other = h_D for a Dirichlet face. Then J dm = -P A^-1 s. Writes s at c.
     */
    @Kernel(requires = "KernelChecks.allWithin(bcType, 0, 2)")
    public static void tangentSource(@Index("nb") int b, @Index("nz") int z, @Index("nx") int x,
                                     @Length("nb * nz * nx") double[] k, @Length("nb * nz * nx") double[] h,
                                     @Length("nb * nz * nx") double[] dm, @Length("4") int[] bcType,
                                     @Length("4") double[] bcHead, @Writes @Length("nb * nz * nx") double[] s, int nz,
                                     int nx) {
        int c = (b * nz + z) * nx + x;
        double sum = faceSum(false, k, h, dm, c, z, x, nz, nx);
        s[c] = addDirichletFaces(sum, 2.0 * k[c] * dm[c], h[c], z, x, nz, nx, bcType, bcHead);
    }

    /**
     * Adjoint-state gradient at cell (b, z, x): g_c = -sum over faces f of c of dT_f/dm_c (lambda_c - lambda_o)
     * (h_c - h_o), with lambda = A^-1 P^T dy, o the other cell of f (lambda_o = 0 and h_o = h_D for a Dirichlet
     * face, where dT/dm_c = 2 K_c). This is -(dF/dm)^T lambda = J^T dy. Writes g (float) at c.
     */
    @Kernel(requires = "KernelChecks.allWithin(bcType, 0, 2)")
    public static void gradient(@Index("nb") int b, @Index("nz") int z, @Index("nx") int x,
                                @Length("nb * nz * nx") double[] k, @Length("nb * nz * nx") double[] h,
                                @Length("nb * nz * nx") double[] lambda, @Length("4") int[] bcType,
                                @Length("4") double[] bcHead, @Writes @Length("nb * nz * nx") float[] g, int nz,
                                int nx) {
        int c = (b * nz + z) * nx + x;
        double sum = faceSum(true, k, h, lambda, c, z, x, nz, nx);
        sum = addDirichletFaces(sum, 2.0 * k[c] * lambda[c], h[c], z, x, nz, nx, bcType, bcHead);
        g[c] = (float) (0.0 - sum);
    }

    /**
     * sum over the interior faces f of cell c (east, west, south, north, in that order) of w_f (h_c - h_o), o the
     * other cell of f: w_f = dT_f for the tangent ({@code a} = dm) or dT_f/dm_c (lambda_c - lambda_o) for the gradient
     * ({@code a} = lambda), the one sum both bodies above take.
     */
    public static double faceSum(boolean gradient, double[] k, double[] h, double[] a, int c, int z, int x, int nz,
                                 int nx) {
        double kc = k[c];
        double hc = h[c];
        double ac = a[c];
        double sum = 0.0;
        if (x < nx - 1) {
            sum = sum + faceWeight(gradient, kc, k[c + 1], ac, a[c + 1]) * (hc - h[c + 1]);
        }
        if (x > 0) {
            sum = sum + faceWeight(gradient, kc, k[c - 1], ac, a[c - 1]) * (hc - h[c - 1]);
        }
        if (z < nz - 1) {
            sum = sum + faceWeight(gradient, kc, k[c + nx], ac, a[c + nx]) * (hc - h[c + nx]);
        }
        if (z > 0) {
            sum = sum + faceWeight(gradient, kc, k[c - nx], ac, a[c - nx]) * (hc - h[c - nx]);
        }
        return sum;
    }

    /**
     * w_f of {@link #faceSum} for the face between c and o: dT_f/dm_c (a_c - a_o), or dT_f (symmetric in c and o, bit
     * for bit: 2 K_c K_o is exact whichever factor is doubled).
     */
    public static double faceWeight(boolean gradient, double kc, double ko, double ac, double ao) {
        return gradient ? faceSensitivity(kc, ko) * (ac - ao) : faceTangent(kc, ko, ac, ao);
    }

    /** dT of the face between cells i and j: 2 K_i K_j (K_j dm_i + K_i dm_j) / (K_i + K_j)^2. */
    public static double faceTangent(double ki, double kj, double dmi, double dmj) {
        double sum = ki + kj;
        return 2.0 * ki * kj * (kj * dmi + ki * dmj) / (sum * sum);
    }

    /** dT/dm_i of the face between cells i and j: 2 K_i K_j^2 / (K_i + K_j)^2. */
    public static double faceSensitivity(double ki, double kj) {
        double sum = ki + kj;
        return 2.0 * ki * kj * kj / (sum * sum);
    }

    /**
     * {@code sum} plus tb (h_c - h_D) for every Dirichlet side that cell (z, x) touches, added in side order (top,
     * bottom, left, right), so that both bodies above keep their summation order.
     */
    public static double addDirichletFaces(double sum, double tb, double hc, int z, int x, int nz, int nx,
                                           int[] bcType, double[] bcHead) {
        double s = sum;
        if (z == 0 && bcType[TOP] == DIRICHLET) {
            s = s + tb * (hc - bcHead[TOP]);
        }
        if (z == nz - 1 && bcType[BOTTOM] == DIRICHLET) {
            s = s + tb * (hc - bcHead[BOTTOM]);
        }
        if (x == 0 && bcType[LEFT] == DIRICHLET) {
            s = s + tb * (hc - bcHead[LEFT]);
        }
        if (x == nx - 1 && bcType[RIGHT] == DIRICHLET) {
            s = s + tb * (hc - bcHead[RIGHT]);
        }
        return s;
    }
}
