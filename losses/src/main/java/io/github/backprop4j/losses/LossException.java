package io.github.backprop4j.losses;

/**
 * Bad input to a loss: the caller's mistake. The message is {@code "<op>: <PyTorch's message>"},
 * e.g. {@code "cross_entropy: Target 5 is out of bounds."}, where {@code op} is the PyTorch name
 * of the op that rejected the input ({@code cross_entropy}, {@code nll_loss},
 * {@code binary_cross_entropy}, {@code binary_cross_entropy_with_logits},
 * {@code multilabel_soft_margin_loss}, {@code log_softmax}, {@code softmax}); {@link #torchMessage()}
 * is PyTorch's message alone. Where PyTorch has no message for the mistake, the text after the
 * colon is our own.
 */
public class LossException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The PyTorch name of the op that rejected the input. */
    private final String op;
    /** PyTorch's message without the {@code "<op>: "} prefix. */
    private final String torchMessage;

    /**
     * A failure of {@code op}; {@code message} is PyTorch's text (a leading {@code "<op>: "} is not
     * repeated).
     *
     * @param op the PyTorch name of the op that rejected the input, such as {@code nll_loss}
     * @param message PyTorch's message for the mistake (or ours where PyTorch has none)
     */
    public LossException(String op, String message) {
        super(message.startsWith(op + ": ") ? message : op + ": " + message);
        this.op = op;
        this.torchMessage = message;
    }

    /**
     * The PyTorch name of the op that rejected the input.
     *
     * @return the op name, such as {@code cross_entropy}
     */
    public String op() {
        return op;
    }

    /**
     * PyTorch's message (or ours, where PyTorch has none) without the {@code "<op>: "} that
     * {@link #getMessage()} adds: what {@code str(e)} says in Python. It may itself begin with the
     * op's name, as cross-entropy's
     * {@code "cross_entropy: weight tensor should be defined either for all 3 classes or no classes
     * but got weight tensor of shape: [2]"} does for probability targets.
     *
     * @return the message as PyTorch words it
     */
    public String torchMessage() {
        return torchMessage;
    }
}
