package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.backprop4j.tensor.Vectorization;
import org.junit.jupiter.api.Test;

/** {@code backprop4j bench}: the JSON line of docs/spec/cli.md, and usage errors. No timing is asserted. */
class BenchCommandTest {
    @Test
    void lastLineIsTheJsonSummary() throws Exception {
        Cli.Run run = Cli.run("bench", "--model", "4-8-3", "--batch", "16", "--steps", "10", "--dtype", "float64");
        assertEquals(0, run.exitCode(), run::toString);
        String[] lines = run.out().strip().split("\\R");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals("4-8-3", json.get("model").asText());
        assertEquals(16, json.get("batch").asInt());
        assertEquals("float64", json.get("dtype").asText());
        assertEquals(10, json.get("steps").asInt());
        assertEquals(Vectorization.threads(), json.get("threads").asInt());
        assertEquals(Vectorization.isSimdEnabled(), json.get("simd").asBoolean());
        double us = json.get("us_per_step").asDouble();
        assertTrue(us > 0, "us_per_step " + us);
        assertEquals(16 * 1e6 / us, json.get("samples_per_s").asDouble(), 1e-6 * json.get("samples_per_s").asDouble());
        assertTrue(json.get("us_per_step_fastest").asDouble() <= us && us <= json.get("us_per_step_slowest").asDouble(),
                json::toString);
        assertEquals(20, json.get("cold_steps").asInt());
        double cold = json.get("cold_us_per_step").asDouble();
        double first = json.get("first_step_us").asDouble();
        assertTrue(cold > 0 && first >= cold / 20, "the first step is one of the 20 cold ones: " + json);
        assertTrue(json.get("startup_ms").asLong() > 0, json::toString);
        assertTrue(json.get("warmup_steps").asInt() >= 10, "at least as many warm-up steps as timed ones: " + json);
        assertTrue(json.get("warmup_s").asDouble() >= 2, "at least 2 s of warm-up: " + json);
    }

    @Test
    void withoutStepsItTimesFiveRoundsOrMore() throws Exception {
        Cli.Run run = Cli.run("bench", "--model", "4-8-3", "--batch", "16");
        assertEquals(0, run.exitCode(), run::toString);
        String[] lines = run.out().strip().split("\\R");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertTrue(json.get("steps").asInt() >= 5, json::toString);
        assertTrue(lines[lines.length - 3].startsWith("cold: the first 20 steps took "), run::toString);
    }

    @Test
    void simdOffIsHonouredOrRefusedButNeverIgnored() {
        Cli.Run run = Cli.run("bench", "--model", "2-16-3", "--batch", "4", "--steps", "5", "--simd", "off");
        // The kernels are chosen once per JVM; in this test JVM they are already chosen. With SIMD
        // active, "off" can no longer apply, and bench must say so rather than report SIMD timings.
        if (Vectorization.isSimdEnabled()) {
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("--simd"), run::toString);
        } else {
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().strip().endsWith("}") && run.out().contains("\"simd\":false"), run::toString);
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        for (String[] args : new String[][] {
            {"bench", "--model", "784"},
            {"bench", "--model", "784-x-10"},
            {"bench", "--model", "4-0-3"},
            {"bench", "--model", "4-8-1"},
            {"bench", "--batch", "0"},
            {"bench", "--steps", "2"},
            {"bench", "--dtype", "int64"},
            {"bench", "--simd", "on"},
            {"bench", "--threads", "0"},
        }) {
            Cli.Run run = Cli.run(args);
            assertEquals(2, run.exitCode(), () -> String.join(" ", args) + "\n" + run);
        }
    }
}
