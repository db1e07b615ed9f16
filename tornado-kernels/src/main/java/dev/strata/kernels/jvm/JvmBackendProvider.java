package dev.strata.kernels.jvm;

import dev.strata.kernels.BackendUnavailableException;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackendProvider;
import dev.strata.kernels.DeviceInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registers the JVM backend with {@link java.util.ServiceLoader}; always available. */
public final class JvmBackendProvider implements ComputeBackendProvider {

    static final String NAME = "jvm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of(describe(JvmConfig.defaults()));
    }

    @Override
    public ComputeBackend open(int deviceIndex) {
        if (deviceIndex != 0) {
            throw new BackendUnavailableException("the jvm backend has one device (index 0), not " + deviceIndex);
        }
        return JvmBackend.withDefaults();
    }

    static DeviceInfo describe(JvmConfig config) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cores", Runtime.getRuntime().availableProcessors());
        p.put("threads", config.threads());
        p.put("vectorLanesFloat", VectorSupport.floatLanes());
        p.put("vectorBits", VectorSupport.vectorBits());
        p.put("vectorized", config.vectorized() && VectorSupport.floatLanes() > 1);
        p.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        p.put("javaVersion", System.getProperty("java.version"));
        p.put("vm", System.getProperty("java.vm.name"));
        String cpu = System.getProperty("os.arch");
        return new DeviceInfo(NAME, 0, "JVM threads on " + cpu + " (" + config.threads() + " threads, "
                + VectorSupport.floatLanes() + " float lanes)", true, p);
    }
}
