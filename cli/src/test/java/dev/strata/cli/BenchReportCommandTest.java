package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void reportMergesTheJsonLinesOfOtherRuns() throws Exception {
        Path a = tmp.resolve("a.jsonl");
        Files.writeString(a, "{\"bench\":\"wave-stencil\",\"n\":1024,\"backend\":\"jvm\",\"device\":\"d\",\"threads\":2,"
                + "\"seconds\":0.5,\"mpts\":1000.0,\"ratio\":0.9,\"roofline\":0.8,\"machine\":\"node-a\"}\n");
        Path b = tmp.resolve("b.jsonl");
        Files.writeString(b, Files.readString(a).replace("node-a", "node-b").replace("1000.0", "2000.0"));
        Path out = tmp.resolve("report");
        CliRunner r = CliRunner.run("bench", "--report", out.toString(), "--merge", a.toString(), "--merge",
                b.toString());
        assertEquals(0, r.exitCode(), r.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## node-a") && md.contains("## node-b"), md);
        assertTrue(Files.exists(out.resolve("stencil.png")));
    }

    @Test
    void aMissingMergeFileIsOneLineAndExitCodeTwo() {
        Path out = tmp.resolve("report");
        CliRunner r = CliRunner.run("bench", "--report", out.toString(), "--merge", tmp.resolve("nope.jsonl").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--merge") && r.err().contains("fix:"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }
}
