package dev.strata.io;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AxisTicksTest {

    @Test
    void depthOf160MetresGetsRoundTicksInsideTheExtent() {
        assertEquals(List.of(0.0, 50.0, 100.0, 150.0), AxisTicks.linear(0, 160, 5));
        assertEquals(List.of(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0), AxisTicks.linear(0, 1000, 6));
    }

    @Test
    void ticksAreMultiplesOfOneTwoOrFiveAndStayInside() {
        double[][] cases = {{0, 0.996}, {-3.7, 12.2}, {0.13, 0.19}, {0, 2001 * 0.001}, {1e-6, 7e-6}, {0, 99}};
        for (double[] c : cases) {
            for (int max = 2; max <= 8; max++) {
                List<Double> t = AxisTicks.linear(c[0], c[1], max);
                if (t.equals(List.of(c[0], c[1])) || t.size() == 1) {
                    assertTrue(t.getFirst() >= c[0] && t.getLast() <= c[1], t.toString());
                    continue; // no round number, or just one, fits
                }
                assertTrue(t.size() >= 1 && t.size() <= max, c[0] + ".." + c[1] + " max " + max + ": " + t);
                double step = t.get(1) - t.get(0);
                double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
                assertTrue(List.of(1L, 2L, 5L).contains(Math.round(mantissa)) && Math.abs(mantissa
                        - Math.round(mantissa)) < 1e-6, "step " + step);
                for (double v : t) {
                    assertTrue(v >= c[0] - 1e-9 * step && v <= c[1] + 1e-9 * step, v + " outside " + c[0] + ".."
                            + c[1]);
                    assertEquals(0, Math.abs(v / step - Math.rint(v / step)), 1e-6, v + " not a multiple of " + step);
                }
            }
        }
    }

    @Test
    void spanAsWideAsTheLimitAllowsGetsAtLeastTwoTicks() {
        assertTrue(AxisTicks.linear(0, 160, 5).size() >= 2);
        assertEquals(List.of(7.0), AxisTicks.linear(7, 7, 4));
        assertEquals(List.of(0.15), AxisTicks.linear(0.13, 0.19, 2));
        assertEquals(List.of(0.14, 0.16, 0.18), AxisTicks.linear(0.13, 0.19, 3).stream()
                .map(v -> Math.round(v * 100) / 100.0).toList());
    }

    @Test
    void logarithmicTicksAreThePowersOfTenInside() {
        assertEquals(List.of(0.1, 1.0, 10.0, 100.0), AxisTicks.logarithmic(0.05, 300));
        assertEquals(List.of(2.0, 3.0), AxisTicks.logarithmic(2, 3));
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.logarithmic(0, 1));
    }

    @Test
    void labelsAreShortAndRound() {
        assertEquals("150", AxisTicks.label(150.0));
        assertEquals("0.2", AxisTicks.label(0.2 + 1e-17));
        assertEquals("1e6", AxisTicks.label(1e6));
    }
}
