package io.github.backprop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToleranceTest {
    @Test
    void relativePartScalesWithTheExpectedValueAndAbsolutePartIsTheFloor() {
        Tolerance t = Tolerance.of(1e-3, 1e-6);
        assertTrue(t.accepts(1000, 1000.9));
        assertFalse(t.accepts(1000, 1001.1));
        assertTrue(t.accepts(0, 9e-7));
        assertFalse(t.accepts(0, 2e-6));
    }

    @Test
    void largerOfTakesTheLargerBoundNotTheirSum() {
        Tolerance t = Tolerance.largerOf(6e-5, 1e-4);
        assertTrue(t.accepts(0.1, 0.1 + 5.9e-5));
        assertFalse(t.accepts(0.1, 0.1 + 6.1e-5), "the sum 6e-5 + 1e-5 would accept it");
        assertTrue(t.accepts(1e12, 1e12 + 0.99e8));
        assertFalse(t.accepts(1e12, 1e12 + 1.01e8));
        assertTrue(t.accepts(-1e12, -1e12 - 0.99e8));
    }

    @Test
    void nanMatchesOnlyNanAndInfinityOnlyItself() {
        Tolerance loose = Tolerance.absolute(1e300);
        assertTrue(loose.accepts(Double.NaN, Double.NaN));
        assertFalse(loose.accepts(Double.NaN, 0));
        assertFalse(loose.accepts(0, Double.NaN));
        assertTrue(loose.accepts(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertFalse(loose.accepts(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertFalse(loose.accepts(Double.POSITIVE_INFINITY, 1e308));
        assertTrue(Tolerance.EXACT.accepts(Double.NaN, Double.NaN));
        assertFalse(Tolerance.EXACT.accepts(1, Math.nextUp(1.0)));
    }

    @Test
    void theAssertionNamesTheElementAndComparesShapesFirst() {
        Tolerance t = Tolerance.absolute(0.01);
        AssertionError e = assertThrows(AssertionError.class,
                () -> t.assertClose(new double[] {1, 2, 3}, new double[] {1, 2.5, 3}, "grad"));
        assertTrue(e.getMessage().startsWith("grad: element 1 is 2.5"), e.getMessage());
        AssertionError shape = assertThrows(AssertionError.class,
                () -> t.assertClose(new int[] {2, 1}, new double[] {1, 2}, new int[] {1, 2}, new double[] {1, 2}, "y"));
        assertTrue(shape.getMessage().contains("shape [1, 2] instead of [2, 1]"), shape.getMessage());
        assertThrows(AssertionError.class, () -> t.assertClose(new double[] {1}, new double[] {1, 2}, "n"));
        assertDoesNotThrow(() -> t.assertClose(new double[] {1, Double.NaN}, new double[] {1.005, Double.NaN}, "ok"));
    }

    @Test
    void maxAbsDifferenceIsInfiniteWhereNanDisagrees() {
        assertEquals(0.5, Tolerance.maxAbsDifference(new double[] {1, 2}, new double[] {1.5, 2}));
        assertEquals(0, Tolerance.maxAbsDifference(new double[] {Double.NaN}, new double[] {Double.NaN}));
        assertEquals(Double.POSITIVE_INFINITY, Tolerance.maxAbsDifference(new double[] {Double.NaN}, new double[] {0}));
    }

    @Test
    void negativeTolerancesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Tolerance.of(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.absolute(Double.NaN));
    }
}
