package io.github.backprop4j.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are Python's own: {@code '{:.4f}'.format(v)} and {@code '{:.4e}'.format(v)}. */
class PythonFloatFormatTest {
    @Test
    void fixedRoundsTiesToEvenOnTheExactValue() {
        assertEquals("0.1250", PythonFloatFormat.fixed(0.125, 4));
        assertEquals("0", PythonFloatFormat.fixed(0.5, 0));
        assertEquals("2", PythonFloatFormat.fixed(2.5, 0));
        assertEquals("4", PythonFloatFormat.fixed(3.5, 0));
        assertEquals("0.0312", PythonFloatFormat.fixed(0.03125, 4));
        assertEquals("1.0001", PythonFloatFormat.fixed(1.00005, 4)); // the double is just above the tie
        assertEquals("10.0000", PythonFloatFormat.fixed(9.99995, 4));
        assertEquals("123456.5000", PythonFloatFormat.fixed(123456.5, 4));
    }

    @Test
    void fixedKeepsTheSignOfNegativeZeroAndOfValuesRoundingToZero() {
        assertEquals("-0.0000", PythonFloatFormat.fixed(-0.0, 4));
        assertEquals("-0.0000", PythonFloatFormat.fixed(-1e-7, 4));
        assertEquals("-0", PythonFloatFormat.fixed(-0.0, 0));
    }

    @Test
    void scientific() {
        assertEquals("1.0000e+12", PythonFloatFormat.scientific(1e12, 4));
        assertEquals("-1.0000e+12", PythonFloatFormat.scientific(-1e12, 4));
        assertEquals("1.0000e-05", PythonFloatFormat.scientific(1e-5, 4));
        assertEquals("1.0000e+01", PythonFloatFormat.scientific(9.99995, 4));
        assertEquals("1.2346e+05", PythonFloatFormat.scientific(123456.5, 4));
        assertEquals("1.0000e+308", PythonFloatFormat.scientific(1e308, 4));
        assertEquals("4.9407e-324", PythonFloatFormat.scientific(Double.MIN_VALUE, 4));
        assertEquals("0.0000e+00", PythonFloatFormat.scientific(0.0, 4));
        assertEquals("-0.0000e+00", PythonFloatFormat.scientific(-0.0, 4));
        assertEquals("1.2500e-01", PythonFloatFormat.scientific(0.125, 4));
    }

    @Test
    void nonFinite() {
        assertEquals("nan", PythonFloatFormat.fixed(Double.NaN, 4));
        assertEquals("inf", PythonFloatFormat.scientific(Double.POSITIVE_INFINITY, 4));
        assertEquals("-inf", PythonFloatFormat.fixed(Double.NEGATIVE_INFINITY, 0));
    }
}
