package io.github.backprop4j.nn.data;

import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A finite, indexable collection of examples, as {@code torch.utils.data.Dataset}. An example is
 * a list of tensors, one per field (typically features and a target), each without a batch
 * dimension.
 */
public interface Dataset {
    /** Number of examples. */
    int size();

    /** Example {@code index}, one tensor per field. */
    List<Tensor> get(int index);

    /**
     * The examples at {@code indices}, each field stacked along a new first dimension (PyTorch's
     * default collate). Implementations may override this with something faster.
     */
    default List<Tensor> getBatch(int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("Dataset.getBatch: no indices");
        }
        List<List<Tensor>> examples = new ArrayList<>();
        for (int i : indices) {
            examples.add(get(i));
        }
        int fields = examples.get(0).size();
        List<Tensor> out = new ArrayList<>();
        for (int f = 0; f < fields; f++) {
            List<Tensor> column = new ArrayList<>();
            for (List<Tensor> e : examples) {
                column.add(e.get(f));
            }
            out.add(Tensor.stack(column, 0));
        }
        return out;
    }
}
