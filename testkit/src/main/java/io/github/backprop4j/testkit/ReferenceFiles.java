package io.github.backprop4j.testkit;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed reference files (written by the scripts under {@code tools/reference/}), read
 * from the test class path by resource name, e.g. {@code "/reference/loss_cases.jsonl"}. A file
 * of another module is on the class path through that module's test-jar, never through a
 * relative path. JSON is read as Python's {@code json} writes it: {@code NaN}, {@code Infinity}
 * and {@code -Infinity} are bare tokens.
 */
public final class ReferenceFiles {
    /** Python's json dialect, both ways. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private ReferenceFiles() {
    }

    /** The parsed JSON of a resource. */
    public static JsonNode json(String resource) {
        try (InputStream in = open(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The non-blank lines of a JSON Lines resource, each parsed. */
    public static List<JsonNode> jsonl(String resource) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines(resource)) {
            try {
                out.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException(resource + ": line " + (out.size() + 1), e);
            }
        }
        return out;
    }

    /** The non-blank lines of a text resource. */
    public static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return out;
    }

    /** The file behind a resource, for code under test that reads files (it must not be inside a jar). */
    public static Path path(String resource) {
        try {
            return Path.of(url(resource).toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("test resource " + resource + " is not a plain file: " + url(resource), e);
        }
    }

    private static InputStream open(String resource) {
        try {
            return url(resource).openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static URL url(String resource) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource.replaceFirst("^/", ""));
        if (url == null) {
            throw new IllegalStateException("missing test resource " + resource
                    + " (the files under reference/ are written by the scripts in tools/reference/)");
        }
        return url;
    }
}
