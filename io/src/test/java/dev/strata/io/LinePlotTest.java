package dev.strata.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinePlotTest {
    private static final LinePlot PLOT = new LinePlot(new LinePlot.Options(500, 320, FieldPlot.Text.BUILT_IN_FONT));

    @TempDir
    Path dir;

    private static LinePlot.Chart trace(boolean logY) {
        double[] step = new double[50];
        double[] wrmse = new double[50];
        for (int i = 0; i < 50; i++) {
            step[i] = i + 1;
            wrmse[i] = 40 * Math.exp(-i / 8.0) + 0.9;
        }
        return new LinePlot.Chart("WRMSE per step", "reverse step", "WRMSE",
                List.of(LinePlot.Series.line("seismic", step, wrmse)), logY,
                List.of(new LinePlot.Reference(1, "WRMSE = 1")));
    }

    @Test
    void aLegendTooLargeForThePlotGoesBelowItAndTheImageGrows() {
        List<LinePlot.Series> many = new java.util.ArrayList<>();
        for (int k = 0; k < 8; k++) {
            many.add(LinePlot.Series.line("backend " + k + " @ a machine with a rather long descriptive name",
                    new double[] {0, 1}, new double[] {k, k + 1}));
        }
        LinePlot.Chart crowded = new LinePlot.Chart("crowded", "x", "y", many, false, List.of());
        BufferedImage image = PLOT.render(crowded);
        assertTrue(image.getHeight() > 320, "the image grows by the legend: " + image.getHeight());
        LinePlot.Frame f = PLOT.frame(crowded);
        assertTrue(PLOT.legendBelow(crowded, f.right() - f.left(), f.bottom() - f.top()));
        int coloured = 0;
        for (int y = 320; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16;
                int gr = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                coloured += Math.max(r, Math.max(gr, b)) - Math.min(r, Math.min(gr, b)) > 60 ? 1 : 0;
            }
        }
        assertTrue(coloured > 8 * 20, "the series' samples are drawn below the plot: " + coloured + " pixels");
        assertEquals(320, PLOT.render(trace(false)).getHeight(), "a small legend stays over the plot");
    }

    @Test
    void barsLeaveNoRoomAboveThemForALegendThatGoesBelowAndALongLegendWidensTheImage() {
        double[] x = {1, 2};
        List<LinePlot.Series> parts = new java.util.ArrayList<>();
        for (int k = 0; k < 8; k++) {
            parts.add(LinePlot.Series.bars("part " + k, x, new double[] {1 - k / 8.0, 1 - k / 8.0}));
        }
        LinePlot.Chart split = new LinePlot.Chart("split", "case", "share", parts, false, List.of());
        LinePlot.Frame f = PLOT.frame(split);
        assertTrue(PLOT.legendBelow(split, f.right() - f.left(), f.bottom() - f.top()));
        assertTrue(f.py(1) < f.top() + 0.1 * (f.bottom() - f.top()), "the tallest bar near the top: " + f);
        String longName = "a series named at such length that its legend is wider than the whole image asked for";
        LinePlot.Chart wide = new LinePlot.Chart("wide", "x", "y", List.of(LinePlot.Series.line(longName,
                new double[] {0, 1}, new double[] {0, 1})), false, List.of());
        assertTrue(PLOT.render(wide).getWidth() > 500, "the image widens to hold the legend");
    }

    @Test
    void writesAPngOfTheAskedSize() throws IOException {
        Path png = dir.resolve("trace.png");
        PLOT.write(png, trace(true));
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(500, read.getWidth());
        assertEquals(320, read.getHeight());
    }

    @Test
    void dataRangeMapsOntoThePlotArea() {
        LinePlot.Frame f = PLOT.frame(trace(false));
        assertTrue(f.left() > 16 && f.right() < 500 && f.top() > 16 && f.bottom() < 320, f.toString());
        assertEquals(f.left(), f.px(1));
        assertEquals(f.right(), f.px(50));
        assertTrue(f.py(40.9) > f.top() && f.py(40.9) < f.top() + 10, "max near the top: " + f.py(40.9));
        assertTrue(f.py(0.9) < f.bottom() && f.py(0.9) > f.bottom() - 10, "min near the bottom: " + f.py(0.9));
        for (double t : f.xTicks()) {
            assertTrue(f.px(t) >= f.left() && f.px(t) <= f.right(), "x tick " + t);
        }
        for (double t : f.yTicks()) {
            assertTrue(f.py(t) >= f.top() && f.py(t) <= f.bottom(), "y tick " + t);
        }
    }

    @Test
    void logAxisPutsEqualRatiosAtEqualDistances() {
        LinePlot.Frame f = PLOT.frame(trace(true));
        assertEquals(f.py(1) - f.py(10), f.py(10) - f.py(100), 1);
        assertEquals(List.of(1.0, 10.0), f.yTicks());
    }

    @Test
    void aLineWhoseColourRepeatsAnEarlierOneIsDashed() {
        // eleven flat lines: the palette's ten colours, then the first colour again
        List<LinePlot.Series> lines = new java.util.ArrayList<>();
        for (int k = 0; k <= 10; k++) {
            lines.add(LinePlot.Series.line("line " + k, new double[] {0, 1}, new double[] {k, k}));
        }
        LinePlot.Chart chart = new LinePlot.Chart("eleven lines", "x", "y", lines, false, List.of());
        LinePlot.Frame f = PLOT.frame(chart);
        BufferedImage image = PLOT.render(chart);
        int colour = LinePlot.colour(0).getRGB();
        assertEquals(colour, LinePlot.colour(10).getRGB(), "the palette has ten colours");
        double solid = coverage(image, f, f.py(0), colour);
        double repeated = coverage(image, f, f.py(10), colour);
        assertTrue(solid > 0.95, "the first line is solid: " + solid);
        assertTrue(repeated > 0.4 && repeated < 0.8, "the line that repeats its colour is dashed: " + repeated);
    }

    /** The share of the plot area's columns whose pixel at row y has {@code colour}. */
    private static double coverage(BufferedImage image, LinePlot.Frame f, int y, int colour) {
        int hits = 0;
        for (int x = f.left() + 1; x < f.right(); x++) {
            if (image.getRGB(x, y) == colour) {
                hits++;
            }
        }
        return hits / (double) (f.right() - f.left() - 1);
    }

    @Test
    void theLineIsDrawnInsideThePlotAreaAcrossItsWidth() {
        LinePlot.Chart chart = trace(false);
        LinePlot.Frame f = PLOT.frame(chart);
        BufferedImage image = PLOT.render(chart);
        int colour = LinePlot.colour(0).getRGB();
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == colour) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertTrue(minX >= f.left() && maxX <= f.right() && minY >= f.top() && maxY <= f.bottom(),
                "series pixels " + minX + ".." + maxX + " x " + minY + ".." + maxY + " outside " + f);
        assertTrue(maxX - minX > 0.95 * (f.right() - f.left()), "series spans " + minX + ".." + maxX);
        assertTrue(maxY - minY > 0.9 * (f.bottom() - f.top()), "series spans " + minY + ".." + maxY);
    }

    @Test
    void stackedBarsFillFromZeroToEachSeriesValueInTheirOwnColour() {
        double[] x = {1, 2, 3};
        LinePlot.Chart chart = new LinePlot.Chart("time split", "case", "share", List.of(
                LinePlot.Series.bars("total", x, new double[] {1, 1, 1}),
                LinePlot.Series.bars("first part", x, new double[] {0.4, 0.7, 0.1})), false, List.of());
        LinePlot.Frame f = PLOT.frame(chart);
        BufferedImage image = PLOT.render(chart);
        int total = LinePlot.colour(0).getRGB();
        int first = LinePlot.colour(1).getRGB();
        assertEquals(first, image.getRGB(f.px(1), f.py(0.2)));
        assertEquals(total, image.getRGB(f.px(1), f.py(0.6)));
        assertEquals(first, image.getRGB(f.px(2), f.py(0.6)));
        assertEquals(total, image.getRGB(f.px(3), f.py(0.9)));
        assertTrue(f.py(0) <= f.bottom() && f.py(0) > f.bottom() - 10, "the bars' base at the bottom: " + f);
        int between = f.px(1.5);
        assertTrue(image.getRGB(between, f.py(0.5)) != total && image.getRGB(between, f.py(0.5)) != first,
                "a gap between bars");
        int halfBar = (f.px(1 + 0.6 / 2) - f.px(1 - 0.6 / 2)) / 2;
        assertEquals(total, image.getRGB(f.px(1) + halfBar - 2, f.py(0.6)), "0.6 of the spacing wide");
        assertTrue(image.getRGB(f.px(1) + halfBar + 3, f.py(0.6)) != total, "not wider than 0.6 of the spacing");
        assertTrue(f.px(1 - 0.3) > f.left() && f.px(3 + 0.3) < f.right(), "whole bars inside the plot area");
    }
}
