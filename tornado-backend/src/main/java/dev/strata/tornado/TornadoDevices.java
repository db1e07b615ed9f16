package dev.strata.tornado;

import dev.strata.kernels.DeviceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.ac.manchester.tornado.api.TornadoBackend;
import uk.ac.manchester.tornado.api.TornadoRuntime;
import uk.ac.manchester.tornado.api.TornadoTargetDevice;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.runtime.TornadoRuntimeProvider;

/** Enumerates TornadoVM's devices, numbered across its backends (OpenCL, PTX, SPIR-V) in TornadoVM's order. */
final class TornadoDevices {
    private TornadoDevices() {
    }

    /** The TornadoVM device behind flat index {@code index}. */
    static TornadoDevice device(int index) {
        TornadoRuntime rt = TornadoRuntimeProvider.getTornadoRuntime();
        int k = 0;
        for (int b = 0; b < rt.getNumBackends(); b++) {
            TornadoBackend backend = rt.getBackend(b);
            for (int d = 0; d < backend.getNumDevices(); d++, k++) {
                if (k == index) {
                    return backend.getDevice(d);
                }
            }
        }
        throw new IndexOutOfBoundsException("TornadoVM has " + k + " devices; no device " + index);
    }

    static List<DeviceInfo> list() {
        TornadoRuntime rt = TornadoRuntimeProvider.getTornadoRuntime();
        List<DeviceInfo> out = new ArrayList<>();
        int k = 0;
        for (int b = 0; b < rt.getNumBackends(); b++) {
            TornadoBackend backend = rt.getBackend(b);
            for (int d = 0; d < backend.getNumDevices(); d++, k++) {
                out.add(describe(k, b, d, backend.getDevice(d)));
            }
        }
        return out;
    }

    static DeviceInfo describe(int index, int backendIndex, int deviceIndex, TornadoDevice dev) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tornadoDevice", backendIndex + ":" + deviceIndex);
        String api = String.valueOf(dev.getTornadoVMBackend());
        p.put("api", api);
        p.put("platform", dev.getPlatformName());
        p.put("type", String.valueOf(dev.getDeviceType()));
        p.put("globalMemoryBytes", dev.getMaxGlobalMemory());
        p.put("maxAllocationBytes", dev.getMaxAllocMemory());
        p.put("localMemoryBytes", dev.getDeviceLocalMemorySize());
        TornadoTargetDevice phys = dev.getPhysicalDevice();
        p.put("computeUnits", phys.getDeviceMaxComputeUnits());
        p.put("maxClockMHz", clockMHz(api, phys.getDeviceMaxClockFrequency()));
        p.put("deviceCVersion", dev.getDeviceOpenCLCVersion());
        // driver and version strings exist on the OpenCL and PTX devices but not on the common interface
        p.put("driver", optional(phys, "getDriverVersion"));
        p.put("version", optional(phys, "getVersion"));
        return new DeviceInfo(TornadoBackendProvider.NAME, index, dev.getDescription(), true, p);
    }

    /**
     * A device's clock in MHz from what TornadoVM reports: OpenCL's CL_DEVICE_MAX_CLOCK_FREQUENCY is in MHz, while a
     * PTX device gives CUDA's CU_DEVICE_ATTRIBUTE_CLOCK_RATE, in kHz (an H200 read 1980000).
     */
    static int clockMHz(String api, int reported) {
        return "PTX".equals(api) ? reported / 1000 : reported;
    }

    private static String optional(Object o, String method) {
        try {
            return String.valueOf(o.getClass().getMethod(method).invoke(o));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown";
        }
    }
}
