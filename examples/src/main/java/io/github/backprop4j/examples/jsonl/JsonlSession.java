package io.github.backprop4j.examples.jsonl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The loop of {@code loss --jsonl}: one answer line per request line, in order, each written and
 * flushed before the next line is read, so another program can drive it interactively. Blank
 * lines are skipped. A line that is not JSON, a malformed request, input the loss rejects, a
 * line longer than {@link RequestLimits#maxLineLength()} and a request over
 * {@link RequestLimits#memoryBudget()} all get an {@code {"id": ..., "error": "..."}} answer;
 * nothing stops the loop but the end of input or an output that can no longer be written.
 */
public final class JsonlSession {
    private JsonlSession() {
    }

    /** Answers every line of {@code in} on {@code out}, within the default {@link RequestLimits}. */
    public static void run(Reader in, PrintWriter out) throws IOException {
        run(in, out, RequestLimits.defaults());
    }

    /**
     * Answers every line of {@code in} on {@code out} within {@code limits}.
     *
     * @throws UncheckedIOException when {@code out} fails (a closed pipe, a full disk)
     */
    public static void run(Reader in, PrintWriter out, RequestLimits limits) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(in, limits.maxLineLength());
        for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
            JsonlAnswer answer;
            if (line.tooLong()) {
                answer = new JsonlAnswer.Failure(NullNode.getInstance(), "line " + line.number()
                        + " is longer than the limit of " + limits.maxLineLength() + " characters (see --max-line-length)");
            } else if (line.text().isBlank()) {
                continue;
            } else {
                answer = answer(line.text(), limits);
            }
            out.println(answer.toJson());
            out.flush();
            if (out.checkError()) {
                throw new UncheckedIOException("cannot write the answers", new IOException("output failed"));
            }
        }
    }

    /** The answer to one request line within the default limits. Never throws for bad input. */
    public static JsonlAnswer answer(String line) {
        return answer(line, RequestLimits.defaults());
    }

    /** The answer to one request line within {@code limits} (its length is not checked here). Never throws for bad input. */
    public static JsonlAnswer answer(String line, RequestLimits limits) {
        JsonNode json;
        try {
            json = JsonText.read(line);
        } catch (JsonProcessingException e) {
            return new JsonlAnswer.Failure(NullNode.getInstance(), "invalid JSON: " + describe(e));
        }
        try {
            LossRequest request = LossRequest.read(json);
            RequestBudget.check(request, limits.memoryBudget());
            return LossEvaluator.evaluate(request);
        } catch (IllegalArgumentException e) {
            return new JsonlAnswer.Failure(LossRequest.idOf(json), oneLine(LossMessages.pytorchText(e)));
        } catch (OutOfMemoryError e) {
            return new JsonlAnswer.Failure(LossRequest.idOf(json), "out of memory while answering this request "
                    + "(lower --memory-budget, or give the JVM more heap)");
        } catch (RuntimeException | StackOverflowError e) {
            return new JsonlAnswer.Failure(LossRequest.idOf(json), oneLine("internal error: " + e));
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (column " + at.getColumnNr() + ")";
        return oneLine(e.getOriginalMessage()) + where;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
