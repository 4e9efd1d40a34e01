package io.github.backprop4j.nn.data;

import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset over tensors that share their first dimension, as
 * {@code torch.utils.data.TensorDataset}: example i is {@code (t₀[i], t₁[i], ...)}.
 */
public final class TensorDataset implements Dataset {
    private final List<Tensor> tensors;

    /**
     * A dataset over {@code tensors}; usually {@code new TensorDataset(features, targets)}.
     *
     * @param tensors the fields, sharing their first (example) dimension
     * @throws IllegalArgumentException if there is no tensor, a tensor is 0-d, or the first
     *     dimensions differ
     */
    public TensorDataset(Tensor... tensors) {
        this(List.of(tensors));
    }

    /**
     * A dataset over {@code tensors}, example i being {@code (t₀[i], t₁[i], ...)}.
     *
     * @param tensors the fields, sharing their first (example) dimension; the list is copied
     * @throws IllegalArgumentException if the list is empty, a tensor is 0-d, or the first
     *     dimensions differ
     */
    public TensorDataset(List<Tensor> tensors) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("TensorDataset: needs at least one tensor");
        }
        int n = -1;
        for (Tensor t : tensors) {
            if (t.dim() == 0) {
                throw new IllegalArgumentException("TensorDataset: tensors need a first (example) dimension,"
                        + " got a 0-d tensor");
            }
            if (n >= 0 && t.size(0) != n) {
                throw new IllegalArgumentException("TensorDataset: Size mismatch between tensors: "
                        + shapes(tensors) + " do not share their first dimension");
            }
            n = t.size(0);
        }
        this.tensors = List.copyOf(tensors);
    }

    private static String shapes(List<Tensor> tensors) {
        List<String> s = new ArrayList<>();
        tensors.forEach(t -> s.add(t.shape().toString()));
        return String.join(", ", s);
    }

    /**
     * The underlying tensors.
     *
     * @return an immutable list of the fields, in construction order
     */
    public List<Tensor> tensors() {
        return tensors;
    }

    /**
     * Field {@code i} (Kotlin: {@code dataset.tensor(0)}).
     *
     * @param i the field's position, from 0
     * @return the whole tensor of that field, examples along dimension 0
     * @throws IndexOutOfBoundsException if there is no field {@code i}
     */
    public Tensor tensor(int i) {
        return tensors.get(i);
    }

    @Override
    public int size() {
        return tensors.get(0).size(0);
    }

    @Override
    public List<Tensor> get(int index) {
        checkIndex(index);
        List<Tensor> out = new ArrayList<>();
        tensors.forEach(t -> out.add(t.select(0, index)));
        return out;
    }

    /** Rows {@code indices} of every tensor, by one {@code indexSelect} per field. */
    @Override
    public List<Tensor> getBatch(int[] indices) {
        long[] idx = new long[indices.length];
        for (int i = 0; i < idx.length; i++) {
            checkIndex(indices[i]);
            idx[i] = indices[i];
        }
        Tensor index = Tensor.of(idx);
        List<Tensor> out = new ArrayList<>();
        tensors.forEach(t -> out.add(t.indexSelect(0, index)));
        return out;
    }

    /**
     * The examples at {@code indices}, as a new dataset (for train/test splits).
     *
     * @param indices the positions of the examples to keep, in the new order, e.g.
     *     {@link TrainTestSplit#train()}
     * @return a dataset of {@code indices.length} examples, copied from this one
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public TensorDataset subset(int[] indices) {
        return new TensorDataset(getBatch(indices));
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("TensorDataset: index " + index + " is out of range for "
                    + size() + " examples");
        }
    }
}
