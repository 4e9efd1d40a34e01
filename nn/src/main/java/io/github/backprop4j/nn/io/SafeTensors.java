package io.github.backprop4j.nn.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes <a href="https://github.com/huggingface/safetensors">safetensors</a>, the
 * format PyTorch users exchange weights in:
 *
 * <pre>
 * 8 bytes   N, the header length: an unsigned 64-bit little-endian integer
 * N bytes   a UTF-8 JSON object: {"name": {"dtype": "F32", "shape": [5, 4], "data_offsets": [begin, end]},
 *           ..., optional "__metadata__": {"key": "value", ...}}, padded with spaces
 * the rest  the data buffer: each tensor's elements, row-major and little-endian, at
 *           [begin, end) relative to the buffer's start; the tensors tile the buffer exactly
 * </pre>
 *
 * <p>Supported dtypes: F32, F64 and I64 (backprop4j's float32, float64, int64). Reading validates
 * the whole file before returning any tensor; anything wrong (a short file, a header length past
 * the end, invalid JSON, a missing field, an unknown dtype, offsets out of range, overlapping or
 * leaving holes, a size that does not match dtype × shape) is a {@link SafeTensorsException}
 * naming the problem.
 *
 * <p>With {@link io.github.backprop4j.nn.Module#stateDict()}:
 * {@code SafeTensors.save(path, model.stateDict())} and
 * {@code model.loadStateDict(SafeTensors.load(path))}.
 */
public final class SafeTensors {
    /** The largest header accepted, as the reference implementation (100 MB). */
    public static final long MAX_HEADER_SIZE = 100_000_000;

    private static final JsonFactory JSON = new JsonFactory();

    private SafeTensors() {
    }

    /**
     * The tensors of a file in header order, and its {@code __metadata__} (empty when absent).
     *
     * @param tensors the tensors by name, in the order of the file's header
     * @param metadata the string-to-string {@code __metadata__} map; empty when the file has none
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes {@code tensors} to {@code path} without metadata; see
     * {@link #save(Path, Map, Map)}.
     *
     * @param path the file to write: absent or a regular file
     * @param tensors the tensors by name, written in the map's order
     * @throws UncheckedIOException "safetensors: cannot write PATH: REASON"
     * @throws IllegalArgumentException if a tensor is named {@code __metadata__} or the file
     *     would exceed 2 GB
     */
    public static void save(Path path, Map<String, Tensor> tensors) {
        save(path, tensors, Map.of());
    }

    /**
     * Writes {@code tensors} (in the map's order) and {@code metadata} to {@code path}, replacing
     * an existing regular file and nothing else, never leaving a half-written file (see
     * {@link SafeFiles}: a directory, device, FIFO, socket or symbolic link at {@code path} is
     * refused; the bytes are synced to the disk before they replace the old file).
     *
     * @param path the file to write: absent or a regular file
     * @param tensors the tensors by name, written in the map's order
     * @param metadata free-form string pairs stored as {@code __metadata__}; none when empty
     * @throws UncheckedIOException "safetensors: cannot write PATH: REASON"
     * @throws IllegalArgumentException if a tensor is named {@code __metadata__} or the file
     *     would exceed 2 GB
     */
    public static void save(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) {
        byte[] bytes = toBytes(tensors, metadata);
        try {
            SafeFiles.write(path, bytes);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("safetensors: " + e.getMessage(), e.getCause());
        }
    }

    /**
     * The file's bytes: header length, space-padded JSON header (a multiple of 8 bytes), data.
     *
     * @param tensors the tensors by name, written in the map's order
     * @param metadata free-form string pairs stored as {@code __metadata__}; none when empty
     * @return the whole file, as {@link #save(Path, Map, Map)} would write it
     * @throws IllegalArgumentException if a tensor is named {@code __metadata__} or the result
     *     would not fit in one Java array
     */
    public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
        long[] offsets = new long[tensors.size() + 1];
        int i = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals(Header.METADATA_KEY)) {
                throw new IllegalArgumentException("safetensors: a tensor cannot be named " + Header.METADATA_KEY);
            }
            Tensor t = e.getValue();
            offsets[i + 1] = offsets[i] + (long) t.numel() * SafeDType.of(t.dtype()).itemSize;
            i++;
        }
        byte[] header = pad(headerJson(tensors, metadata, offsets));
        long total = 8L + header.length + offsets[tensors.size()];
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("safetensors: " + total + " bytes do not fit in one Java array");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.length).put(header);
        for (Tensor t : tensors.values()) {
            switch (t.dtype()) {
                case FLOAT32 -> out.asFloatBuffer().put(t.toFloatArray());
                case FLOAT64 -> out.asDoubleBuffer().put(t.toDoubleArray());
                case INT64 -> out.asLongBuffer().put(t.toLongArray());
            }
            out.position(out.position() + t.numel() * SafeDType.of(t.dtype()).itemSize);
        }
        return out.array();
    }

    private static byte[] headerJson(Map<String, Tensor> tensors, Map<String, String> metadata, long[] offsets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            if (!metadata.isEmpty()) {
                g.writeObjectFieldStart(Header.METADATA_KEY);
                for (Map.Entry<String, String> m : metadata.entrySet()) {
                    g.writeStringField(m.getKey(), m.getValue());
                }
                g.writeEndObject();
            }
            int i = 0;
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeStringField("dtype", SafeDType.of(e.getValue().dtype()).name());
                g.writeArrayFieldStart("shape");
                for (int d : e.getValue().shape().toArray()) {
                    g.writeNumber(d);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("data_offsets");
                g.writeNumber(offsets[i]);
                g.writeNumber(offsets[i + 1]);
                g.writeEndArray();
                g.writeEndObject();
                i++;
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        return bytes.toByteArray();
    }

    /** Pads with spaces to a multiple of 8 bytes, so the data buffer starts aligned. */
    private static byte[] pad(byte[] header) {
        byte[] out = Arrays.copyOf(header, (header.length + 7) / 8 * 8);
        Arrays.fill(out, header.length, out.length, (byte) ' ');
        return out;
    }

    // ------------------------------------------------------------------ reading

    /**
     * The tensors in the file at {@code path}, by name in header order; the metadata is dropped.
     *
     * @param path a safetensors file
     * @return the tensors, ready for {@link io.github.backprop4j.nn.Module#loadStateDict}
     * @throws UncheckedIOException "safetensors: cannot read PATH: REASON" when the file cannot be
     *     read
     * @throws SafeTensorsException "safetensors: PATH: PROBLEM" when its content is invalid
     */
    public static Map<String, Tensor> load(Path path) {
        return read(path).tensors();
    }

    /**
     * The tensors and metadata in the file at {@code path}.
     *
     * @param path a safetensors file
     * @return the tensors in header order and the {@code __metadata__}
     * @throws UncheckedIOException "safetensors: cannot read PATH: REASON" when the file cannot be
     *     read
     * @throws SafeTensorsException "safetensors: PATH: PROBLEM" when its content is invalid
     */
    public static Contents read(Path path) {
        byte[] bytes;
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                String what = Files.isDirectory(path) ? "it is a directory" : "it is not a regular file";
                throw new UncheckedIOException("safetensors: cannot read " + path + ": " + what, new IOException(what));
            }
            long size = Files.size(path);
            if (size > Integer.MAX_VALUE - 16) {
                throw new SafeTensorsException(path + ": " + size + " bytes is larger than backprop4j can read");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("safetensors: cannot read " + path + ": " + SafeFiles.reason(e), e);
        }
        try {
            return parse(bytes);
        } catch (SafeTensorsException e) {
            throw new SafeTensorsException("safetensors: " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a whole safetensors file held in memory, validating everything before building tensors.
     *
     * @param bytes the file's content
     * @return the tensors in header order and the {@code __metadata__}
     * @throws SafeTensorsException "safetensors: PROBLEM" when the content is invalid
     */
    public static Contents fromBytes(byte[] bytes) {
        try {
            return parse(bytes);
        } catch (SafeTensorsException e) {
            throw new SafeTensorsException("safetensors: " + e.getMessage(), e);
        }
    }

    private static Contents parse(byte[] bytes) {
        if (bytes.length < 8) {
            throw new SafeTensorsException("truncated file: " + bytes.length
                    + " bytes is shorter than the 8-byte header length");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        if (n < 0 || n > MAX_HEADER_SIZE) {
            throw new SafeTensorsException("header length " + Long.toUnsignedString(n)
                    + " is larger than the limit of " + MAX_HEADER_SIZE + " bytes (corrupt file?)");
        }
        if (8 + n > bytes.length) {
            throw new SafeTensorsException("header length " + n + " exceeds the " + (bytes.length - 8)
                    + " bytes that follow it (truncated or corrupt file)");
        }
        Header header = Header.parse(Arrays.copyOfRange(bytes, 8, (int) (8 + n)));
        int dataStart = (int) (8 + n);
        header.checkLayout(bytes.length - dataStart);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Header.Entry e : header.tensors().values()) {
            tensors.put(e.name(), decode(buf, dataStart, e));
        }
        return new Contents(Collections.unmodifiableMap(tensors), header.metadata());
    }

    private static Tensor decode(ByteBuffer buf, int dataStart, Header.Entry e) {
        int count = e.numel();
        ByteBuffer slice = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        slice.position(dataStart + (int) e.begin());
        return switch (e.dtype()) {
            case F32 -> {
                float[] v = new float[count];
                slice.asFloatBuffer().get(v);
                yield Tensor.fromFlat(v, e.shape());
            }
            case F64 -> {
                double[] v = new double[count];
                slice.asDoubleBuffer().get(v);
                yield Tensor.fromFlat(DType.FLOAT64, v, e.shape());
            }
            case I64 -> {
                long[] v = new long[count];
                slice.asLongBuffer().get(v);
                yield Tensor.fromFlat(v, e.shape());
            }
        };
    }
}
