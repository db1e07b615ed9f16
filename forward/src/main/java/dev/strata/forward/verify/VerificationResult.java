package dev.strata.forward.verify;

import java.util.List;

/**
 * What {@code strata verify} prints for one operator.
 *
 * @param operator    operator name
 * @param backend     backend name and device
 * @param dotRelErr   dot-product test error
 * @param taylorOrder smallest measured Taylor order (NaN for linear operators, whose remainder is rounding only)
 * @param taylorOk    whether the Taylor test passed
 * @param physics     physics checks
 * @param seconds     wall time of the checks
 */
public record VerificationResult(String operator, String backend, double dotRelErr, double taylorOrder,
                                 boolean taylorOk, List<OperatorVerification.PhysicsCheck> physics, double seconds) {

    public boolean ok() {
        return dotRelErr <= OperatorVerification.DOT_TOLERANCE && taylorOk
                && physics.stream().allMatch(OperatorVerification.PhysicsCheck::ok);
    }
}
