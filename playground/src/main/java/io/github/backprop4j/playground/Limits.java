package io.github.backprop4j.playground;

/**
 * What one client can ask of the server. Requests are untrusted: a body or query of at most
 * 64 KiB holds at most some 32 000 numbers, so no single loss request can take more than a few
 * megabytes; {@link #HANDLER_THREADS} requests are worked on at once. Training runs are few and
 * bounded in size, since each one keeps a core busy.
 */
final class Limits {
    /** Largest request body (POST /api/loss). */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** How much of a body over the limit is read (and dropped) so the client sees the 413. */
    static final long MAX_DRAINED_BYTES = 8L * 1024 * 1024;
    /** Longest query string (the explorer's literals travel in it). */
    static final int MAX_QUERY_CHARS = 64 * 1024;
    /** Requests handled at once; the rest wait their turn. */
    static final int HANDLER_THREADS = 8;
    /** Training runs at once; one more is refused with 429 until one ends. */
    static final int MAX_TRAINING_RUNS = 2;
    /** Upper bounds of one training run's settings. */
    static final int MAX_EPOCHS = 1000;
    static final int MAX_HIDDEN_LAYERS = 4;
    static final int MAX_HIDDEN_WIDTH = 256;
    static final int MAX_BATCH_SIZE = 4096;
    /** A paused run that nobody resumes for this long ends by itself. */
    static final long PAUSE_TIMEOUT_SECONDS = 600;

    private Limits() {
    }
}
