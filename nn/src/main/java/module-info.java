/**
 * Tiny neural networks on backprop4j: {@link io.github.backprop4j.nn.Module} and its layers,
 * initialisers, optimizers and learning-rate schedules ({@code nn.optim}), datasets and loaders
 * ({@code nn.data}), and state dicts saved as safetensors ({@code nn.io}).
 */
module io.github.backprop4j.nn {
    requires transitive io.github.backprop4j.autograd;
    requires io.github.backprop4j.losses;
    requires com.fasterxml.jackson.core;

    exports io.github.backprop4j.nn;
    exports io.github.backprop4j.nn.optim;
    exports io.github.backprop4j.nn.data;
    exports io.github.backprop4j.nn.io;
    exports io.github.backprop4j.nn.metrics;
}
