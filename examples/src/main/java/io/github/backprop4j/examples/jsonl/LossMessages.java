package io.github.backprop4j.examples.jsonl;

import io.github.backprop4j.losses.LossException;
import org.jspecify.annotations.Nullable;

/**
 * The text of an {@code error} answer: PyTorch's message, as {@code str(exception)} gives it in
 * Python (and as {@code tools/reference/gen_losses.py} records it), so that answers compare
 * equal to PyTorch's.
 *
 * <p>A {@link LossException}'s message is {@code "<op>: <PyTorch's message>"}; the op prefix is
 * removed. One PyTorch message starts with its op's name itself: cross-entropy with probability
 * targets says {@code "cross_entropy: weight tensor should be defined either for all 3 classes
 * or no classes but got weight tensor of shape: [2]"} (the same check on class indices says it
 * without the prefix), so for that request the prefix stays.
 */
final class LossMessages {
    private static final String WEIGHT_SIZE = "weight tensor should be defined";

    private LossMessages() {
    }

    /** PyTorch's text for {@code e}, raised while answering {@code request} (null if it did not parse). */
    static String pytorchText(IllegalArgumentException e, @Nullable LossRequest request) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (!(e instanceof LossException loss) || !message.startsWith(loss.op() + ": ")) {
            return message;
        }
        String text = message.substring(loss.op().length() + 2);
        boolean probabilityTargets = request != null && request.op() == LossOp.CROSS_ENTROPY
                && request.target() != null && request.target().dtype().isFloatingPoint()
                && request.target().shape().equals(request.input().shape());
        if (probabilityTargets && loss.op().equals("cross_entropy") && text.startsWith(WEIGHT_SIZE)) {
            return message;
        }
        return text;
    }
}
