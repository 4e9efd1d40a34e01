package io.github.backprop4j.examples.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Standard output could not be written: a closed pipe ({@code | head -1}), a full disk,
 * {@code /dev/full}. {@link PrintWriter} and {@code System.out} swallow such errors and let the
 * program run on writing into nothing; the writer of {@link #writerOn} throws this instead, so
 * that every command ends at once with one line on stderr and a non-zero exit
 * ({@link ExitHandlers}).
 */
public final class StdoutFailure extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    StdoutFailure(IOException cause) {
        super("cannot write to standard output: " + reason(cause), cause);
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A UTF-8, auto-flushing writer on {@code stream} that throws {@link StdoutFailure} when a write fails. */
    public static PrintWriter writerOn(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(new Checked(stream), StandardCharsets.UTF_8), true);
    }

    /** Turns the stream's IOExceptions into {@link StdoutFailure}, which PrintWriter lets through. */
    private static final class Checked extends FilterOutputStream {
        Checked(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new StdoutFailure(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new StdoutFailure(e);
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new StdoutFailure(e);
            }
        }
    }
}
