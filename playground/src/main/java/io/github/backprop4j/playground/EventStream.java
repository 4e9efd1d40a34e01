package io.github.backprop4j.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A response of server-sent events ({@code text/event-stream}): one named JSON event at a time. */
final class EventStream implements AutoCloseable {
    private final OutputStream out;

    /** Sends the headers; the body stays open until {@link #close}. */
    EventStream(HttpExchange http) throws IOException {
        http.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        http.getResponseHeaders().set("Cache-Control", "no-store");
        http.sendResponseHeaders(200, 0);
        this.out = http.getResponseBody();
    }

    /** Sends {@code event: name} with {@code data} on one line; throws if the page has gone. */
    synchronized void send(String name, JsonNode data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** {@link #send}, ignoring a page that has gone. */
    void trySend(String name, JsonNode data) {
        try {
            send(name, data);
        } catch (IOException e) {
            // nobody is listening any more
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
