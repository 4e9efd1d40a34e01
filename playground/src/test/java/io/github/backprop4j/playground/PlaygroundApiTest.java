package io.github.backprop4j.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API of the playground, good requests and bad, against a real server on a free port. */
class PlaygroundApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CE_REQUEST = "{\"id\": \"c1\", \"op\": \"cross_entropy\", "
            + "\"input\": {\"shape\": [2, 4], \"data\": [1, 4, 1, 1, 5, 1, 2, 1]}, "
            + "\"target\": {\"shape\": [2], \"data\": [1, 0]}}";

    private static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.toString());
        return JSON.readTree(r.body());
    }

    @Test
    void urlIsLoopbackWithTheChosenPort() {
        assertEquals("http://127.0.0.1:" + s.server.port() + "/", s.server.url());
    }

    @Test
    void postLossAnswersExactlyWhatLossJsonlPrints() throws Exception {
        HttpResponse<String> r = s.post("/api/loss", CE_REQUEST);
        assertEquals(200, r.statusCode());
        TestServer.CliRun cli = TestServer.cli(CE_REQUEST + "\n", "loss", "--jsonl", "-");
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(cli.out().strip(), r.body());
        // PyTorch: F.cross_entropy([[1,4,1,1],[5,1,2,1]], [1,0]) prints tensor(0.1110)
        assertEquals(0.1110, json(r).get("output").get("data").get(0).asDouble(), 5e-5);
    }

    @Test
    void postLossInputTheLossRejectsIs400WithTheCliError() throws Exception {
        String request = CE_REQUEST.replace("\"data\": [1, 0]", "\"data\": [1, 7]");
        HttpResponse<String> r = s.post("/api/loss", request);
        assertEquals(400, r.statusCode());
        assertEquals("Target 7 is out of bounds.", json(r).get("error").asText());
        assertEquals(TestServer.cli(request + "\n", "loss", "--jsonl", "-").out().strip(), r.body());
    }

    @Test
    void postLossBadRequestsAre4xxJsonErrors() throws Exception {
        HttpResponse<String> notJson = s.post("/api/loss", "{\"op\": ");
        assertEquals(400, notJson.statusCode());
        assertTrue(json(notJson).get("error").asText().startsWith("invalid JSON"), notJson.body());

        HttpResponse<String> unknownOp = s.post("/api/loss", "{\"op\": \"hinge\", \"input\": {\"shape\": [1], \"data\": [1]}}");
        assertEquals(400, unknownOp.statusCode());
        assertTrue(json(unknownOp).get("error").asText().startsWith("unknown op 'hinge'"), unknownOp.body());

        HttpResponse<String> empty = s.post("/api/loss", "");
        assertEquals(400, empty.statusCode());
        assertTrue(json(empty).has("error"));

        HttpResponse<String> twoLines = s.post("/api/loss", CE_REQUEST + "\n" + CE_REQUEST);
        assertEquals(400, twoLines.statusCode());
        assertTrue(json(twoLines).get("error").asText().contains("one request per call"));

        HttpResponse<String> get = s.get("/api/loss");
        assertEquals(405, get.statusCode());
        assertTrue(json(get).get("error").asText().contains("takes POST"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        String huge = "{\"op\": \"softmax\", \"input\": {\"shape\": [40000], \"data\": ["
                + "1, ".repeat(40000) + "1]}}";
        HttpResponse<String> r = s.post("/api/loss", huge);
        assertEquals(413, r.statusCode());
        assertTrue(json(r).get("error").asText().contains("larger than " + Limits.MAX_BODY_BYTES));
    }

    @Test
    void explainDeepLinkShowsTheLossAndExactlyTheCliText() throws Exception {
        String input = "[[1,4,1,1],[5,1,2,1]]";
        HttpResponse<String> r = s.get("/api/explain?loss=cross-entropy&input=" + q(input) + "&target=" + q("[1,0]"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = json(r);
        assertEquals("tensor(0.1110)", answer.get("loss").asText());
        TestServer.CliRun cli = TestServer.cli("", "explain", "cross-entropy", "--input", input, "--target", "[1,0]");
        assertEquals(cli.out(), answer.get("text").asText());
        // the closed-form gradient of mean CE is (softmax - onehot) / N; its row 0, class 1: (0.87005 - 1) / 2
        assertEquals((0.87005 - 1) / 2, answer.get("gradInput").get("rows").get(0).get(1).asDouble(), 1e-4);
    }

    @Test
    void explainGraphIsLogSoftmaxThenNllWalkedBackwardFromTheLoss() throws Exception {
        JsonNode graph = json(s.get("/api/explain?loss=cross-entropy&input=" + q("[[1,4,1,1],[5,1,2,1]]")
                + "&target=" + q("[1,0]"))).get("graph");
        List<String> ops = new ArrayList<>();
        graph.get("order").forEach(id -> graph.get("nodes").forEach(n -> {
            if (n.get("id").asText().equals(id.asText())) {
                ops.add(n.get("op").asText());
            }
        }));
        assertEquals(List.of("NllLossBackward0", "LogSoftmaxBackward0"), ops);
        JsonNode leaf = Stream.of(graph.get("nodes")).flatMap(a -> {
            List<JsonNode> l = new ArrayList<>();
            a.forEach(l::add);
            return l.stream();
        }).filter(n -> n.get("kind").asText().equals("leaf")).findFirst().orElseThrow();
        assertEquals("input", leaf.get("op").asText());
        assertTrue(leaf.get("grad").asText().contains("-0.0650"), leaf.toString());
    }

    @Test
    void explainBadLiteralIs400WithTheCliLineAndItsField() throws Exception {
        HttpResponse<String> r = s.get("/api/explain?loss=cross-entropy&input=" + q("[[1,4") + "&target=" + q("[1,0]"));
        assertEquals(400, r.statusCode());
        JsonNode error = json(r);
        assertEquals("input", error.get("field").asText());
        TestServer.CliRun cli = TestServer.cli("", "explain", "cross-entropy", "--input", "[[1,4", "--target", "[1,0]");
        assertEquals(cli.err().strip(), error.get("error").asText());
    }

    @Test
    void explainErrorsWithoutAFieldBelongToTheLoss() throws Exception {
        JsonNode outOfBounds = json(s.get("/api/explain?loss=cross-entropy&input=" + q("[[1,4]]") + "&target=" + q("[5]")));
        assertEquals("loss", outOfBounds.get("field").asText());
        assertTrue(outOfBounds.get("error").asText().endsWith("Target 5 is out of bounds."), outOfBounds.toString());
        JsonNode unknown = json(s.get("/api/explain?loss=hinge&input=" + q("[1]")));
        assertEquals("loss", unknown.get("field").asText());
        assertTrue(unknown.get("error").asText().contains("Unknown LOSS 'hinge'"), unknown.toString());
    }

    @Test
    void explainInChinese() throws Exception {
        JsonNode answer = json(s.get("/api/explain?lang=zh&loss=cross-entropy&input=" + q("[[1,4,1,1]]")
                + "&target=" + q("[1]")));
        assertTrue(answer.get("text").asText().contains("前向"), answer.get("text").asText());
        JsonNode english = json(s.get("/api/explain?loss=cross-entropy&input=" + q("[[1,4,1,1]]") + "&target=" + q("[1]")));
        assertTrue(english.get("largestDifference").asText().matches("\\d.*"), english.toString());
        assertEquals(english.get("largestDifference").asText(), answer.get("largestDifference").asText());
    }

    @Test
    void pagesAndTheirHooks() throws Exception {
        HttpResponse<String> loss = s.get("/loss");
        assertEquals(200, loss.statusCode());
        assertTrue(loss.body().contains("data-testid=\"loss-value\""));
        HttpResponse<String> train = s.get("/train?lang=zh");
        assertTrue(train.body().contains("data-testid=\"train-status\"") && train.body().contains("data-testid=\"test-accuracy\""));
        assertTrue(train.body().contains("训练一个网络"));
        assertEquals(404, s.get("/nowhere").statusCode());
        assertEquals(404, s.get("/assets/../pom.xml").statusCode());
    }

    @Test
    void seedPagesShowTheHandAndTheLibraryNumbers() throws Exception {
        HttpResponse<String> r = s.get("/seeds/paper-pencil");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("0.10166") && r.body().contains("tensor(0.1017)"), r.body());
        HttpResponse<String> missing = s.get("/seeds/no-such-example");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("paper-pencil"));
    }

    @Test
    void trainingStreamsEveryEpochThenDone() throws Exception {
        HttpResponse<String> r = s.get("/api/train?dataset=xor&epochs=3&hidden=8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> events = r.body().lines().filter(l -> l.startsWith("event: ")).toList();
        assertEquals(List.of("event: started", "event: epoch", "event: epoch", "event: epoch", "event: done"), events);
        String firstEpoch = r.body().lines().filter(l -> l.startsWith("data: {\"epoch\":1,")).findFirst().orElseThrow();
        JsonNode epoch = JSON.readTree(firstEpoch.substring("data: ".length()));
        assertEquals(TrainingRun.GRID * TrainingRun.GRID, epoch.get("regions").size());
    }

    @Test
    void badTrainingSettingsAre400() throws Exception {
        HttpResponse<String> unknown = s.get("/api/train?dataset=mnist");
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).get("error").asText().startsWith("unknown dataset 'mnist'"));
        HttpResponse<String> tooLong = s.get("/api/train?dataset=xor&epochs=100000");
        assertEquals(400, tooLong.statusCode());
        assertTrue(json(tooLong).get("error").asText().contains("at most " + Limits.MAX_EPOCHS + " epochs"));
        HttpResponse<String> badLr = s.get("/api/train?dataset=xor&lr=fast");
        assertEquals(400, badLr.statusCode());
        HttpResponse<String> noRun = s.post("/api/train/nope/pause", "");
        assertEquals(404, noRun.statusCode());
        assertTrue(json(noRun).has("error"));
    }

    @Test
    void atMostTwoTrainingRunsAtOnceAndStopEndsThem() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_TRAINING_RUNS; i++) {
            HttpResponse<Stream<String>> stream = s.client.send(HttpRequest.newBuilder(
                    URI.create(s.url("/api/train?dataset=spiral&epochs=1000"))).build(), HttpResponse.BodyHandlers.ofLines());
            String started = stream.body().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
            ids.add(JSON.readTree(started.substring(6)).get("id").asText());
        }
        HttpResponse<String> third = s.get("/api/train?dataset=xor&epochs=2");
        assertEquals(429, third.statusCode());
        assertTrue(json(third).get("error").asText().contains("training runs in progress"));
        for (String id : ids) {
            assertEquals(200, s.post("/api/train/" + id + "/stop", "").statusCode());
        }
        // once they have stopped, a new run starts
        HttpResponse<String> after = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            after = s.get("/api/train?dataset=xor&epochs=1&hidden=4");
            if (after.statusCode() != 429) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(200, after.statusCode());
    }
}
