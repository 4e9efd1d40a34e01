package io.github.backprop4j.examples.literal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.backprop4j.tensor.DType;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Property-based fuzzing of tensor literals (issue 11): random rectangular literals parse back
 * to their shape and numbers; damaged ones (characters replaced, inserted or deleted, truncated,
 * nested thousands deep, integers beyond int64) either parse or throw a one-line
 * {@link IllegalArgumentException}, and nothing else — no StackOverflowError, no
 * NumberFormatException, no silently clamped int64.
 */
class TensorLiteralFuzzTest {
    private static final int EXAMPLES = 2_000;
    private static final String ALPHABET = "[],.-+eE0123456789 naifINFty\t";

    private static final AtomicInteger PARSED = new AtomicInteger();
    private static final AtomicInteger REJECTED = new AtomicInteger();

    @AfterAll
    static void counts() {
        System.out.printf(Locale.ROOT, "TensorLiteralFuzzTest: %d literals, %d rejected%n",
                PARSED.get() + REJECTED.get(), REJECTED.get());
    }

    @Test
    void randomLiteralsParseBackToTheirShapeAndNumbers() {
        qt().withFixedSeed(11L).withExamples(EXAMPLES).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int[] shape = randomShape(r);
            long[] integers = new long[numel(shape)];
            for (int i = 0; i < integers.length; i++) {
                integers[i] = r.nextInt(5) == 0 ? (r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE) - r.nextInt(3) * Long.signum(r.nextInt(2) - 1L)
                        : r.nextLong() >> r.nextInt(64);
            }
            TensorLiteral t = TensorLiteral.parse("--x", write(shape, integers, new int[] {0}));
            assertArrayEquals(shape, t.shape());
            assertTrue(t.integral());
            assertArrayEquals(integers, t.toTensor(DType.INT64, "--x").toLongArray(), "int64 exactly, no clamping");
        });
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void damagedLiteralsParseOrGetOneLine() {
        qt().withFixedSeed(11L).withExamples(EXAMPLES).withShrinkCycles(0)
                .forAll(integers().between(0, 5), longs().all())
                .checkAssert((damage, seed) -> {
                    Random r = new Random(seed);
                    int[] shape = randomShape(r);
                    long[] values = new long[numel(shape)];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = r.nextInt(200) - 100;
                    }
                    String text = damage(damage, write(shape, values, new int[] {0}), r);
                    for (DType dtype : new DType[] {DType.FLOAT32, DType.INT64}) {
                        try {
                            TensorLiteral.parse("--input", text).toTensor(dtype, "--input");
                            PARSED.incrementAndGet();
                        } catch (IllegalArgumentException e) {
                            REJECTED.incrementAndGet();
                            assertTrue(e.getMessage().startsWith("--input: "), e.getMessage());
                            assertFalse(e.getMessage().contains("\n"), e.getMessage());
                            assertTrue(e.getMessage().length() < 400, e.getMessage());
                        }
                    }
                });
    }

    private static String damage(int kind, String literal, Random r) {
        StringBuilder s = new StringBuilder(literal);
        switch (kind) {
            case 0 -> s.setCharAt(r.nextInt(s.length()), ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            case 1 -> s.insert(r.nextInt(s.length() + 1), ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            case 2 -> s.deleteCharAt(r.nextInt(s.length()));
            case 3 -> s.setLength(r.nextInt(s.length()));
            case 4 -> {
                int depth = 1 + r.nextInt(3_000);
                s.insert(0, "[".repeat(depth)).append(r.nextBoolean() ? "]".repeat(depth) : "");
            }
            default -> s.insert(s.indexOf("]") < 0 ? 0 : s.indexOf("]"),
                    ", " + (r.nextBoolean() ? "-" : "") + "9".repeat(19 + r.nextInt(400)));
        }
        return s.toString();
    }

    private static int[] randomShape(Random r) {
        int[] shape = new int[r.nextInt(4)];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = 1 + r.nextInt(3);
        }
        return shape;
    }

    private static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** Nested lists with Python's spacing, values in row-major order. */
    private static String write(int[] shape, long[] values, int[] next) {
        return write(shape, 0, values, next);
    }

    private static String write(int[] shape, int dim, long[] values, int[] next) {
        if (dim == shape.length) {
            return Long.toString(values[next[0]++]);
        }
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < shape[dim]; i++) {
            s.append(i > 0 ? ", " : "").append(write(shape, dim + 1, values, next));
        }
        return s.append(']').toString();
    }
}
