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
    /**
     * Number of examples, as {@code len(dataset)}.
     *
     * @return how many indices {@link #get(int)} accepts: {@code 0..size()-1}
     */
    int size();

    /**
     * Example {@code index}, one tensor per field, as {@code dataset[index]}.
     *
     * @param index the example's position, in {@code 0..size()-1}
     * @return the example's fields, each without a batch dimension
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    List<Tensor> get(int index);

    /**
     * The examples at {@code indices}, each field stacked along a new first dimension (PyTorch's
     * default collate). Implementations may override this with something faster.
     *
     * @param indices the positions of the examples, in batch order
     * @return one tensor per field, of shape {@code [indices.length, ...]}
     * @throws IllegalArgumentException if {@code indices} is empty
     * @throws IndexOutOfBoundsException if an index is out of range
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
