package dev.strata.forward;

/**
 * An operator's value y = A(x) at a batch of models and the VJP J(x)^T g of a cotangent g made from that value, as
 * {@code jax.vjp} gives both from one evaluation ({@link ForwardOperator#valueAndVjp}).
 *
 * @param value y, {@code [n, outputSize]}
 * @param vjp   J(x)^T g, {@code [n, inputSize]}
 */
public record ValueAndVjp(float[] value, float[] vjp) {
}
