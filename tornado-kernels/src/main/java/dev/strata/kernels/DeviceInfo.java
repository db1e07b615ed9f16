package dev.strata.kernels;

import java.util.Map;

/**
 * One device of one backend.
 *
 * @param backend    backend name ({@code jvm}, {@code tornadovm})
 * @param index      device index within the backend, as accepted by {@link ComputeBackendProvider#open(int)}
 * @param device     human-readable device name
 * @param available  whether kernels can run on it now
 * @param properties further facts (cores, vector lanes, driver, memory; {@code reason} when unavailable), in order
 */
public record DeviceInfo(String backend, int index, String device, boolean available, Map<String, Object> properties) {
    public DeviceInfo {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
