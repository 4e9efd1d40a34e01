package io.github.backprop4j.nn.data;

import io.github.backprop4j.tensor.Tensor;
import java.util.List;

/**
 * One mini-batch from a {@link DataLoader}: one tensor per field of the dataset, each with the
 * batch as its first dimension, and the dataset indices of the examples in it.
 *
 * <p>Kotlin destructures it: {@code for ((x, y) in loader) ...}.
 */
public final class Batch {
    private final List<Tensor> fields;
    private final int[] indices;

    /**
     * A batch of the given fields, as {@link DataLoader} makes it from
     * {@link Dataset#getBatch(int[])}.
     *
     * @param fields one tensor per dataset field, each of shape {@code [indices.length, ...]}; copied
     * @param indices the dataset indices of the examples, in batch order; copied
     */
    public Batch(List<Tensor> fields, int[] indices) {
        this.fields = List.copyOf(fields);
        this.indices = indices.clone();
    }

    /**
     * Field {@code i} (Kotlin: {@code batch[0]}).
     *
     * @param i the field's position in the dataset, from 0
     * @return that field's tensor for the whole batch
     * @throws IndexOutOfBoundsException if there is no field {@code i}
     */
    public Tensor get(int i) {
        if (i < 0 || i >= fields.size()) {
            throw new IndexOutOfBoundsException("Batch: field " + i + " is out of range for " + fields.size()
                    + " fields");
        }
        return fields.get(i);
    }

    /**
     * All fields, in the dataset's order.
     *
     * @return an immutable list of one tensor per field
     */
    public List<Tensor> fields() {
        return fields;
    }

    /**
     * The first field, usually the features; Kotlin's destructuring calls it.
     *
     * @return {@code get(0)}
     */
    public Tensor component1() {
        return get(0);
    }

    /**
     * The second field, usually the targets; Kotlin's destructuring calls it.
     *
     * @return {@code get(1)}
     * @throws IndexOutOfBoundsException if the dataset has a single field
     */
    public Tensor component2() {
        return get(1);
    }

    /**
     * Number of examples in the batch.
     *
     * @return the size of each field's first dimension
     */
    public int size() {
        return indices.length;
    }

    /**
     * The dataset indices of the examples, in batch order.
     *
     * @return a fresh copy of the indices
     */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public String toString() {
        return "Batch(size=" + indices.length + ", fields=" + fields.stream().map(t -> t.shape().toString()).toList()
                + ")";
    }
}
