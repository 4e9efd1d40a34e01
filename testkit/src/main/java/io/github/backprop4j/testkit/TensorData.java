package io.github.backprop4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tensor as the reference files write it — {@code {"dtype": "float64", "shape": [2, 3],
 * "data": [...]}}, data flat and row-major — decoded into plain arrays. {@code TensorKit} (in
 * tensor's test-jar) turns it into a {@code Tensor}.
 *
 * @param dtype   "float32", "float64" or "int64", as PyTorch names them
 * @param shape   the sizes
 * @param values  the elements as doubles (for int64, exact up to 2^53)
 * @param longs   the elements as longs when the dtype is int64, else empty
 */
public record TensorData(String dtype, int[] shape, double[] values, long[] longs) {

    /** Decodes a node that names its dtype. */
    public static TensorData decode(JsonNode node) {
        JsonNode dtype = node.get("dtype");
        if (dtype == null) {
            throw new IllegalArgumentException("tensor without a dtype: " + node);
        }
        return decode(node, dtype.asText());
    }

    /** Decodes a {@code {"shape", "data"}} node whose dtype the surrounding record gives. */
    public static TensorData decode(JsonNode node, String dtype) {
        JsonNode shapeNode = node.get("shape");
        JsonNode data = node.get("data");
        if (shapeNode == null || data == null) {
            throw new IllegalArgumentException("a tensor needs \"shape\" and \"data\": " + node);
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
        }
        double[] values = numbers(data);
        long[] longs = new long[0];
        if (dtype.equals("int64")) {
            List<JsonNode> leaves = new ArrayList<>();
            leaves(data, leaves);
            longs = leaves.stream().mapToLong(JsonNode::asLong).toArray();
        }
        int numel = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (values.length != numel) {
            throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
        }
        return new TensorData(dtype, shape, values, longs);
    }

    /** The numbers of a JSON value (a number, or lists nested to any depth), flattened in order. */
    public static double[] numbers(JsonNode node) {
        List<JsonNode> leaves = new ArrayList<>();
        leaves(node, leaves);
        return leaves.stream().mapToDouble(JsonNode::asDouble).toArray();
    }

    private static void leaves(JsonNode node, List<JsonNode> out) {
        if (node.isArray()) {
            node.forEach(n -> leaves(n, out));
        } else {
            out.add(node);
        }
    }

    public boolean isInt64() {
        return dtype.equals("int64");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorData t && dtype.equals(t.dtype) && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values) && Arrays.equals(longs, t.longs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape) + " " + Arrays.toString(values);
    }
}
