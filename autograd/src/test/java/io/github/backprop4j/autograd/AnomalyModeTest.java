package io.github.backprop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Anomaly mode names the op whose backward produced NaN or infinity, and where it was made. */
class AnomalyModeTest {

    private static int nextLine() {
        return new Throwable().getStackTrace()[1].getLineNumber() + 1;
    }

    @Test
    void aNonFiniteGradientNamesTheOpAndTheLineThatCreatedIt() {
        Variable x = Variable.parameter(Tensor.of(0.0, 1.0));
        IllegalStateException e;
        int line;
        try (GradMode.Scope scope = AnomalyMode.enable()) {
            line = nextLine();
            Variable y = x.sqrt();                          // d√x/dx = 1/(2√x): infinite at 0
            Variable loss = y.sum();
            e = assertThrows(IllegalStateException.class, loss::backward);
        }
        assertTrue(e.getMessage().contains("'Sqrt'"), e.getMessage());
        assertTrue(e.getMessage().contains("nan or inf"), e.getMessage());
        assertTrue(e.getMessage().contains("AnomalyModeTest.java:" + line), e.getMessage());
        assertEquals(1, e.getSuppressed().length, "the full creation stack is attached");
        assertFalse(AnomalyMode.isEnabled(), "closing the scope turns it off");
    }

    @Test
    void withoutAnomalyModeTheNonFiniteGradientIsSimplyStored() {
        Variable x = Variable.parameter(Tensor.of(0.0, 1.0));
        x.sqrt().sum().backward();
        double[] g = x.grad().value().toDoubleArray();
        assertEquals(Double.POSITIVE_INFINITY, g[0]);
        assertEquals(0.5, g[1], 1e-15);
    }

    @Test
    void anOpCreatedBeforeAnomalyModeWasOnIsStillNamed() {
        Variable x = Variable.parameter(Tensor.of(0.0));
        Variable loss = x.log().sum();                      // d log x / dx = 1/x: infinite at 0
        try (GradMode.Scope scope = AnomalyMode.enable()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
            assertTrue(e.getMessage().contains("'Log'"), e.getMessage());
            assertTrue(e.getMessage().contains("before anomaly mode was enabled"), e.getMessage());
        }
    }

    @Test
    void finiteGradientsPassQuietly() {
        Variable x = Variable.parameter(Tensor.of(1.0, 4.0));
        try (GradMode.Scope scope = AnomalyMode.enable()) {
            x.sqrt().sum().backward();
        }
        assertEquals(0.25, x.grad().value().toDoubleArray()[1], 1e-15);
    }
}
