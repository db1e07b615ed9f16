package dev.strata.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColormapTest {
    @Test
    void colormapEndsMatchPublishedValues() {
        assertClose(0x440154, Colormap.VIRIDIS.rgb(0.0));
        assertClose(0xfde725, Colormap.VIRIDIS.rgb(1.0));
        assertClose(0x21918c, Colormap.VIRIDIS.rgb(0.5)); // matplotlib viridis(0.5)
        assertClose(0x67001f, Colormap.RDBU.rgb(0.0));
        assertClose(0x053061, Colormap.RDBU.rgb(1.0));
        assertClose(0x053061, Colormap.RDBU_R.rgb(0.0));
        assertClose(0x00004c, Colormap.SEISMIC.rgb(0.0));
        assertClose(0x800000, Colormap.SEISMIC.rgb(1.0));
        assertClose(0x000000, Colormap.GREY.rgb(0.0));
        assertClose(0xffffff, Colormap.GREY.rgb(1.0));
    }

    @Test
    void divergingMapsAreNeutralAtTheCentre() {
        for (Colormap map : Colormap.values()) {
            if (map.diverging()) {
                int centre = map.rgb(0.5);
                int r = centre >> 16, g = (centre >> 8) & 0xff, b = centre & 0xff;
                assertTrue(Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) <= 2 && r > 0xf0,
                        map + " centre " + Integer.toHexString(centre));
            }
        }
    }

    @Test
    void outOfRangeValuesClampAndNanIsFlagged() {
        assertEquals(Colormap.VIRIDIS.rgb(0), Colormap.VIRIDIS.rgb(-3));
        assertEquals(Colormap.VIRIDIS.rgb(1), Colormap.VIRIDIS.rgb(7));
        assertEquals(Colormap.NAN_RGB, Colormap.VIRIDIS.rgb(Double.NaN));
    }

    @Test
    void viridisLightnessRisesMonotonically() {
        double previous = -1;
        for (int i = 0; i <= 255; i++) {
            int c = Colormap.VIRIDIS.rgb(i / 255.0);
            double luma = 0.2126 * (c >> 16) + 0.7152 * ((c >> 8) & 0xff) + 0.0722 * (c & 0xff);
            assertTrue(luma >= previous - 0.5, "at " + i);
            previous = luma;
        }
    }

    private static void assertClose(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xff;
            int a = (actual >> shift) & 0xff;
            assertTrue(Math.abs(e - a) <= 1, "expected #" + String.format("%06x", expected) + ", got #"
                    + String.format("%06x", actual));
        }
    }
}
