package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.ComputeBackendProvider;
import dev.strata.kernels.ComputeBackends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Says visibly when the TornadoVM cross-backend tests did not run: they live in module tornado-backend, which is
 * built only when TORNADOVM_HOME points to a TornadoVM SDK. With an SDK, the CLI must carry the backend.
 */
class TornadoBackendPresenceTest {
    @Test
    void tornadoBackendIsBuiltWhenAnSdkIsPresent() {
        Assumptions.assumeTrue(System.getenv("TORNADOVM_HOME") != null,
                "SKIPPED: no TornadoVM SDK (TORNADOVM_HOME unset), so the JVM-vs-TornadoVM tests of module "
                        + "tornado-backend were not built or run; see README, 'Compute backends'");
        assertTrue(ComputeBackends.providers().stream().map(ComputeBackendProvider::name).anyMatch("tornadovm"::equals),
                "TORNADOVM_HOME is set but the tornadovm backend is not on the CLI's class path");
    }
}
