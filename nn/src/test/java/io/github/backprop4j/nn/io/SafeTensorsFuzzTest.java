package io.github.backprop4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.backprop4j.nn.Linear;
import io.github.backprop4j.nn.Module;
import io.github.backprop4j.nn.Sequential;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Property-based fuzzing of safetensors reading (issue 11): a model's weights saved as bytes,
 * then damaged — bits flipped, truncated or extended, header numbers, dtypes, names and the
 * header length edited — and loaded into a model. Reading either succeeds or throws
 * {@link SafeTensorsException}; loading then either succeeds or throws the
 * {@link IllegalArgumentException} of {@code loadStateDict}; on any failure the model's
 * parameters are exactly what they were.
 */
class SafeTensorsFuzzTest {
    private static final int EXAMPLES = 1_500;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final String[] DTYPES = {"F32", "F64", "I64", "F16", "BF16", "I32", "U8", "BOOL", "", "f32", "F3"};
    private static final String[] NUMBERS = {"0", "1", "-1", "7", "4294967296", "2147483647", "2147483648",
        "9223372036854775807", "18446744073709551615", "99999999999999999999", "65536", "1e3", "1.5"};

    private static final AtomicInteger REJECTED = new AtomicInteger();
    private static final AtomicInteger LOADED = new AtomicInteger();

    @AfterAll
    static void counts() {
        System.out.printf(Locale.ROOT, "SafeTensorsFuzzTest: %d files, %d rejected, %d loaded%n",
                REJECTED.get() + LOADED.get(), REJECTED.get(), LOADED.get());
    }

    private static Module model() {
        Generator gen = new Generator(3);
        Sequential m = new Sequential();
        m.add(new Linear(3, 4, gen));
        m.add(new Linear(4, 2, gen));
        return m;
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void damagedFilesAreRejectedCleanlyAndLeaveTheModelUntouched() {
        byte[] valid = SafeTensors.toBytes(model().stateDict(), Map.of("format", "pt"));
        qt().withFixedSeed(11L).withExamples(EXAMPLES).withShrinkCycles(0)
                .forAll(integers().between(0, Damage.values().length - 1), longs().all())
                .checkAssert((damage, seed) -> check(Damage.values()[damage].apply(valid, new Random(seed))));
    }

    private static void check(byte[] file) {
        Module model = model();
        List<float[]> before = snapshot(model);
        try {
            model.loadStateDict(SafeTensors.fromBytes(file).tensors());
            LOADED.incrementAndGet();
        } catch (SafeTensorsException | IllegalArgumentException rejected) {
            REJECTED.incrementAndGet();
            List<float[]> after = snapshot(model);
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), "parameters untouched after: " + rejected.getMessage());
            }
        }
    }

    private static List<float[]> snapshot(Module model) {
        List<float[]> values = new ArrayList<>();
        for (Tensor t : model.stateDict().values()) {
            values.add(t.toFloatArray());
        }
        return values;
    }

    /** The ways a file is damaged. */
    enum Damage {
        FLIP_BITS {
            @Override
            byte[] apply(byte[] valid, Random r) {
                byte[] b = valid.clone();
                for (int flips = 1 + r.nextInt(8); flips > 0; flips--) {
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
        },
        FLIP_HEADER_BITS {
            @Override
            byte[] apply(byte[] valid, Random r) {
                byte[] b = valid.clone();
                int headerEnd = (int) (8 + headerLength(valid));
                for (int flips = 1 + r.nextInt(3); flips > 0; flips--) {
                    int at = r.nextInt(headerEnd);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
        },
        TRUNCATE {
            @Override
            byte[] apply(byte[] valid, Random r) {
                return Arrays.copyOf(valid, r.nextInt(valid.length));
            }
        },
        EXTEND {
            @Override
            byte[] apply(byte[] valid, Random r) {
                byte[] b = Arrays.copyOf(valid, valid.length + 1 + r.nextInt(64));
                for (int i = valid.length; i < b.length; i++) {
                    b[i] = (byte) r.nextInt(256);
                }
                return b;
            }
        },
        HEADER_LENGTH {
            @Override
            byte[] apply(byte[] valid, Random r) {
                byte[] b = valid.clone();
                long[] choices = {0, 1, 7, headerLength(valid) - 1, headerLength(valid) + 8, valid.length,
                    Long.MAX_VALUE, -1, r.nextLong(), 100_000_001};
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, choices[r.nextInt(choices.length)]);
                return b;
            }
        },
        HEADER_NUMBER {
            @Override
            byte[] apply(byte[] valid, Random r) {
                return editHeader(valid, r, header -> {
                    List<int[]> spans = new ArrayList<>();
                    Matcher m = NUMBER.matcher(header);
                    while (m.find()) {
                        spans.add(new int[] {m.start(), m.end()});
                    }
                    int[] span = spans.get(r.nextInt(spans.size()));
                    String number = r.nextBoolean() ? NUMBERS[r.nextInt(NUMBERS.length)] : Integer.toString(r.nextInt(200) - 20);
                    return header.substring(0, span[0]) + number + header.substring(span[1]);
                });
            }
        },
        HEADER_DTYPE {
            @Override
            byte[] apply(byte[] valid, Random r) {
                return editHeader(valid, r, header -> header.replaceFirst("\"(F32|F64|I64)\"",
                        "\"" + DTYPES[r.nextInt(DTYPES.length)] + "\""));
            }
        },
        HEADER_TEXT {
            @Override
            byte[] apply(byte[] valid, Random r) {
                return editHeader(valid, r, header -> {
                    String[] edits = {"{", "}", "[", "]", ",", ":", "\"", "null", "\"__metadata__\"", "{}", "[]",
                        "\"0.weight\"", "\"shape\"", "\"data_offsets\"", "\"dtype\"", "1", "\u00ff", ""};
                    int from = r.nextInt(header.length());
                    int to = Math.min(header.length(), from + r.nextInt(12));
                    return header.substring(0, from) + edits[r.nextInt(edits.length)] + header.substring(to);
                });
            }
        };

        abstract byte[] apply(byte[] valid, Random r);

        private static long headerLength(byte[] file) {
            return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        }

        /** Rewrites the header text, keeps the data, and sets the header length to the new text's. */
        private static byte[] editHeader(byte[] valid, Random r, java.util.function.UnaryOperator<String> edit) {
            int n = (int) headerLength(valid);
            String header = new String(valid, 8, n, StandardCharsets.UTF_8);
            byte[] edited = edit.apply(header).getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(8 + edited.length + valid.length - 8 - n).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(edited.length).put(edited).put(valid, 8 + n, valid.length - 8 - n);
            return b.array();
        }
    }
}
