package dev.strata.bench.suite;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.List;
import java.util.function.UnaryOperator;

/** Backends for the suite's tests: a JVM backend that passes for a device, its plans optionally altered. */
final class TestBackends {
    private TestBackends() {
    }

    /**
     * {@code jvm} under the name {@code name}, saying whether it {@code sharesHostArrays}, each plan passed through
     * {@code plans}.
     */
    static ComputeBackend around(JvmBackend jvm, String name, boolean sharesHostArrays,
                                 UnaryOperator<ExecutionPlan> plans) {
        return new ComputeBackend() {
            public String name() {
                return name;
            }

            public List<DeviceInfo> devices() {
                return jvm.devices();
            }

            public DeviceInfo device() {
                return jvm.device();
            }

            public ExecutionPlan plan(KernelGraph graph) {
                return plans.apply(jvm.plan(graph));
            }

            @Override
            public boolean sharesHostArrays() {
                return sharesHostArrays;
            }
        };
    }
}
