package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** posterior.h5 and the shards read with Debian's h5py: shapes, values and the provenance attributes. */
class InvertInteropTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = """
            import sys, h5py, numpy as np
            post = h5py.File(sys.argv[1], 'r')
            shard = h5py.File(sys.argv[2], 'r')
            s = shard['samples'][()]
            print('samples', list(s.shape), s.dtype)
            for k in ('mean', 'std', 'q05'):
                print(k, list(post['posterior/' + k].shape), post['posterior/' + k].dtype)
            mean = post['posterior/mean'][()]
            ref = s.astype(np.float64).mean(axis=0)
            print('mean_rel_err', float(np.max(np.abs(mean - ref)) / np.max(np.abs(ref))))
            for a in ('strata_version', 'config', 'setting_seed', 'misfit_seismic'):
                print('attr', a, a in post.attrs)
            print('seed', post.attrs['setting_seed'].decode() if isinstance(post.attrs['setting_seed'], bytes) else post.attrs['setting_seed'])
            """;

    @TempDir
    Path tmp;

    @Test
    void posteriorAndShardReadWithH5py() throws Exception {
        Process probe = new ProcessBuilder(PYTHON, "-c", "import h5py").redirectErrorStream(true).start();
        Assumptions.assumeTrue(probe.waitFor() == 0, "SKIPPED: " + PYTHON + " has no h5py (apt-get install"
                + " python3-h5py); the h5py interop check did not run");
        Path out = tmp.resolve("run");
        InvertFixtures.runOk("invert", "--problem", "seismic", "--true", InvertFixtures.seismicModel(tmp).toString(),
                "--samples", "4", "--batch", "4", "--steps", "4", "--seed", "31", "--out", out.toString());
        Path script = Files.writeString(tmp.resolve("check.py"), SCRIPT);
        Path shard = out.resolve("shards").resolve(InvertFixtures.shardFiles(out).getFirst());
        Path log = tmp.resolve("python.log");
        InvertFixtures.runChild(List.of(PYTHON, script.toString(), out.resolve("posterior.h5").toString(),
                shard.toString()), log);
        Map<String, String> r = new HashMap<>();
        for (String line : Files.readAllLines(log)) {
            int sp = line.indexOf(' ');
            String key = line.startsWith("attr ") ? line.substring(0, line.lastIndexOf(' ')) : line.substring(0, sp);
            r.put(key, line.substring(line.startsWith("attr ") ? line.lastIndexOf(' ') + 1 : sp + 1));
        }
        String grid = InvertFixtures.SEISMIC_NZ + ", " + InvertFixtures.SEISMIC_NX;
        assertEquals("[4, 1, " + grid + "] float32", r.get("samples"), r.toString());
        for (String k : List.of("mean", "std", "q05")) {
            assertEquals("[1, " + grid + "] float32", r.get(k), k);
        }
        assertTrue(Double.parseDouble(r.get("mean_rel_err")) < 1e-5, r.toString());
        for (String a : List.of("strata_version", "config", "setting_seed", "misfit_seismic")) {
            assertEquals("True", r.get("attr " + a), a);
        }
        assertEquals("31", r.get("seed"));
    }
}
