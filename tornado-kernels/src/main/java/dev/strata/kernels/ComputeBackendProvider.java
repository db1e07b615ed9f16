package dev.strata.kernels;

import java.util.List;

/**
 * Service-provider interface, found with {@link java.util.ServiceLoader}: one provider per backend module.
 * A provider whose runtime is missing (no TornadoVM SDK, no driver) still lists itself, with devices marked
 * unavailable, so that {@code strata devices} can say why.
 */
public interface ComputeBackendProvider {

    /** Backend name, as in {@link ComputeBackend#name()}. */
    String name();

    /** Every device of this backend, available or not, with a reason in {@link DeviceInfo#properties()} when not. */
    List<DeviceInfo> devices();

    /** Opens the backend on one device index of {@link #devices()}; throws {@link BackendUnavailableException}. */
    ComputeBackend open(int deviceIndex);
}
