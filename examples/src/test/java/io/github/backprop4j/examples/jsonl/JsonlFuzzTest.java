package io.github.backprop4j.examples.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Property-based fuzzing of {@code loss --jsonl} (issue 11): batches of random and mutated
 * requests — valid ones with one field changed or removed, truncated, duplicated on one line,
 * spliced with another, random text — go through {@link JsonlSession#run}. For every batch:
 * exactly one answer per non-blank line, every answer is a JSON object with an id and either an
 * output or an error, no answer says "internal error", nothing escapes, and a request answered
 * after the batch gets the same answer as before it (no state carried over).
 */
class JsonlFuzzTest {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final List<String> OPS = FuzzOps.names();
    private static final int BATCHES = 400;
    private static final int LINES_PER_BATCH = 6;
    /** Small limits, so that over-long lines and over-budget requests are among the cases. */
    private static final RequestLimits LIMITS = new RequestLimits(6_000, 256 * 1024);

    private static final String[] HOSTILE_VALUES = {
        "null", "true", "false", "-1", "0", "1", "2", "-2", "9999999999", "-9223372036854775809",
        "9223372036854775807", "1e308", "-1e308", "1e400", "NaN", "Infinity", "-Infinity", "0.5", "-0.0",
        "\"\"", "\"x\"", "\"mean\"", "\"none\"", "\"sum\"", "\"float16\"", "\"int64\"", "\"float32\"",
        "[]", "{}", "[[[]]]", "[1, 2]", "[-1]", "{\"shape\": [], \"data\": []}",
        "{\"shape\": [2147483647, 2147483647], \"data\": []}", "{\"shape\": [-1], \"data\": [1]}",
        "{\"shape\": [3], \"data\": [1, \"a\", null]}", "{\"shape\": [1], \"data\": [1e400]}",
        "{\"shape\": [0], \"data\": []}", "{\"shape\": [2, 0], \"data\": []}",
        "{\"shape\": [100000, 1], \"data\": []}", "{\"shape\": [400], \"data\": [" + "1, ".repeat(399) + "1]}",
        "{\"shape\": [1.5], \"data\": [1]}", "{\"shape\": \"2\", \"data\": [1, 2]}",
    };

    private static final AtomicInteger LINES = new AtomicInteger();
    private static final AtomicInteger ERRORS = new AtomicInteger();

    @AfterAll
    static void counts() {
        System.out.printf(Locale.ROOT, "JsonlFuzzTest: %d request lines, %d error answers%n", LINES.get(), ERRORS.get());
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyMutatedBatchGetsOneJsonAnswerPerLineAndNoInternalError() {
        qt().withFixedSeed(11L).withExamples(BATCHES).withShrinkCycles(0)
                .forAll(integers().between(0, Mutation.values().length - 1), longs().all())
                .checkAssert((mutation, seed) -> checkBatch(Mutation.values()[mutation], new Random(seed)));
    }

    @Test
    void validRequestsOfEveryOpAreAnswered() {
        Random random = new Random(5);
        for (String op : OPS) {
            for (int i = 0; i < 20; i++) {
                String request = validRequest(random, op, "v" + i);
                JsonNode answer = parse(JsonlSession.answer(request, LIMITS).toJson());
                assertTrue(answer.has("output"), () -> request + "\n→ " + answer);
            }
        }
    }

    private static void checkBatch(Mutation mutation, Random random) {
        String canary = validRequest(random, OPS.get(random.nextInt(OPS.size())), "canary");
        String canaryBefore = JsonlSession.answer(canary, LIMITS).toJson();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES_PER_BATCH; i++) {
            lines.add(random.nextInt(10) == 0 ? " " : mutation.apply(random, "r" + i));
        }
        lines.add(canary);
        StringWriter out = new StringWriter();
        try {
            JsonlSession.run(new StringReader(String.join(random.nextBoolean() ? "\n" : "\r\n", lines)),
                    new PrintWriter(out), LIMITS);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        List<String> requests = lines.stream().filter(l -> !l.isBlank()).toList();
        List<String> answers = out.toString().lines().toList();
        assertEquals(requests.size(), answers.size(), () -> mutation + ": one answer per line\n" + lines + "\n" + out);
        for (int i = 0; i < answers.size(); i++) {
            String request = requests.get(i);
            String text = answers.get(i);
            JsonNode answer = parse(text);
            assertTrue(answer.isObject() && answer.has("id"), text);
            assertTrue(answer.has("output") ^ answer.has("error"), text);
            assertFalse(text.contains("internal error"), () -> mutation + ": " + request + "\n→ " + text);
            if (answer.has("error")) {
                assertNotEquals("", answer.get("error").asText(), text);
                ERRORS.incrementAndGet();
            }
            LINES.incrementAndGet();
        }
        assertEquals(canaryBefore, answers.get(answers.size() - 1), "the same request, the same answer");
    }

    private static JsonNode parse(String answer) {
        try {
            return STRICT.readTree(answer);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
    }

    /** The ways a request line is damaged. */
    enum Mutation {
        NONE {
            @Override
            String apply(Random r, String id) {
                return validRequest(r, op(r), id);
            }
        },
        CHANGE_FIELD {
            @Override
            String apply(Random r, String id) {
                ObjectNode request = tree(validRequest(r, op(r), id));
                List<ObjectNode> objects = new ArrayList<>();
                collectObjects(request, objects);
                ObjectNode target = objects.get(r.nextInt(objects.size()));
                List<String> fields = new ArrayList<>();
                target.fieldNames().forEachRemaining(fields::add);
                String field = fields.isEmpty() ? "x" : fields.get(r.nextInt(fields.size()));
                target.set(field, tree(HOSTILE_VALUES[r.nextInt(HOSTILE_VALUES.length)], true));
                return request.toString();
            }
        },
        REMOVE_FIELD {
            @Override
            String apply(Random r, String id) {
                ObjectNode request = tree(validRequest(r, op(r), id));
                List<ObjectNode> objects = new ArrayList<>();
                collectObjects(request, objects);
                ObjectNode target = objects.get(r.nextInt(objects.size()));
                List<String> fields = new ArrayList<>();
                target.fieldNames().forEachRemaining(fields::add);
                if (!fields.isEmpty()) {
                    target.remove(fields.get(r.nextInt(fields.size())));
                }
                return request.toString();
            }
        },
        TRUNCATE {
            @Override
            String apply(Random r, String id) {
                String valid = validRequest(r, op(r), id);
                return valid.substring(0, r.nextInt(valid.length()));
            }
        },
        DUPLICATE {
            @Override
            String apply(Random r, String id) {
                String valid = validRequest(r, op(r), id);
                return valid + (r.nextBoolean() ? " " : "") + valid;
            }
        },
        SPLICE {
            @Override
            String apply(Random r, String id) {
                String a = validRequest(r, op(r), id);
                String b = validRequest(r, op(r), id + "b");
                return a.substring(0, r.nextInt(a.length() + 1)) + b.substring(r.nextInt(b.length() + 1));
            }
        },
        FLIP_CHARACTERS {
            @Override
            String apply(Random r, String id) {
                char[] text = validRequest(r, op(r), id).toCharArray();
                String alphabet = "{}[]\",:0123456789.-+eE nNaIfy\\\u00e9\u2028\ud83d";
                for (int flips = 1 + r.nextInt(4); flips > 0; flips--) {
                    text[r.nextInt(text.length)] = alphabet.charAt(r.nextInt(alphabet.length()));
                }
                return new String(text);
            }
        },
        RANDOM_TEXT {
            @Override
            String apply(Random r, String id) {
                StringBuilder s = new StringBuilder();
                for (int n = r.nextInt(200); n > 0; n--) {
                    char c = (char) (r.nextBoolean() ? 32 + r.nextInt(95) : r.nextInt(0xD800));
                    s.append(c == '\n' || c == '\r' || c == '\u0085' ? ' ' : c);
                }
                return s.toString();
            }
        },
        DEEP_NESTING {
            @Override
            String apply(Random r, String id) {
                int depth = 500 + r.nextInt(5_000);
                return "{\"id\": \"" + id + "\", \"op\": \"softmax\", \"input\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
            }
        },
        OVERLONG {
            @Override
            String apply(Random r, String id) {
                return validRequest(r, op(r), id) + " ".repeat(LIMITS.maxLineLength() > 10_000 ? 0 : 6_000);
            }
        };

        abstract String apply(Random r, String id);

        private static String op(Random r) {
            return OPS.get(r.nextInt(OPS.size()));
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> collectObjects(child, into));
    }

    private static ObjectNode tree(String json) {
        return (ObjectNode) tree(json, false);
    }

    private static JsonNode tree(String json, boolean any) {
        try {
            return STRICT.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A request that is valid for {@code op}'s kind, with random sizes, values and options. */
    static String validRequest(Random r, String op, String id) {
        boolean float64 = r.nextBoolean();
        int n = 1 + r.nextInt(4);
        int c = 1 + r.nextInt(4);
        StringBuilder s = new StringBuilder("{\"id\": \"").append(id).append("\", \"op\": \"").append(op)
                .append("\", \"dtype\": \"").append(float64 ? "float64" : "float32").append("\"");
        FuzzOps.Kind kind = FuzzOps.kindOf(op);
        switch (kind) {
            case SOFTMAX -> {
                s.append(", \"input\": ").append(tensor(r, new int[] {n, c}, -5, 5));
                if (r.nextBoolean()) {
                    s.append(", \"options\": {\"dim\": ").append(r.nextInt(4) - 2).append('}');
                }
            }
            case CLASSES -> {
                s.append(", \"input\": ").append(tensor(r, new int[] {n, c}, -5, 5));
                StringBuilder targets = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    targets.append(i > 0 ? ", " : "").append(r.nextInt(c));
                }
                s.append(", \"target\": {\"shape\": [").append(n).append("], \"data\": [").append(targets).append("]}");
                s.append(", \"options\": {\"reduction\": \"").append(reduction(r)).append('"');
                if (r.nextBoolean()) {
                    s.append(", \"weight\": ").append(tensor(r, new int[] {c}, 0, 2));
                }
                if (op.equals("cross_entropy") && r.nextBoolean()) {
                    s.append(", \"label_smoothing\": ").append(r.nextInt(5) / 10.0);
                }
                s.append('}');
            }
            case ELEMENTWISE -> {
                boolean probabilities = op.equals("binary_cross_entropy");
                s.append(", \"input\": ").append(tensor(r, new int[] {n, c}, probabilities ? 0 : -5, probabilities ? 1 : 5));
                s.append(", \"target\": ").append(tensor(r, new int[] {n, c}, 0, 1));
                s.append(", \"options\": {\"reduction\": \"").append(reduction(r)).append('"');
                if (r.nextBoolean()) {
                    s.append(", \"weight\": ").append(tensor(r, new int[] {c}, 0, 2));
                }
                if (op.equals("binary_cross_entropy_with_logits") && r.nextBoolean()) {
                    s.append(", \"pos_weight\": ").append(tensor(r, new int[] {c}, 0, 3));
                }
                s.append('}');
            }
        }
        return s.append('}').toString();
    }

    private static String reduction(Random r) {
        return new String[] {"mean", "sum", "none"}[r.nextInt(3)];
    }

    private static String tensor(Random r, int[] shape, double lo, double hi) {
        int numel = 1;
        StringBuilder s = new StringBuilder("{\"shape\": [");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
            numel *= shape[i];
        }
        s.append("], \"data\": [");
        for (int i = 0; i < numel; i++) {
            s.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", lo + (hi - lo) * r.nextDouble()));
        }
        return s.append("]}").toString();
    }
}
