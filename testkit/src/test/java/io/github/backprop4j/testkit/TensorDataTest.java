package io.github.backprop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorDataTest {
    private static JsonNode parse(String json) throws Exception {
        return ReferenceFiles.JSON.readTree(json);
    }

    @Test
    void decodesShapeAndRowMajorDataWithPythonsNonFiniteTokens() throws Exception {
        TensorData t = TensorData.decode(parse("{\"dtype\": \"float64\", \"shape\": [2, 2], "
                + "\"data\": [1.5, NaN, Infinity, -Infinity]}"));
        assertEquals("float64", t.dtype());
        assertArrayEquals(new int[] {2, 2}, t.shape());
        assertArrayEquals(new double[] {1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, t.values());
        assertEquals(0, t.longs().length);
    }

    @Test
    void int64KeepsEveryBitAndScalarsHaveRankZero() throws Exception {
        TensorData t = TensorData.decode(parse("{\"shape\": [], \"data\": [9007199254740993]}"), "int64");
        assertTrue(t.isInt64());
        assertArrayEquals(new int[0], t.shape());
        assertArrayEquals(new long[] {9007199254740993L}, t.longs());
    }

    @Test
    void nestedListsFlattenInRowMajorOrder() throws Exception {
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, TensorData.numbers(parse("[[1, 2], [3, [4, 5]]]")));
        assertArrayEquals(new double[] {7}, TensorData.numbers(parse("7")));
    }

    @Test
    void aTensorWhoseDataDoesNotFillItsShapeIsRejected() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TensorData.decode(parse("{\"shape\": [2, 3], \"data\": [1, 2]}"), "float32"));
        assertEquals("2 values for shape [2, 3]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TensorData.decode(parse("{\"shape\": [1], \"data\": [1]}")));
    }

    @Test
    void referenceFilesReadJsonAndJsonLinesFromTheClassPath() {
        List<JsonNode> lines = ReferenceFiles.jsonl("/testkit/sample.jsonl");
        assertEquals(2, lines.size());
        assertEquals("b", lines.get(1).get("id").asText());
        assertTrue(Double.isNaN(lines.get(1).get("x").asDouble()));
        assertEquals(3, ReferenceFiles.json("/testkit/sample.json").get("n").asInt());
        assertTrue(ReferenceFiles.path("/testkit/sample.json").toFile().isFile());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> ReferenceFiles.json("/nope.json"));
        assertTrue(missing.getMessage().startsWith("missing test resource /nope.json"), missing.getMessage());
    }
}
