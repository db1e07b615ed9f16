package dev.strata.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
    @TempDir
    Path tmp;

    private static SuiteRow stencil(String machine, String backend, int n, int threads, double mpts) {
        return new SuiteRow("wave-stencil", n, backend, "dev", threads, 1.0, mpts, mpts / 1000, mpts / 1800,
                Map.of("machine", machine));
    }

    @Test
    void rowsCarryTheFieldsTheIssueNames() throws IOException {
        SuiteRow r = stencil("m1", "jvm", 1024, 2, 900).with("ratioToForward", 2.5);
        Path f = tmp.resolve("rows.jsonl");
        Files.writeString(f, r.json() + "\n");
        Map<String, Object> back = BenchReport.read(f).get(0);
        for (String key : List.of("bench", "n", "backend", "device", "threads", "seconds", "mpts", "ratio",
                "roofline", "ratioToForward", "machine")) {
            assertTrue(back.containsKey(key), key + " missing from " + r.json());
        }
        assertEquals(900.0, ((Number) back.get("mpts")).doubleValue());
        assertEquals(0.5, ((Number) back.get("roofline")).doubleValue(), 1e-12);
    }

    @Test
    void aTornadoVmRowNamesItsDevice() throws IOException {
        SuiteRow gpu = new SuiteRow("wave-stencil", 4096, "tornadovm:0", "NVIDIA H200 GPU (available)", 16, 1.0,
                13000, 1.0, 0.09, Map.of("machine", "node-g"));
        Path dir = tmp.resolve("device-report");
        BenchReport.write(dir, List.of(BenchReport.read(write("gpu.jsonl", gpu)).get(0),
                BenchReport.read(write("cpu.jsonl", stencil("node-g", "jvm", 4096, 16, 6000))).get(0)));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| wave-stencil | 4096 | tornadovm:0 (NVIDIA H200 GPU) | 16 |"), md);
        assertTrue(md.contains("| wave-stencil | 4096 | jvm | 16 |"), "a JVM row keeps its plain backend: " + md);
    }

    private Path write(String name, SuiteRow row) throws IOException {
        return Files.writeString(tmp.resolve(name), row.json() + "\n");
    }

    @Test
    void twoMachinesMergeIntoOneReportWithPlots() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String machine : List.of("alpha", "beta")) {
            Path f = tmp.resolve(machine + ".jsonl");
            StringBuilder sb = new StringBuilder();
            for (int n : new int[] {256, 1024, 4096}) {
                sb.append(stencil(machine, "jvm", n, 2, n / 2.0).json()).append('\n');
            }
            sb.append(stencil(machine, "jvm", 1024, 1, 300).json()).append('\n');
            Files.writeString(f, sb.toString());
            rows.addAll(BenchReport.read(f));
        }
        Path dir = tmp.resolve("report");
        List<Path> written = BenchReport.write(dir, rows);
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## alpha") && md.contains("## beta"), md);
        for (String png : List.of("stencil.png", "roofline.png", "threads.png")) {
            assertTrue(written.contains(dir.resolve(png)) && Files.size(dir.resolve(png)) > 1000, png);
        }
        assertEquals(8, md.lines().filter(l -> l.startsWith("| wave-stencil")).count());
        assertTrue(!written.contains(dir.resolve("split.png")) && !md.contains("split.png"),
                "no time split without posterior rows");
    }

    @Test
    void timeSplitGivesEachPartAsAShareOfTheStep() throws IOException {
        Map<String, Object> row = new LinkedHashMap<>(Map.of("bench", "posterior-sample", "n", 2, "backend", "jvm",
                "threads", 2, "seconds", 1.0, "problem", "darcy", "prior", "network:darcy", "machine", "alpha",
                "secondsPerStepPerSample", 0.04));
        row.put("split_ioPerSample", 0.1);
        row.put("split_physics_forwardPerSample", 0.2);
        row.put("split_networkPerSample", 0.1);
        Path dir = tmp.resolve("split");
        List<Path> written = BenchReport.write(dir, List.of(row));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(written.contains(dir.resolve("split.png")) && Files.size(dir.resolve("split.png")) > 1000, md);
        assertTrue(md.contains("| case | machine | problem | prior | seconds per step per sample | network |"
                + " physics forward | io |"), md);
        assertTrue(md.contains("| 1 | alpha | darcy | network:darcy | 0.0400 | 25.0 % | 50.0 % | 25.0 % |"), md);
    }

    @Test
    void posteriorRowsNameTheirProblemAndPrior() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String problem : List.of("fwi", "darcy")) {
            rows.add(new LinkedHashMap<>(Map.of("bench", "posterior-sample", "n", 2, "backend", "jvm", "threads", 2,
                    "seconds", 1.0, "problem", problem, "prior", "network:" + problem, "machine", "alpha")));
        }
        BenchReport.write(tmp.resolve("posterior"), rows);
        String md = Files.readString(tmp.resolve("posterior").resolve("report.md"));
        assertTrue(md.contains("problem fwi, prior network:fwi") && md.contains("problem darcy, prior network:darcy"),
                md);
    }

    @Test
    void aRowTimedWhileTheJitStillCompiledIsMarked() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (boolean settled : new boolean[] {true, false}) {
            rows.add(new LinkedHashMap<>(Map.of("bench", settled ? "darcy-gradient" : "darcy-solve", "n", 64,
                    "backend", "jvm", "threads", 2, "seconds", 0.001, "settled", settled, "machine", "alpha")));
        }
        BenchReport.write(tmp.resolve("settled"), rows);
        List<String> marked = Files.readAllLines(tmp.resolve("settled").resolve("report.md")).stream()
                .filter(l -> l.startsWith("| darcy-") && l.contains("*JIT still compiling*")).toList();
        assertEquals(1, marked.size(), marked.toString());
        assertTrue(marked.get(0).startsWith("| darcy-solve "), marked.get(0));
    }

    @Test
    void aLineThatIsNotJsonIsNamedWithItsLineNumber() throws IOException {
        Path f = tmp.resolve("bad.jsonl");
        Files.writeString(f, stencil("m", "jvm", 64, 1, 1).json() + "\n{\"bench\": [unclosed\n");
        IOException e = assertThrows(IOException.class, () -> BenchReport.read(f));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void medianIsTheMiddleValueNotTheBest() {
        assertEquals(3.0, Timing.median(new double[] {9, 1, 3}));
        assertEquals(2.5, Timing.median(new double[] {4, 1, 2, 3}));
    }
}
