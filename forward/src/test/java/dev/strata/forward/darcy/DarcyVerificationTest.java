package dev.strata.forward.darcy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.verify.OperatorVerification;
import dev.strata.forward.verify.VerificationResult;
import dev.strata.forward.verify.Verifier;
import dev.strata.kernels.jvm.JvmBackend;
import org.junit.jupiter.api.Test;

class DarcyVerificationTest {

    @Test
    void verifyFindsDarcyAndItsChecksPassOnTheJvmBackend() {
        OperatorVerification darcy = Verifier.all().stream().filter(v -> v.name().equals("darcy")).findFirst()
                .orElseThrow(() -> new AssertionError("darcy is not registered as an OperatorVerification"));
        try (JvmBackend backend = JvmBackend.withDefaults()) {
            VerificationResult r = Verifier.run(darcy, backend);
            assertTrue(r.ok(), r.toString());
            assertTrue(r.physics().size() == 2, r.physics().toString());
        }
    }
}
