package io.github.backprop4j.tensor.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.Gens;
import io.github.backprop4j.testkit.TensorData;
import io.github.backprop4j.testkit.Tolerance;
import java.util.Random;
import org.quicktheories.core.Gen;

/**
 * The test kit ({@code io.github.backprop4j.testkit}) for {@link Tensor}s: decoding, the tolerance
 * assertion, and generators. It lives in tensor's test-jar because the kit itself cannot depend
 * on tensor (tensor's own tests use the kit, and Maven rejects the cycle); every module's tests
 * take it from there.
 */
public final class TensorKit {
    private TensorKit() {
    }

    /** The tensor a reference file describes. */
    public static Tensor tensor(TensorData d) {
        return d.isInt64() ? Tensor.fromFlat(d.longs(), d.shape()) : Tensor.fromFlat(DType.parse(d.dtype()), d.values(), d.shape());
    }

    /** A {@code {"dtype", "shape", "data"}} node as a tensor. */
    public static Tensor tensor(JsonNode node) {
        return tensor(TensorData.decode(node));
    }

    /** A {@code {"shape", "data"}} node as a tensor of {@code dtype}. */
    public static Tensor tensor(JsonNode node, DType dtype) {
        return tensor(TensorData.decode(node, dtype.shortName()));
    }

    /**
     * Fails unless {@code actual} has {@code expected}'s shape and its values are within {@code
     * tolerance} of {@code expected}'s (dtypes may differ: values are compared as doubles).
     */
    public static void assertClose(Tensor expected, Tensor actual, Tolerance tolerance, String what) {
        tolerance.assertClose(expected.shape().toArray(), expected.toDoubleArray(), actual.shape().toArray(),
                actual.toDoubleArray(), what);
    }

    /** Largest |a − b| over the elements: +∞ if the shapes differ or NaN sits in different places. */
    public static double maxAbsDifference(Tensor a, Tensor b) {
        return a.shape().equals(b.shape()) ? Tolerance.maxAbsDifference(a.toDoubleArray(), b.toDoubleArray())
                : Double.POSITIVE_INFINITY;
    }

    /** A tensor of {@code dtype} with values uniform in [lo, hi), drawn from {@code r}. */
    public static Tensor uniform(Random r, DType dtype, double lo, double hi, int... shape) {
        return Tensor.fromFlat(dtype, Gens.uniform(r, lo, hi, Gens.numel(shape)), shape);
    }

    /** A tensor of {@code dtype} with values from N(0, scale²), drawn from {@code r}. */
    public static Tensor normal(Random r, DType dtype, double scale, int... shape) {
        return Tensor.fromFlat(dtype, Gens.normal(r, scale, Gens.numel(shape)), shape);
    }

    /** Tensors of the generated shapes with values uniform in [lo, hi); shrinks to small shapes, values near lo. */
    public static Gen<Tensor> tensors(Gen<int[]> shapes, DType dtype, double lo, double hi) {
        Gen<Tensor> g = shapes.flatMap(s -> Gens.fromRandom(r -> uniform(r, dtype, lo, hi, s)));
        return g.describedAs(t -> t.shape() + " " + t);
    }
}
