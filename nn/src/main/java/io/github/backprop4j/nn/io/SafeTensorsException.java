package io.github.backprop4j.nn.io;

/** A safetensors file or byte array that cannot be read: corrupt, truncated or unsupported. */
public final class SafeTensorsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SafeTensorsException(String message) {
        super(message);
    }

    public SafeTensorsException(String message, Throwable cause) {
        super(message, cause);
    }
}
