package io.github.backprop4j.nn.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parsed JSON header of a safetensors file:
 * {@code {"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, ...,
 * "__metadata__": {"key": "value"}}}. Parsing checks the JSON's structure; {@link #checkLayout}
 * checks the offsets against the data buffer.
 */
record Header(Map<String, Entry> tensors, Map<String, String> metadata) {
    static final String METADATA_KEY = "__metadata__";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One tensor: dtype, shape and its byte range [begin, end) in the data buffer. */
    record Entry(String name, SafeDType dtype, int[] shape, long begin, long end) {
        int numel() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    /** Parses the header bytes (UTF-8 JSON, possibly followed by space padding). */
    static Header parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SafeTensorsException("the header is not valid UTF-8", e);
        }
        if (!text.startsWith("{")) {
            throw new SafeTensorsException("the header does not start with '{' (it is not a JSON object)");
        }
        try (JsonParser p = JSON.createParser(text)) {
            Header header = readObject(p);
            if (p.nextToken() != null) {
                throw new SafeTensorsException("invalid JSON header: unexpected content after the JSON object at "
                        + location(p));
            }
            return header;
        } catch (JsonProcessingException e) {
            throw new SafeTensorsException("invalid JSON header: " + e.getOriginalMessage() + " at "
                    + location(e.getProcessor() instanceof JsonParser jp ? jp : null), e);
        } catch (IOException e) {
            throw new SafeTensorsException("invalid JSON header: " + e.getMessage(), e);
        }
    }

    private static String location(@Nullable JsonParser p) {
        return p == null ? "an unknown position" : "character " + (p.currentLocation().getCharOffset() + 1);
    }

    private static Header readObject(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT, "the header");
        Map<String, Entry> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (name.equals(METADATA_KEY)) {
                metadata = readMetadata(p);
            } else {
                tensors.put(name, readEntry(p, name));
            }
        }
        return new Header(Collections.unmodifiableMap(tensors), metadata);
    }

    private static Map<String, String> readMetadata(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT, METADATA_KEY);
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new SafeTensorsException(METADATA_KEY + " must map strings to strings, but '" + key
                        + "' maps to " + describe(p.currentToken()));
            }
            out.put(key, p.getText());
        }
        return Collections.unmodifiableMap(out);
    }

    private static Entry readEntry(JsonParser p, String name) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT, "tensor '" + name + "'");
        String dtype = null;
        long[] shape = null;
        long[] offsets = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "dtype" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new SafeTensorsException("tensor '" + name + "': dtype must be a string, got "
                                + describe(value));
                    }
                    dtype = p.getText();
                }
                case "shape" -> shape = readInts(p, name, "shape");
                case "data_offsets" -> offsets = readInts(p, name, "data_offsets");
                default -> p.skipChildren(); // unknown fields are ignored, as the reference reader does
            }
        }
        if (dtype == null || shape == null || offsets == null) {
            throw new SafeTensorsException("tensor '" + name + "' lacks "
                    + (dtype == null ? "\"dtype\"" : shape == null ? "\"shape\"" : "\"data_offsets\""));
        }
        if (offsets.length != 2) {
            throw new SafeTensorsException("tensor '" + name + "': data_offsets must be [begin, end], got "
                    + Arrays.toString(offsets));
        }
        if (offsets[0] > offsets[1]) {
            throw new SafeTensorsException(String.format("tensor '%s': data_offsets [%d, %d] end before they begin",
                    name, offsets[0], offsets[1]));
        }
        SafeDType type = SafeDType.parse(dtype, name);
        int[] dims = new int[shape.length];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            numel *= shape[i];
            if (shape[i] > Integer.MAX_VALUE || numel > Integer.MAX_VALUE) {
                throw new SafeTensorsException("tensor '" + name + "': shape " + Arrays.toString(shape)
                        + " has more than 2^31-1 elements");
            }
            dims[i] = (int) shape[i];
        }
        long bytes = numel * type.itemSize;
        if (offsets[1] - offsets[0] != bytes) {
            throw new SafeTensorsException(String.format(
                    "tensor '%s': data_offsets [%d, %d] span %d bytes, but %s %s needs %d",
                    name, offsets[0], offsets[1], offsets[1] - offsets[0], dtype, Arrays.toString(dims), bytes));
        }
        return new Entry(name, type, dims, offsets[0], offsets[1]);
    }

    /** A JSON array of non-negative integers. */
    private static long[] readInts(JsonParser p, String tensor, String field) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, "tensor '" + tensor + "': " + field);
        List<Long> values = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            long v;
            try {
                v = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
            } catch (InputCoercionException e) {
                v = -1;
            }
            if (v < 0) {
                throw new SafeTensorsException("tensor '" + tensor + "': " + field
                        + " must hold non-negative integers, got " + (t == null ? "the end of the header" : p.getText()));
            }
            values.add(v);
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static void expect(@Nullable JsonToken got, JsonToken want, String what) {
        if (got != want) {
            throw new SafeTensorsException(what + " must be a JSON " + (want == JsonToken.START_ARRAY ? "array" : "object")
                    + ", got " + describe(got));
        }
    }

    private static String describe(@Nullable JsonToken t) {
        if (t == null) {
            return "the end of the header";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    /**
     * Checks that the tensors tile the data buffer of {@code bufferLength} bytes exactly, as the
     * format requires: every range inside the buffer, no two overlapping, no gaps, nothing left over.
     */
    void checkLayout(long bufferLength) {
        List<Entry> byOffset = new ArrayList<>(tensors.values());
        byOffset.sort((a, b) -> a.begin() != b.begin() ? Long.compare(a.begin(), b.begin())
                : Long.compare(a.end(), b.end()));
        for (Entry e : byOffset) {
            if (e.end() > bufferLength) {
                throw new SafeTensorsException(String.format(
                        "tensor '%s': data_offsets [%d, %d] lie outside the data buffer of %d bytes (truncated file?)",
                        e.name(), e.begin(), e.end(), bufferLength));
            }
        }
        long position = 0;
        Entry previous = null;
        for (Entry e : byOffset) {
            if (e.begin() < position) {
                throw new SafeTensorsException(String.format(
                        "tensors '%s' [%d, %d) and '%s' [%d, %d) overlap in the data buffer",
                        previous.name(), previous.begin(), previous.end(), e.name(), e.begin(), e.end()));
            }
            if (e.begin() > position) {
                throw new SafeTensorsException(String.format(
                        "bytes [%d, %d) of the data buffer belong to no tensor (a hole before '%s')",
                        position, e.begin(), e.name()));
            }
            position = e.end();
            previous = e;
        }
        if (position != bufferLength) {
            throw new SafeTensorsException(String.format(
                    "%d trailing bytes after the last tensor (the data buffer has %d bytes, the tensors cover %d)",
                    bufferLength - position, bufferLength, position));
        }
    }
}
