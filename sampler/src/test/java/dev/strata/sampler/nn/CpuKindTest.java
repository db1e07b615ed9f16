package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuKindTest {

    @Test
    void kindIsTheVendorAndTheDispatchedExtensionsOfTheFirstProcessor() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD",
                "flags\t\t: fpu sse2 avx2 avx fma avx512f bmi2", "", "processor\t: 1", "vendor_id\t: GenuineIntel",
                "flags\t\t: fpu sse2");
        CpuKind kind = CpuKind.of(cpuinfo);
        assertEquals("AuthenticAMD", kind.vendor());
        assertEquals("AuthenticAMD:avx,avx2,fma,avx512f", kind.id(), "DISPATCHED's order, other flags left out");
    }

    @Test
    void kindOfNoCpuinfoIsUnknown() {
        assertEquals("unknown:", CpuKind.of(List.of()).id());
    }
}
