package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelResamplingTest {

    /** A 2001 x 200 shot gather fitted to 250 rows is drawn under 400 pixels tall; unfitted it needs over 2001. */
    @Test
    void longGatherFittedToATargetHeightYieldsAShortPng() {
        float[] gather = new float[2001 * 200];
        for (int i = 0; i < gather.length; i++) {
            gather[i] = (float) Math.sin(i * 0.01);
        }
        Panel panel = Panel.of("shot 0", gather, 2001, 200, Colormap.SEISMIC);
        FieldPlot plot = new FieldPlot(FieldPlot.Options.defaults().withPixelsPerCell(1));
        Panel fitted = panel.fitTo(250, 250, Panel.Resampling.AREA_AVERAGE);
        assertEquals(250, fitted.nz());
        assertEquals(25, fitted.nx(), "aspect kept: 200 x 250 / 2001");
        BufferedImage image = plot.render("", List.of(fitted));
        assertTrue(image.getHeight() <= 400, "fitted height " + image.getHeight());
        assertTrue(plot.render("", List.of(panel)).getHeight() > 2001, "the check must fail unfitted");
    }

    @Test
    void areaAverageAndNearestOnAKnownField() {
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8};
        Panel p = Panel.of("p", v, 2, 4, Colormap.SEISMIC).withMarkers(3);
        Panel mean = p.resampled(1, 2, Panel.Resampling.AREA_AVERAGE);
        assertArrayEquals(new float[] {3.5f, 5.5f}, mean.values());
        assertArrayEquals(new int[] {1}, mean.markerColumns());
        assertEquals(p.effectiveRange(), mean.range(), "colours stay those of the full field");
        assertArrayEquals(new float[] {6, 8}, p.resampled(1, 2, Panel.Resampling.NEAREST).values());
        assertArrayEquals(new float[] {4.5f}, p.resampled(1, 1, Panel.Resampling.AREA_AVERAGE).values());
        assertSame(p, p.fitTo(10, 10, Panel.Resampling.NEAREST), "a field that fits is drawn as it is");
    }
}
