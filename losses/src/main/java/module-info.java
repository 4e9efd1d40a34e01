/**
 * Classification losses that match PyTorch number for number: log-softmax and softmax, NLL,
 * cross-entropy, binary cross-entropy (on probabilities and on logits) and multi-label soft
 * margin. Each is one fused autograd node whose backward is written in closed form and is
 * itself differentiable; each can {@code explain()} its forward and backward with numbers.
 */
module io.github.backprop4j.losses {
    requires transitive io.github.backprop4j.autograd;

    exports io.github.backprop4j.losses;
}
