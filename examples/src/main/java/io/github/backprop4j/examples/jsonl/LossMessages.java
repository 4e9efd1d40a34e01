package io.github.backprop4j.examples.jsonl;

import io.github.backprop4j.losses.LossException;

/**
 * The text of an {@code error} answer: PyTorch's message, as {@code str(exception)} gives it in
 * Python (and as {@code tools/reference/gen_losses.py} records it), so that answers compare
 * equal to PyTorch's. For a {@link LossException} that is {@link LossException#torchMessage()},
 * without the {@code "<op>: "} its {@code getMessage()} begins with; other exceptions (a malformed
 * request) are our own and answer with their message.
 */
final class LossMessages {
    private LossMessages() {
    }

    /** PyTorch's text for {@code e}. */
    static String pytorchText(IllegalArgumentException e) {
        if (e instanceof LossException loss) {
            return loss.torchMessage();
        }
        return e.getMessage() == null ? "" : e.getMessage();
    }
}
