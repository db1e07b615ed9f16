package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata merge} of the JSON-lines files of a bench matrix: their lines in one file, or one clear refusal. */
class MergeBenchLinesTest {
    @TempDir
    Path tmp;

    @Test
    void mergeConcatenatesTheTasksLinesInTheOrderGiven() throws Exception {
        Path a = Files.writeString(tmp.resolve("task-0.jsonl"), "{\"bench\":\"wave-stencil\",\"n\":256}\n");
        Path b = Files.writeString(tmp.resolve("task-1.jsonl"), "{\"n\":512}\n\n{\"n\":512,\"impl\":\"x\"}\n");
        Path out = tmp.resolve("bench.jsonl");
        CliRunner r = InvertFixtures.runOk("merge", "--out", out.toString(), a.toString(), b.toString());
        assertTrue(r.out().contains("3 lines from 2 file(s)"), r.out());
        assertEquals("{\"bench\":\"wave-stencil\",\"n\":256}\n{\"n\":512}\n{\"n\":512,\"impl\":\"x\"}\n",
                Files.readString(out));
    }

    @Test
    void mergeRefusesALineThatIsNotJson() throws Exception {
        Path a = Files.writeString(tmp.resolve("task-0.jsonl"), "{\"n\":256}\n");
        Path b = Files.writeString(tmp.resolve("task-1.jsonl"), "{\"n\":512}\nException in thread main\n");
        Path out = tmp.resolve("bench.jsonl");
        CliRunner r = CliRunner.run("merge", "--out", out.toString(), a.toString(), b.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("task-1.jsonl line 2 is not a JSON object"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void mergeRefusesAnEmptyTaskFileAndAMixOfStoresAndFiles() throws Exception {
        Path a = Files.writeString(tmp.resolve("task-0.jsonl"), "{\"n\":256}\n");
        Path empty = Files.writeString(tmp.resolve("task-1.jsonl"), "");
        CliRunner r = CliRunner.run("merge", "--out", tmp.resolve("o.jsonl").toString(), a.toString(),
                empty.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("holds no line"), r.err());
        CliRunner mixed = CliRunner.run("merge", "--out", tmp.resolve("o").toString(), a.toString(), tmp.toString());
        assertEquals(2, mixed.exitCode(), mixed.err());
        assertTrue(mixed.err().contains("not a mix"), mixed.err());
    }
}
