package io.github.backprop4j.playground;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.backprop4j.examples.datasets.Datasets;
import io.github.backprop4j.examples.i18n.Phrasebook;
import io.github.backprop4j.examples.jsonl.JsonlAnswer;
import io.github.backprop4j.examples.jsonl.JsonlSession;
import io.github.backprop4j.examples.seeds.Walkthrough;
import io.github.backprop4j.examples.seeds.Walkthroughs;
import io.github.backprop4j.examples.train.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The playground's HTTP server: the JDK's own {@link HttpServer} (docs/DESIGN.md says why), with
 * these routes:
 *
 * <pre>
 * GET  /                      the home page
 * GET  /loss?loss=...&amp;input=...   the loss explorer (its state is the query, in explain's names)
 * GET  /seeds, /seeds/NAME    the worked examples
 * GET  /train?dataset=...     live training
 * GET  /assets/FILE           the pages' scripts and style sheet
 * GET  /api/explain?...       the explorer's answer (Explorer)
 * POST /api/loss              one loss --jsonl request: the CLI's answer line; 400 with it for an error
 * GET  /api/train?...         starts a training run and streams it (server-sent events)
 * POST /api/train/ID/ACTION   pause, resume, step or stop that run
 * </pre>
 *
 * Every page and API answer takes {@code lang=zh} for Simplified Chinese.
 */
public final class PlaygroundServer {
    private static final Set<String> ASSETS = Set.of("app.css", "common.js", "loss.js", "graph.js", "train.js");

    private final HttpServer http;
    private final ExecutorService executor;
    private final TrainingRuns training = new TrainingRuns();
    private final String host;

    private PlaygroundServer(HttpServer http, ExecutorService executor, String host) {
        this.http = http;
        this.executor = executor;
        this.host = host;
    }

    /** Listens on {@code host:port} ({@code port} 0: a free one) and starts serving. */
    public static PlaygroundServer start(String host, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(Limits.HANDLER_THREADS, r -> {
            Thread t = new Thread(r, "backprop4j-playground");
            t.setDaemon(true);
            return t;
        });
        PlaygroundServer server = new PlaygroundServer(http, executor, host);
        http.createContext("/", server::handle);
        http.setExecutor(executor);
        http.start();
        return server;
    }

    /**
     * {@code serve}: starts, prints {@code backprop4j playground at URL} on {@code out}, and serves
     * until the JVM is asked to stop (Ctrl-C), when it ends the training runs and closes.
     */
    static int serveUntilStopped(String host, int port, PrintWriter out) throws IOException, InterruptedException {
        PlaygroundServer server = start(host, port);
        out.println("backprop4j playground at " + server.url());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "backprop4j-serve-shutdown"));
        stopped.await();
        return 0;
    }

    /** The port it listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://HOST:PORT/}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    /** Ends the training runs and closes the server. */
    public void stop() {
        training.stopAll();
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange raw) {
        Exchange exchange = new Exchange(raw);
        try {
            route(exchange);
        } catch (Explorer.FieldError e) {
            sendQuietly(exchange, e.status(), Exchange.JSON.createObjectNode().put("error", e.getMessage())
                    .put("field", e.field()).toString());
        } catch (Exchange.HttpError e) {
            if (exchange.path().startsWith("/api/")) {
                sendQuietly(exchange, e.status(), Exchange.JSON.createObjectNode().put("error", e.getMessage()).toString());
            } else {
                try {
                    exchange.sendHtml(e.status(), "<!doctype html><meta charset=utf-8><title>" + e.status()
                            + "</title><p>" + Pages.escape(e.getMessage()) + " — <a href=\"/\">backprop4j playground</a>");
                } catch (IOException ignored) {
                    // the client has gone
                }
            }
        } catch (IOException e) {
            // the client has gone
        } catch (RuntimeException e) {
            sendQuietly(exchange, 500, Exchange.JSON.createObjectNode().put("error", "internal error: " + e).toString());
        } finally {
            raw.close();
        }
    }

    private static void sendQuietly(Exchange exchange, int status, String json) {
        try {
            exchange.sendJson(status, json);
        } catch (IOException | RuntimeException ignored) {
            // the client has gone, or the answer had already begun
        }
    }

    private void route(Exchange ex) throws IOException {
        String path = ex.path();
        String method = ex.method();
        if (path.equals("/api/loss")) {
            requireMethod(ex, "POST");
            apiLoss(ex);
            return;
        }
        if (path.startsWith("/api/train/")) {
            requireMethod(ex, "POST");
            String[] parts = path.substring("/api/train/".length()).split("/");
            if (parts.length != 2) {
                throw new Exchange.HttpError(404, "expected /api/train/ID/ACTION");
            }
            training.control(ex, parts[0], parts[1]);
            return;
        }
        requireMethod(ex, "GET");
        Map<String, String> q = ex.query();
        String lang = Pages.language(q);
        switch (path) {
            case "/" -> ex.sendHtml(200, Pages.render("home", lang, Map.of()));
            case "/loss" -> ex.sendHtml(200, Pages.render("loss", lang, Map.of("catalog", catalogJson())));
            case "/train" -> ex.sendHtml(200, Pages.render("train", lang, Map.of("datasets", datasetsJson())));
            case "/seeds" -> ex.redirect("/seeds/" + Walkthroughs.all().get(0).name() + (lang.equals("zh") ? "?lang=zh" : ""));
            case "/api/explain" -> ex.sendJson(200, Explorer.explain(q).toString());
            case "/api/train" -> training.stream(ex);
            default -> {
                if (path.startsWith("/seeds/")) {
                    seedPage(ex, path.substring("/seeds/".length()), lang);
                } else if (path.startsWith("/assets/")) {
                    asset(ex, path.substring("/assets/".length()));
                } else {
                    throw new Exchange.HttpError(404, "no page at " + path);
                }
            }
        }
    }

    private static void requireMethod(Exchange ex, String method) {
        if (!ex.method().equals(method)) {
            ex.http().getResponseHeaders().set("Allow", method);
            throw new Exchange.HttpError(405, ex.path() + " takes " + method + ", not " + ex.method());
        }
    }

    /** One loss --jsonl request, answered by the CLI's own code; an error answer gets status 400. */
    private static void apiLoss(Exchange ex) throws IOException {
        String body = ex.body();
        if (body.isBlank()) {
            throw new Exchange.HttpError(400, "empty request: send one loss --jsonl request line");
        }
        if (body.strip().contains("\n")) {
            throw new Exchange.HttpError(400, "one request per call: the body holds several lines");
        }
        JsonlAnswer answer = JsonlSession.answer(body.strip());
        ex.sendJson(answer instanceof JsonlAnswer.Failure ? 400 : 200, answer.toJson());
    }

    private static void seedPage(Exchange ex, String name, String lang) throws IOException {
        Walkthrough walkthrough = Walkthroughs.named(name).orElseThrow(() -> new Exchange.HttpError(404,
                "no worked example '" + name + "' (the worked examples are " + Walkthroughs.names() + ")"));
        StringWriter text = new StringWriter();
        walkthrough.run(new PrintWriter(text));
        String translated = Phrasebook.forLanguage(lang).translate(text.toString());
        StringBuilder lines = new StringBuilder();
        for (String line : translated.split("\\R", -1)) {
            String kind = line.contains("tensor(") ? "lib" : line.matches("(?i).*(by hand|手算).*") ? "hand" : "";
            lines.append("<span class=\"line ").append(kind).append("\">").append(Pages.escape(line)).append("</span>\n");
        }
        StringBuilder tabs = new StringBuilder();
        for (Walkthrough w : Walkthroughs.all()) {
            tabs.append("<a class=\"tab").append(w.name().equals(name) ? " current" : "")
                    .append("\" data-testid=\"seed-link-").append(w.name()).append("\" href=\"/seeds/")
                    .append(w.name()).append(lang.equals("zh") ? "?lang=zh" : "").append("\">")
                    .append(w.name()).append("</a>");
        }
        ex.sendHtml(200, Pages.render("seeds", lang, Map.of("name", Pages.escape(name), "tabs", tabs.toString(),
                "text", lines.toString())));
    }

    private static void asset(Exchange ex, String name) throws IOException {
        if (!ASSETS.contains(name)) {
            throw new Exchange.HttpError(404, "no asset " + name);
        }
        try (InputStream in = PlaygroundServer.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new Exchange.HttpError(404, "no asset " + name);
            }
            String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            ex.send(200, type, in.readAllBytes());
        }
    }

    /** The losses and their options, for the explorer's form. */
    private static String catalogJson() {
        ArrayNode losses = Exchange.JSON.createArrayNode();
        for (LossCatalog.Loss loss : LossCatalog.LOSSES) {
            ObjectNode l = losses.addObject().put("name", loss.cliName()).put("op", loss.op().pytorchName())
                    .put("takesTarget", loss.takesTarget());
            ArrayNode options = l.putArray("options");
            loss.options().forEach(o -> options.add(o.cliName()));
        }
        return Pages.scriptSafe(losses.toString());
    }

    /** The datasets and the settings train uses for each by default. */
    private static String datasetsJson() {
        ObjectNode all = Exchange.JSON.createObjectNode();
        for (String name : Datasets.NAMES) {
            TrainingConfig c = TrainingConfig.defaultsFor(name);
            all.putObject(name).put("epochs", c.epochs()).put("batch-size", c.batchSize()).put("lr", c.lr())
                    .put("optimizer", c.optimizer()).put("seed", c.seed())
                    .put("hidden", String.join(",", c.hidden().stream().map(String::valueOf).toList()));
        }
        return Pages.scriptSafe(all.toString());
    }
}
