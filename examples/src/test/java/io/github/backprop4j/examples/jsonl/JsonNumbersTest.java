package io.github.backprop4j.examples.jsonl;

import static io.github.backprop4j.testkit.Gens.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Number tokens that are valid JSON (plus Python's NaN/Infinity) and read back to the same value. */
class JsonNumbersTest {
    /** RFC 8259's number grammar, or one of Python's three non-finite tokens. */
    private static final Pattern PYTHON_JSON_NUMBER =
            Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?|NaN|Infinity|-Infinity");

    @Test
    void float32UsesTheShortestDecimalOfTheFloat() {
        assertEquals("0.1", JsonNumbers.float32(0.1f));
        assertEquals("0.1", JsonNumbers.float32((double) 0.1f));
        assertEquals("-1.3447266", JsonNumbers.float32(-1.3447266f));
        assertEquals("10000.0", JsonNumbers.float32(1e4f));
        assertEquals("-0.0", JsonNumbers.float32(-0.0f));
    }

    @Test
    void float64UsesTheShortestDecimalOfTheDouble() {
        assertEquals("0.1", JsonNumbers.float64(0.1));
        assertEquals("1.0E-5", JsonNumbers.float64(1e-5));
        assertEquals("0.10000000149011612", JsonNumbers.float64(0.1f));
    }

    @Test
    void nonFiniteValuesArePythonsBareTokens() {
        assertEquals("NaN", JsonNumbers.float32(Float.NaN));
        assertEquals("Infinity", JsonNumbers.float32(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", JsonNumbers.float32(Float.NEGATIVE_INFINITY));
        assertEquals("NaN", JsonNumbers.float64(Double.NaN));
        assertEquals("Infinity", JsonNumbers.float64(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", JsonNumbers.float64(Double.NEGATIVE_INFINITY));
    }

    @Test
    void everyFloat32ComesBackThroughADoubleToTheSameFloat() {
        qt(32, 200_000).forAll(integers().all()).checkAssert(bits -> {
            float f = Float.intBitsToFloat(bits);
            String token = JsonNumbers.float32(f);
            assertEquals(true, PYTHON_JSON_NUMBER.matcher(token).matches(), token);
            // what Python does: json.loads gives the nearest double, numpy.float32 rounds it to float
            float back = (float) Double.parseDouble(token);
            assertEquals(Float.isNaN(f) ? Float.floatToIntBits(Float.NaN) : bits, Float.floatToIntBits(back), token);
        });
    }

    @Test
    void everyFloat64ComesBackToTheSameDouble() {
        qt(64, 200_000).forAll(longs().all()).checkAssert(bits -> {
            double d = Double.longBitsToDouble(bits);
            String token = JsonNumbers.float64(d);
            assertEquals(true, PYTHON_JSON_NUMBER.matcher(token).matches(), token);
            double back = Double.parseDouble(token);
            assertEquals(Double.isNaN(d) ? Double.doubleToLongBits(Double.NaN) : bits,
                    Double.doubleToLongBits(back), token);
        });
    }
}
