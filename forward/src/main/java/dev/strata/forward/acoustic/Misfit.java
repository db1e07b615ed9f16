package dev.strata.forward.acoustic;

/**
 * A least-squares data misfit and its gradient.
 *
 * @param value    J = 0.5 ||A(v) - d||^2, accumulated in double
 * @param gradient dJ/dv, {@code [nz][nx]}, in (data units)^2 per m/s
 * @param residual A(v) - d, {@code [nshots][nt][nrec]}
 */
public record Misfit(double value, float[] gradient, float[] residual) {
}
