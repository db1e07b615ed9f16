package dev.strata.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldPlotTest {
    private static final int NZ = 80;
    private static final int NX = 100;
    private static final int P = 4;

    @TempDir
    Path dir;

    @Test
    void plotWritesPngOfExpectedSize() throws IOException {
        float[] field = new float[NZ * NX];
        for (int i = NZ / 2 * NX; i < field.length; i++) {
            field[i] = 1; // top half 0, bottom half 1
        }
        Panel panel = Panel.of("halves", field, NZ, NX, Colormap.VIRIDIS);
        FieldPlot plot = new FieldPlot(new FieldPlot.Options(2, P, FieldPlot.Text.BUILT_IN_FONT));
        Path png = dir.resolve("halves.png");

        BufferedImage rendered = plot.render("two panels", List.of(panel, panel.withMarkers(10)));
        plot.write(png, "two panels", List.of(panel, panel.withMarkers(10)));

        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(rendered.getWidth(), read.getWidth());
        assertEquals(rendered.getHeight(), read.getHeight());
        assertTrue(read.getWidth() > 2 * NX * P && read.getWidth() < 2 * NX * P + 400, "width " + read.getWidth());
        assertTrue(read.getHeight() > NZ * P && read.getHeight() < NZ * P + 150, "height " + read.getHeight());
        int halfField = (NZ / 2 * P) * (NX * P);
        int marker = 3 * (NZ / 2 * P);
        int bar = 16 * 4;
        long low = count(read, Colormap.VIRIDIS.rgb(0));
        long high = count(read, Colormap.VIRIDIS.rgb(1));
        assertTrue(low >= 2L * halfField - marker && low <= 2L * halfField + 2 * bar, "low-colour pixels " + low);
        assertTrue(high >= 2L * halfField - marker && high <= 2L * halfField + 2 * bar, "high-colour pixels " + high);
        assertEquals(1, countFiles(dir), "no temporary file left");
    }

    @Test
    void sharedRangeDrawsEqualValuesInEqualColours() {
        float[] truth = {0, 10, 20, 30};
        float[] mean = {10, 10, 10, 10};
        ValueRange shared = ValueRange.of(truth, mean);
        Panel a = Panel.of("truth", truth, 2, 2, Colormap.VIRIDIS).withRange(shared);
        Panel b = Panel.of("mean", mean, 2, 2, Colormap.VIRIDIS).withRange(shared);

        assertEquals(new ValueRange(0, 30), shared);
        assertEquals(a.effectiveRange(), b.effectiveRange());
        assertEquals(new ValueRange(10 - 0.5, 10 + 0.5), Panel.of("m", mean, 2, 2, Colormap.VIRIDIS).effectiveRange());
    }

    @Test
    void automaticRangeOfDivergingMapIsSymmetricAboutZero() {
        Panel trace = Panel.of("trace", new float[] {-0.5f, 2f, Float.NaN, 0f}, 1, 4, Colormap.SEISMIC);
        assertEquals(new ValueRange(-2, 2), trace.effectiveRange());
    }

    @Test
    void tickLabelsAreShortAndReadable() {
        assertEquals("1500", FieldPlot.label(1500));
        assertEquals("0.125", FieldPlot.label(0.125));
        assertEquals("0.3333", FieldPlot.label(1 / 3.0));
        assertEquals("-2.5e-5", FieldPlot.label(-2.5e-5));
        assertEquals("1.235e6", FieldPlot.label(1234567));
        assertEquals("0", FieldPlot.label(-0.0));
    }

    @Test
    void failedPlotWriteLeavesNoFileAndNamesThePath() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Path target = notADirectory.resolve("plot.png");
        FieldPlot plot = new FieldPlot(FieldPlot.Options.defaults().withText(FieldPlot.Text.BUILT_IN_FONT));
        List<Panel> panels = List.of(Panel.of("p", new float[4], 2, 2, Colormap.GREY));

        IOException e = assertThrows(IOException.class, () -> plot.write(target, "", panels));

        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(1, countFiles(dir));
    }

    @Test
    void automaticTextModeDrawsLabelsOnThisMachine() {
        FieldPlot plot = new FieldPlot();
        List<Panel> panels = List.of(Panel.of("", new float[] {0, 1}, 1, 2, Colormap.VIRIDIS));

        long untitledInk = nonWhite(plot.render("", panels));
        long titledInk = nonWhite(plot.render("WWWW", panels));

        assertTrue(titledInk > untitledInk + 20, "title drawn: " + untitledInk + " -> " + titledInk);
    }

    private static long nonWhite(BufferedImage image) {
        return (long) image.getWidth() * image.getHeight() - count(image, 0xffffff);
    }

    private static long count(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long countFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void axesAddTheirMarginsAndLeaveTheFieldPixelsAsTheyWere() {
        float[] field = new float[NZ * NX];
        for (int i = 0; i < field.length; i++) {
            field[i] = i % NX;
        }
        Panel plain = Panel.of("v", field, NZ, NX, Colormap.VIRIDIS);
        Panel withAxes = plain.withAxes(2, 10, "depth (m)", "distance (m)");
        FieldPlot plot = new FieldPlot(new FieldPlot.Options(1, P, FieldPlot.Text.BUILT_IN_FONT));
        BufferedImage a = plot.render("", List.of(plain));
        BufferedImage b = plot.render("", List.of(withAxes));
        FieldPlot.AxisMargins m = plot.axisMargins(withAxes);
        assertTrue(m.left() > 20 && m.bottom() > 20, m.toString());
        assertEquals(a.getWidth() + m.left(), b.getWidth());
        int halfTick = 9 + 1;
        assertEquals(a.getHeight() - halfTick + m.bottom(), b.getHeight());
        int x0 = 16 + 1;
        int y0 = 16 + 2 * 9 + 10 + 1;
        for (int z = 0; z < NZ * P; z += 7) {
            for (int x = 0; x < NX * P; x += 5) {
                assertEquals(a.getRGB(x0 + x, y0 + z), b.getRGB(x0 + m.left() + x, y0 + z), "pixel " + x + "," + z);
            }
        }
        assertEquals(new FieldPlot.AxisMargins(0, 0), plot.axisMargins(plain));
    }

    @Test
    void resamplingScalesTheAxesSoTheExtentStays() {
        Panel p = Panel.of("shot", new float[2000 * 100], 2000, 100, Colormap.SEISMIC)
                .withAxes(0.001, 1, "time (s)", "receiver");
        Panel fitted = p.fitTo(200, 100, Panel.Resampling.AREA_AVERAGE);
        assertEquals(2.0, fitted.nz() * fitted.axes().rowStep(), 1e-9);
        assertEquals(100.0, fitted.nx() * fitted.axes().columnStep(), 1e-9);
        assertEquals("time (s)", fitted.axes().rowLabel());
    }
}
