package io.github.backprop4j.examples.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;

/**
 * Tensors in JSON, as docs/spec/cli.md writes them: {@code {"shape": [2, 3], "data": [...]}},
 * {@code data} flat in row-major order, a 0-d tensor with shape {@code []} and one datum.
 */
public final class JsonTensors {
    private JsonTensors() {
    }

    /**
     * Reads a tensor of {@code dtype} from {@code node}. For INT64 every datum must be a whole
     * number. {@code what} names the tensor in error messages ({@code input}, {@code target}, ...).
     */
    public static Tensor read(JsonNode node, DType dtype, String what) {
        if (node == null || !node.isObject()) {
            throw new RequestException(what + ": expected a tensor {\"shape\": [...], \"data\": [...]}");
        }
        int[] shape = readShape(node.get("shape"), what);
        JsonNode data = node.get("data");
        if (data == null || !data.isArray()) {
            throw new RequestException(what + ": \"data\" must be a flat list of numbers");
        }
        long numel = 1;
        for (int s : shape) {
            numel *= s;
        }
        if (numel != data.size()) {
            throw new RequestException(what + ": shape " + java.util.Arrays.toString(shape) + " holds " + numel
                    + " values but \"data\" has " + data.size());
        }
        if (dtype == DType.INT64) {
            long[] values = new long[data.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = readLong(data.get(i), what + ": data[" + i + "]");
            }
            return Tensor.fromFlat(values, shape);
        }
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = data.get(i);
            if (!v.isNumber()) {
                throw new RequestException(what + ": data[" + i + "] is not a number: " + v);
            }
            values[i] = v.asDouble();
        }
        return Tensor.fromFlat(dtype, values, shape);
    }

    /** A whole number from {@code node} (an integer, or a float with no fraction). */
    static long readLong(JsonNode node, String what) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node != null && node.isNumber()) {
            double d = node.asDouble();
            if (d == Math.rint(d) && Math.abs(d) <= 0x1p53) {
                return (long) d;
            }
        }
        throw new RequestException(what + " must be a whole number, got " + node);
    }

    private static int[] readShape(JsonNode shape, String what) {
        if (shape == null || !shape.isArray()) {
            throw new RequestException(what + ": \"shape\" must be a list of sizes");
        }
        int[] sizes = new int[shape.size()];
        for (int i = 0; i < sizes.length; i++) {
            long s = readLong(shape.get(i), what + ": shape[" + i + "]");
            if (s < 0 || s > Integer.MAX_VALUE) {
                throw new RequestException(what + ": shape[" + i + "] must be a size ≥ 0, got " + s);
            }
            sizes[i] = (int) s;
        }
        return sizes;
    }

    /** The tensor as {@code {"shape": [...], "data": [...]}} with Python's separators. */
    public static String write(Tensor t) {
        StringBuilder sb = new StringBuilder("{\"shape\": [");
        int[] shape = t.shape().toArray();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        sb.append("], \"data\": [");
        if (t.dtype() == DType.INT64) {
            long[] values = t.toLongArray();
            for (int i = 0; i < values.length; i++) {
                sb.append(i > 0 ? ", " : "").append(JsonNumbers.int64(values[i]));
            }
        } else {
            boolean single = t.dtype() == DType.FLOAT32;
            double[] values = t.toDoubleArray();
            for (int i = 0; i < values.length; i++) {
                sb.append(i > 0 ? ", " : "")
                        .append(single ? JsonNumbers.float32(values[i]) : JsonNumbers.float64(values[i]));
            }
        }
        return sb.append("]}").toString();
    }
}
