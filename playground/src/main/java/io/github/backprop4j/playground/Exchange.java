package io.github.backprop4j.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request and its answer: reading the query and a bounded body, writing JSON, HTML or text. */
final class Exchange {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange http;

    Exchange(HttpExchange http) {
        this.http = http;
    }

    HttpExchange http() {
        return http;
    }

    String method() {
        return http.getRequestMethod();
    }

    String path() {
        return http.getRequestURI().getPath();
    }

    /** The query parameters, decoded; the first value of a repeated name wins. */
    Map<String, String> query() {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = http.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        if (raw.length() > Limits.MAX_QUERY_CHARS) {
            throw new HttpError(414, "the query is longer than " + Limits.MAX_QUERY_CHARS + " characters");
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "malformed query: " + e.getMessage());
        }
    }

    /**
     * The body as UTF-8, refused with 413 past {@link Limits#MAX_BODY_BYTES}. The rest of a body
     * that is too large is read and dropped (up to {@link Limits#MAX_DRAINED_BYTES}), never kept,
     * so that the client gets to read the 413.
     */
    String body() throws IOException {
        String length = http.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            parseLength(length);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = http.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > Limits.MAX_BODY_BYTES) {
                    drain(in, buffer);
                    throw new HttpError(413, "the request body is larger than " + Limits.MAX_BODY_BYTES + " bytes");
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void drain(InputStream in, byte[] buffer) throws IOException {
        long dropped = 0;
        int n;
        while (dropped < Limits.MAX_DRAINED_BYTES && (n = in.read(buffer)) > 0) {
            dropped += n;
        }
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new HttpError(400, "malformed Content-Length: " + header);
        }
    }

    void sendJson(int status, String json) throws IOException {
        send(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"error": message}} with a 4xx status. */
    void sendError(int status, String message) throws IOException {
        ObjectNode error = JSON.createObjectNode().put("error", message);
        sendJson(status, error.toString());
    }

    void sendHtml(int status, String html) throws IOException {
        send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        http.getResponseHeaders().set("Cache-Control", "no-store");
        http.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    void redirect(String location) throws IOException {
        http.getResponseHeaders().set("Location", location);
        http.sendResponseHeaders(302, -1);
        http.close();
    }

    /** A request that gets a 4xx answer with this one-line message. */
    static class HttpError extends RuntimeException {
        private final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
