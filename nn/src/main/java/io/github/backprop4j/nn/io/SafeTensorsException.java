package io.github.backprop4j.nn.io;

/** A safetensors file or byte array that cannot be read: corrupt, truncated or unsupported. */
public final class SafeTensorsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure described by {@code message}.
     *
     * @param message one line naming the problem, e.g. "truncated file: 5 bytes is shorter than
     *     the 8-byte header length"
     */
    public SafeTensorsException(String message) {
        super(message);
    }

    /**
     * A failure described by {@code message}, caused by {@code cause} (e.g. a JSON parse error,
     * or the same failure without the file's name).
     *
     * @param message one line naming the problem
     * @param cause the underlying failure
     */
    public SafeTensorsException(String message, Throwable cause) {
        super(message, cause);
    }
}
