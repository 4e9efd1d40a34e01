package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.nn.internal.ErrorFunction;
import org.junit.jupiter.api.Test;

/** erf against Python's math.erf (the C library's), across the series, continued-fraction and saturated ranges. */
class ErfTest {
    private static final double[][] PYTHON_MATH_ERF = {
        {-3.0, -0.9999779095030014}, {-1.5, -0.9661051464753108}, {-0.5, -0.5204998778130465},
        {-1e-8, -1.1283791670955126e-08}, {0.0, 0.0}, {0.1, 0.1124629160182849}, {0.5, 0.5204998778130465},
        {1.0, 0.8427007929497149}, {1.4999, 0.9660932516622953}, {1.5, 0.9661051464753108},
        {2.0, 0.9953222650189527}, {2.5, 0.999593047982555}, {3.5, 0.9999992569016276},
        {5.0, 0.9999999999984626}, {5.99, 1.0}, {6.0, 1.0}, {10.0, 1.0},
    };

    @Test
    void matchesTheCLibraryToAFewUlp() {
        for (double[] c : PYTHON_MATH_ERF) {
            assertEquals(c[1], ErrorFunction.erf(c[0]), 5 * Math.ulp(c[1]) + Double.MIN_VALUE, "erf(" + c[0] + ")");
        }
    }

    @Test
    void edgeValues() {
        assertEquals(1.0, ErrorFunction.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, ErrorFunction.erf(Double.NEGATIVE_INFINITY));
        assertEquals(Double.NaN, ErrorFunction.erf(Double.NaN));
        assertEquals(-0.0, ErrorFunction.erf(-0.0));
    }

    @Test
    void isOddAndIncreasing() {
        double previous = -1;
        for (double x = -7; x <= 7; x += 0.01) {
            double y = ErrorFunction.erf(x);
            assertEquals(-y, ErrorFunction.erf(-x));
            assertEquals(true, y >= previous, "erf must not decrease at " + x);
            previous = y;
        }
    }
}
