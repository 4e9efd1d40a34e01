package io.github.backprop4j.examples.jsonl;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines (ended by {@code \n}, {@code \r} or {@code \r\n}, as {@link java.io.BufferedReader}
 * does) without ever holding more than {@code maxChars} characters of one: the rest of a longer
 * line is read and dropped, so a 3 GB line with no newline costs no more memory than a short one.
 */
final class BoundedLineReader {
    /** One line: its number (from 1) and its text, or null text when it was longer than the limit. */
    record Line(long number, @Nullable String text) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final long maxChars;
    private final char[] buffer = new char[8192];
    private int pos;
    private int end;
    private boolean skipNewline;
    private long lineNumber;

    BoundedLineReader(Reader in, long maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the input. */
    @Nullable Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        boolean started = false;
        while (true) {
            if (pos == end && !fill()) {
                return started ? line(text) : null;
            }
            if (skipNewline) {
                skipNewline = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            started = true;
            int from = pos;
            while (pos < end && buffer[pos] != '\n' && buffer[pos] != '\r') {
                pos++;
            }
            int n = pos - from;
            length += n;
            if (text != null && length <= maxChars) {
                text.append(buffer, from, n);
            } else {
                text = null; // too long: drop what was kept, and keep nothing more
            }
            if (pos < end) {
                skipNewline = buffer[pos++] == '\r';
                return line(text);
            }
        }
    }

    private Line line(@Nullable StringBuilder text) {
        return new Line(++lineNumber, text == null ? null : text.toString());
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        pos = 0;
        end = Math.max(n, 0);
        return n > 0;
    }
}
