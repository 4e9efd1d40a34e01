package io.github.backprop4j.examples.jsonl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The loop of {@code loss --jsonl}: one answer line per request line, in order, each written and
 * flushed before the next line is read, so another program can drive it interactively. Blank
 * lines are skipped. A line that is not JSON, a malformed request and input the loss rejects all
 * get an {@code {"id": ..., "error": "..."}} answer; nothing stops the loop but the end of input.
 */
public final class JsonlSession {
    private JsonlSession() {
    }

    /** Answers every line of {@code in} on {@code out}. */
    public static void run(BufferedReader in, PrintWriter out) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                out.println(answer(line).toJson());
                out.flush();
            }
        }
    }

    /** The answer to one request line. Never throws for bad input. */
    public static JsonlAnswer answer(String line) {
        JsonNode json;
        try {
            json = JsonText.read(line);
        } catch (JsonProcessingException e) {
            return new JsonlAnswer.Failure(NullNode.getInstance(), "invalid JSON: " + describe(e));
        }
        try {
            return LossEvaluator.evaluate(LossRequest.read(json));
        } catch (IllegalArgumentException e) {
            return new JsonlAnswer.Failure(LossRequest.idOf(json), oneLine(LossMessages.pytorchText(e)));
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
