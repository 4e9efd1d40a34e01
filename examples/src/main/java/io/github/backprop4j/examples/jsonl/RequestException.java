package io.github.backprop4j.examples.jsonl;

/**
 * A request line that cannot be evaluated because the request itself is malformed (missing
 * {@code op}, a tensor whose shape and data disagree, an option of the wrong JSON type), as
 * opposed to a well-formed request that the loss rejects.
 */
public final class RequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message that names the offending field. */
    public RequestException(String message) {
        super(message);
    }
}
