package dev.strata.tornado;

import dev.strata.kernels.BackendUnavailableException;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackendProvider;
import dev.strata.kernels.DeviceInfo;
import java.util.List;
import java.util.Map;

/**
 * Registers the TornadoVM backend with {@link java.util.ServiceLoader}. When the JVM was not started with TornadoVM's
 * options (the {@code strata} launcher adds them when {@code TORNADOVM_HOME} is set), it lists one unavailable
 * device that says so.
 */
public final class TornadoBackendProvider implements ComputeBackendProvider {
    static final String NAME = "tornadovm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DeviceInfo> devices() {
        try {
            return TornadoDevices.list();
        } catch (LinkageError | RuntimeException e) {
            return List.of(new DeviceInfo(NAME, 0, "TornadoVM runtime not loaded", false, Map.of("reason",
                    "start through ./strata with TORNADOVM_HOME set to a TornadoVM SDK (" + e + ")")));
        }
    }

    @Override
    public ComputeBackend open(int deviceIndex) {
        List<DeviceInfo> devices = devices();
        if (devices.isEmpty() || !devices.get(0).available()) {
            throw new BackendUnavailableException("the TornadoVM backend cannot run here: "
                    + (devices.isEmpty() ? "TornadoVM found no device" : devices.get(0).properties().get("reason")));
        }
        if (deviceIndex < 0 || deviceIndex >= devices.size()) {
            throw new BackendUnavailableException("TornadoVM has devices 0.." + (devices.size() - 1) + ", not "
                    + deviceIndex + "; see 'strata devices'");
        }
        return new TornadoBackend(devices, deviceIndex);
    }
}
