package io.github.backprop4j.nn;

import io.github.backprop4j.tensor.Tensor;
import java.util.Map;

/**
 * Something whose state is a set of named tensors, as PyTorch's {@code state_dict()} /
 * {@code load_state_dict()}: modules (their parameters), optimizers (their moments and step
 * counts), learning-rate schedules (their epoch and counters). {@link io.github.backprop4j.nn.io.Checkpoint}
 * saves several of them in one safetensors file.
 */
public interface Stateful {
    /**
     * The current state by name; numbers that are not tensors in PyTorch (a step count, a
     * learning rate) are 0-d float64 tensors.
     *
     * @return the state, in a stable order
     */
    Map<String, Tensor> stateDict();

    /**
     * Restores a state that {@link #stateDict()} returned, from this or an identically configured object.
     *
     * @param state the state by name
     * @throws IllegalArgumentException when keys or shapes do not match
     */
    void loadStateDict(Map<String, Tensor> state);
}
