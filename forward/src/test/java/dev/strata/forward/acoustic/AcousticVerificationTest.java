package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.verify.OperatorVerification;
import dev.strata.forward.verify.VerificationResult;
import dev.strata.forward.verify.Verifier;
import dev.strata.kernels.jvm.JvmBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcousticVerificationTest {

    @ParameterizedTest
    @ValueSource(strings = {"acoustic.fwi", "acoustic.fwi.cpml"})
    void verifyFindsAndPassesTheAcousticOperator(String name) {
        OperatorVerification v = Verifier.all().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not registered as a service"));
        try (JvmBackend backend = JvmBackend.withDefaults()) {
            VerificationResult r = Verifier.run(v, backend);
            assertTrue(r.ok(), r.toString());
            assertTrue(r.physics().size() == 2, r.toString());
        }
    }
}
