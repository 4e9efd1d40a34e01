package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorAssertions.assertThrowsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ShapeTest {
    @Test
    void basics() {
        Shape s = Shape.of(2, 3, 4);
        assertEquals(3, s.rank());
        assertEquals(24, s.numel());
        assertEquals(4, s.size(-1));
        assertEquals("[2, 3, 4]", s.toString());
        assertEquals(1, Shape.scalar().numel());
        assertEquals(0, Shape.of(2, 0).numel());
        assertEquals(Shape.scalar(), Shape.of());
        assertEquals(Shape.of(2, 3), Shape.of(2, 3));
        assertEquals(Shape.of(2, 3).hashCode(), Shape.of(2, 3).hashCode());
        assertNotEquals(Shape.of(2, 3), Shape.of(3, 2));
    }

    @Test
    void toArrayIsACopy() {
        Shape s = Shape.of(2, 3);
        s.toArray()[0] = 9;
        assertArrayEquals(new int[] {2, 3}, s.toArray());
    }

    @Test
    void rejectsNegativeAndHugeSizes() {
        assertThrowsWith(IllegalArgumentException.class, () -> Shape.of(2, -1), "[2, -1]", "negative");
        assertThrowsWith(IllegalArgumentException.class, () -> Shape.of(65536, 65536).numel(), "2^31-1");
    }

    @Test
    void broadcastingAlignsTrailingDims() {
        assertEquals(Shape.of(2, 3), Shape.broadcast("add", Shape.of(2, 3), Shape.of(3)));
        assertEquals(Shape.of(4, 2, 3), Shape.broadcast("add", Shape.of(4, 1, 3), Shape.of(2, 1)));
        assertEquals(Shape.of(2, 0), Shape.broadcast("add", Shape.of(2, 1), Shape.of(0)));
        assertEquals(Shape.of(5), Shape.broadcast("add", Shape.scalar(), Shape.of(5)));
        assertThrowsWith(IllegalArgumentException.class, () -> Shape.broadcast("mul", Shape.of(2, 3), Shape.of(2)),
                "mul: shapes [2, 3] and [2] cannot be broadcast", "(3)", "(2)", "dimension 1");
    }

    @Test
    void normalizeDim() {
        assertEquals(2, Shape.normalizeDim(-1, 3, "op"));
        assertEquals(0, Shape.normalizeDim(-3, 3, "op"));
        assertEquals(0, Shape.normalizeDim(-1, 0, "op"));
        assertThrowsWith(IndexOutOfBoundsException.class, () -> Shape.normalizeDim(3, 3, "softmax"),
                "softmax: Dimension out of range (expected to be in range of [-3, 2], but got 3)");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> Shape.normalizeDim(1, 0, "sum"), "[-1, 0]");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> Shape.scalar().size(0), "size");
    }
}
