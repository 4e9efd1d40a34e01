package io.github.backprop4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    private static Map<String, Tensor> sample() {
        Generator gen = new Generator(0);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("layer.weight", Tensor.randn(gen, 2, 3));
        m.put("layer.bias", Tensor.randn(gen, DType.FLOAT64, 4));
        m.put("step", Tensor.scalar(12, DType.INT64));
        m.put("indices", Tensor.of(new long[][] {{-1, Long.MAX_VALUE}, {Long.MIN_VALUE, 7}}));
        m.put("empty", Tensor.zeros(0, 3));
        m.put("transposed", Tensor.arange(0.0, 6.0, 1.0).reshape(2, 3).t());
        return m;
    }

    @Test
    void roundTripKeepsNamesOrderDtypesShapesValuesAndMetadata(@TempDir Path dir) {
        Map<String, Tensor> tensors = sample();
        Path file = dir.resolve("model.safetensors");
        SafeTensors.save(file, tensors, Map.of("format", "pt", "note", "ünïcode"));
        SafeTensors.Contents back = SafeTensors.read(file);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(back.tensors().keySet()));
        tensors.forEach((k, v) -> assertEquals(v, back.tensors().get(k), k));
        assertEquals(Map.of("format", "pt", "note", "ünïcode"), back.metadata());
        assertEquals(tensors, SafeTensors.load(file));
        SafeTensors.save(file, Map.of("x", Tensor.of(1f)));
        assertEquals(Map.of(), SafeTensors.read(file).metadata());
        assertEquals(Map.of("x", Tensor.of(1f)), SafeTensors.load(file), "save replaces the file");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Reads the bytes with a minimal reader written here from the format's description (not with
     * SafeTensors): u64 LE header length, JSON header padded with spaces, tensors tiling the data.
     */
    @Test
    void theBytesFollowTheFormat() throws IOException {
        Map<String, Tensor> tensors = sample();
        byte[] bytes = SafeTensors.toBytes(tensors, Map.of("format", "pt"));
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        assertEquals(0, n % 8, "header padded to a multiple of 8");
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{"));
        assertTrue(header.stripTrailing().endsWith("}"));
        assertTrue(header.substring(header.stripTrailing().length()).chars().allMatch(c -> c == ' '), "pads with spaces");
        JsonNode json = new ObjectMapper().readTree(header);
        assertEquals("pt", json.get("__metadata__").get("format").asText());
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        names.remove("__metadata__");
        assertEquals(List.copyOf(tensors.keySet()), names);
        int dataStart = 8 + (int) n;
        long expectedBegin = 0;
        for (String name : names) {
            JsonNode info = json.get(name);
            Tensor t = tensors.get(name);
            String dtype = info.get("dtype").asText();
            assertEquals(Map.of(DType.FLOAT32, "F32", DType.FLOAT64, "F64", DType.INT64, "I64").get(t.dtype()), dtype);
            int[] shape = new int[info.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = info.get("shape").get(i).asInt();
            }
            assertArrayEquals(t.shape().toArray(), shape, name);
            long begin = info.get("data_offsets").get(0).asLong();
            long end = info.get("data_offsets").get(1).asLong();
            assertEquals(expectedBegin, begin, name + " starts where the previous tensor ended");
            int size = dtype.equals("F32") ? 4 : 8;
            assertEquals((long) t.numel() * size, end - begin, name);
            for (int i = 0; i < t.numel(); i++) {
                int at = dataStart + (int) begin + i * size;
                switch (dtype) {
                    case "F32" -> assertEquals(t.toFloatArray()[i], buf.getFloat(at), name);
                    case "F64" -> assertEquals(t.toDoubleArray()[i], buf.getDouble(at), name);
                    default -> assertEquals(t.toLongArray()[i], buf.getLong(at), name);
                }
            }
            expectedBegin = end;
        }
        assertEquals(bytes.length, dataStart + expectedBegin, "the data ends the file");
    }

    /** Also used to show that Python reads a Java-written file: see tools/reference/check_safetensors.py. */
    @Test
    void writesAFileForThePythonChecker() {
        Path out = Path.of("target", "java_written.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("0.weight", Tensor.of(new float[][] {{0.5f, -1.25f, 2f}, {3f, 0f, -0.0625f}}));
        tensors.put("0.bias", Tensor.of(0.1, -0.2));
        tensors.put("labels", Tensor.of(3L, -1L, 0L));
        SafeTensors.save(out, tensors, Map.of("format", "pt", "written_by", "backprop4j"));
        assertEquals(tensors, SafeTensors.load(out));
    }

    // ------------------------------------------------------------------ corrupt files

    /** A file from a header string and data bytes, with the header length as given. */
    private static byte[] file(long headerLength, String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(headerLength).put(h);
        return b.array();
    }

    private static byte[] file(String header, int dataBytes) {
        return file(header.getBytes(StandardCharsets.UTF_8).length, header, dataBytes);
    }

    private static String failure(byte[] bytes) {
        return assertThrows(SafeTensorsException.class, () -> SafeTensors.fromBytes(bytes)).getMessage();
    }

    private static void assertFails(byte[] bytes, String expectedPart) {
        String message = failure(bytes);
        assertTrue(message.contains(expectedPart), () -> "message '" + message + "' lacks '" + expectedPart + "'");
        assertTrue(message.startsWith("safetensors: "), message);
    }

    private static final String X = "\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    @Test
    void aValidHandWrittenFileLoads() {
        Map<String, Tensor> t = SafeTensors.fromBytes(file("{" + X + "}  ", 8)).tensors();
        assertEquals(Tensor.of(0f, 0f), t.get("x"));
    }

    @Test
    void truncatedOrOversizedHeaderLength() {
        assertFails(new byte[5], "truncated file: 5 bytes is shorter than the 8-byte header length");
        assertFails(file(1000, "{" + X + "}", 8), "header length 1000 exceeds the");
        assertFails(file(1L << 62, "{}", 0), "is larger than the limit");
        assertFails(file(-1L, "{}", 0), "header length 18446744073709551615 is larger than the limit");
    }

    @Test
    void invalidJson() {
        assertFails(file("{\"x\":{\"dtype\":", 0), "invalid JSON header");
        assertFails(file("[1, 2]", 0), "does not start with '{'");
        assertFails(file("{" + X + "} x", 8), "invalid JSON header");
        assertFails(file("{" + X + "," + X + "}", 8), "Duplicate field 'x'");
        byte[] bad = file("{\"\u00e9\":{}}", 0);
        bad[10] = (byte) 0xff;
        assertFails(bad, "not valid UTF-8");
    }

    @Test
    void malformedEntries() {
        assertFails(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8), "tensor 'x' lacks \"data_offsets\"");
        assertFails(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8),
                "shape must hold non-negative integers, got -2");
        assertFails(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4,8]}}", 8),
                "data_offsets must be [begin, end]");
        assertFails(file("{\"x\":[1]}", 0), "tensor 'x' must be a JSON object, got an array");
        assertFails(file("{\"__metadata__\":{\"a\":1}}", 0), "__metadata__ must map strings to strings, but 'a' maps to a number");
    }

    @Test
    void unknownAndUnsupportedDtypes() {
        assertFails(file("{\"x\":{\"dtype\":\"Q7\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8),
                "tensor 'x' has unknown dtype \"Q7\"");
        assertFails(file("{\"x\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]}}", 8),
                "tensor 'x' has dtype F16, which backprop4j does not support (supported: F32, F64, I64)");
    }

    @Test
    void offsetsOutOfRangeOverlappingOrLeavingHoles() {
        assertFails(file("{" + X + "}", 4), "tensor 'x': data_offsets [0, 8] lie outside the data buffer of 4 bytes");
        assertFails(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8),
                "tensor 'x': data_offsets [0, 8] span 8 bytes, but F32 [3] needs 12");
        assertFails(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8), "end before they begin");
        String y = "\"y\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}";
        assertFails(file("{" + X + "," + y + "}", 12), "tensors 'x' [0, 8) and 'y' [4, 12) overlap");
        String z = "\"z\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}";
        assertFails(file("{" + X + "," + z + "}", 16), "bytes [8, 12) of the data buffer belong to no tensor");
        assertFails(file("{" + X + "}", 12), "4 trailing bytes after the last tensor");
    }

    @Test
    void aTruncatedRealFileIsReported(@TempDir Path dir) throws IOException {
        byte[] whole = SafeTensors.toBytes(sample(), Map.of());
        Path file = dir.resolve("cut.safetensors");
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
        String message = assertThrows(SafeTensorsException.class, () -> SafeTensors.load(file)).getMessage();
        assertTrue(message.startsWith("safetensors: " + file + ": tensor 'transposed'"), message);
        assertTrue(message.contains("outside the data buffer"), message);
    }

    @Test
    void writingRejectsTheReservedName() {
        assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.toBytes(Map.of("__metadata__", Tensor.of(1f)), Map.of()));
    }

    @Test
    void headerOrderIsPreserved() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("b", Tensor.of(1f));
        m.put("a", Tensor.of(2.0));
        Iterator<String> keys = SafeTensors.fromBytes(SafeTensors.toBytes(m, Map.of())).tensors().keySet().iterator();
        assertEquals("b", keys.next());
        assertEquals("a", keys.next());
    }
}
