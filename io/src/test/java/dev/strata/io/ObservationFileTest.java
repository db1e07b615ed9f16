package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.io.Observations.HeadData;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.Observations.SeismicSection;
import dev.strata.io.Observations.WellLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationFileTest {
    @TempDir
    Path tmp;

    private static final ModelGrid GRID = new ModelGrid(4, 3, 2, 10, List.of("facies", "impedance"),
            List.of("1", "m/s*g/cm3"));

    private static Observations seismicAndWells(float[] truth) {
        SeismicSection s = new SeismicSection(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 4, 3,
                new float[] {0.5f, 1, 0.5f, 0}, 0.002, true, 0.1, 0.05);
        WellLog w = new WellLog("A-1", new float[] {0, 2, 4}, new float[] {10, 12, 14}, List.of("impedance"),
                new float[] {6000, 6100, 6200}, new double[] {50});
        return new Observations("seismic+wells", GRID, s, List.of(w), null, null, truth, null);
    }

    @Test
    void seismicAndWellsRoundTripWithoutTrueModel() throws IOException {
        Path f = tmp.resolve("obs.h5");
        ObservationFile.write(f, seismicAndWells(null));
        Observations back = ObservationFile.read(f);
        assertEquals("seismic+wells", back.problem());
        assertEquals(GRID, back.grid());
        assertNull(back.truth());
        assertArrayEquals(new float[] {0.5f, 1, 0.5f, 0}, back.seismic().wavelet());
        assertTrue(back.seismic().sameRows());
        assertEquals(0.05, back.seismic().noiseB());
        assertEquals("A-1", back.wells().getFirst().name());
        assertArrayEquals(new float[] {6000, 6100, 6200}, back.wells().getFirst().values());
    }

    @Test
    void darcyRoundTripWithTrueModel() throws IOException {
        ModelGrid g = new ModelGrid(2, 2, 5, 5, List.of("log_conductivity"), List.of("ln(m/s)"));
        HeadData h = new HeadData(new float[] {0.5f}, new float[] {2, 3}, new float[] {1, 1, 1e-4f},
                List.of("no-flow", "no-flow", "head:1", "head:0"), 0.01);
        Path f = tmp.resolve("d.h5");
        ObservationFile.write(f, new Observations("darcy", g, null, List.of(), null, h, new float[] {1, 2, 3, 4},
                null));
        Observations back = ObservationFile.read(f);
        assertArrayEquals(new float[] {1, 2, 3, 4}, back.truth());
        assertEquals(List.of("no-flow", "no-flow", "head:1", "head:0"), back.heads().sides());
        assertArrayEquals(new float[] {1, 1, 1e-4f}, back.heads().wells());
    }

    @Test
    void fileWithoutSchemaIsRefusedNamingTheFileAndTheFix() throws IOException {
        Path f = tmp.resolve("other.h5");
        new Hdf5Writer().putFloats("x", new float[] {1}, 1).write(f);
        IOException e = assertThrows(IOException.class, () -> ObservationFile.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("fix:"), e.getMessage());
    }

    @Test
    void notHdf5IsRefused() throws IOException {
        Path f = Files.writeString(tmp.resolve("text.h5"), "plain text");
        assertThrows(IOException.class, () -> ObservationFile.read(f));
    }

    @Test
    void nonFiniteDataAreRefusedByPosition() {
        float[] data = new float[12];
        data[5] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SeismicSection(data, 4,
                3, new float[] {1}, 0.002, true, 0.1, 0));
        assertTrue(e.getMessage().contains("index 5"), e.getMessage());
    }
}
