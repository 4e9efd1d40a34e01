/**
 * Reverse-mode automatic differentiation: {@link io.github.backprop4j.autograd.Variable}, the op
 * catalogue, the backward engine, no-grad scopes and {@link io.github.backprop4j.autograd.GradCheck}.
 */
module io.github.backprop4j.autograd {
    requires transitive io.github.backprop4j.tensor;

    exports io.github.backprop4j.autograd;
    exports io.github.backprop4j.autograd.ops;
}
