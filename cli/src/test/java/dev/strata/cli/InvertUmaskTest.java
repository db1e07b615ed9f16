package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The files of a run take the user's umask, as files made by any other tool would. */
class InvertUmaskTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "umask {0} gives {1}")
    @CsvSource({"022, rw-r--r--", "077, rw-------"})
    void outputFilesRespectTheUmask(String umask, String expected) throws Exception {
        Path model = InvertFixtures.seismicModel(tmp);
        Path out = tmp.resolve("out");
        List<String> java = InvertFixtures.childCommand(List.of(), "invert", "--problem", "seismic", "--true",
                model.toString(), "--samples", "2", "--batch", "1", "--steps", "4", "--out", out.toString());
        String line = "umask " + umask + "; exec " + java.stream().map(InvertFixtures::shellQuote)
                .collect(Collectors.joining(" "));
        InvertFixtures.runChild(List.of("sh", "-c", line), tmp.resolve("child.log"));
        List<Path> files = new ArrayList<>(List.of(out.resolve("posterior.h5"), out.resolve("posterior.png"),
                out.resolve("manifest.json")));
        for (String shard : InvertFixtures.shardFiles(out)) {
            files.add(out.resolve("shards").resolve(shard));
        }
        assertEquals(5, files.size(), files.toString());
        for (Path f : files) {
            assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        }
    }
}
