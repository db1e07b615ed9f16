package dev.strata.sampler.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU's vendor and the vector extensions by which libtorch's CPU kernels (ATen, oneDNN, MKL) choose their code,
 * read from /proc/cpuinfo: a seeded training run on a fixed thread count gives the same bits on two machines of one
 * kind, and other bits on another kind, where the kernels sum in another order (seen between two VMs of this
 * project's build machine). {@code unknown} where /proc/cpuinfo cannot be read.
 *
 * @param vendor     {@code vendor_id}, e.g. GenuineIntel
 * @param extensions the extensions of {@link #DISPATCHED} the CPU has, in that order
 */
public record CpuKind(String vendor, List<String> extensions) {

    /** The extensions that decide which of libtorch's CPU kernels run. */
    static final List<String> DISPATCHED = List.of("avx", "avx2", "fma", "avx_vnni", "avx512f", "avx512dq",
            "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8");

    public CpuKind {
        extensions = List.copyOf(extensions);
    }

    /** This machine's kind. */
    public static CpuKind current() {
        try {
            return of(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException | SecurityException e) {
            return new CpuKind("unknown", List.of());
        }
    }

    /** The kind that the lines of a /proc/cpuinfo describe (its first processor's). */
    static CpuKind of(List<String> cpuinfo) {
        String vendor = "unknown";
        List<String> flags = List.of();
        for (String line : cpuinfo) {
            String[] kv = line.split(":", 2);
            if (kv.length < 2) {
                continue;
            }
            String key = kv[0].strip();
            if (key.equals("vendor_id") && vendor.equals("unknown")) {
                vendor = kv[1].strip();
            } else if (key.equals("flags") && flags.isEmpty()) {
                flags = Arrays.asList(kv[1].strip().split("\\s+"));
            }
        }
        List<String> present = flags;
        return new CpuKind(vendor, DISPATCHED.stream().filter(present::contains).toList());
    }

    /** {@code vendor:ext1,ext2,...}, e.g. {@code GenuineIntel:avx,avx2,fma,avx512f}. */
    public String id() {
        return vendor + ":" + String.join(",", extensions);
    }
}
