package io.github.backprop4j.playground;

import io.github.backprop4j.examples.datasets.Datasets;
import io.github.backprop4j.examples.datasets.LabeledData;
import io.github.backprop4j.examples.train.TrainingConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * The training runs in progress: {@code GET /api/train?dataset=...} starts one and streams it
 * (at most {@link Limits#MAX_TRAINING_RUNS} at once, each within the {@link Limits}), and
 * {@code POST /api/train/ID/pause|resume|step|stop} steers it.
 */
final class TrainingRuns {
    private final Map<String, TrainingRun> runs = new ConcurrentHashMap<>();
    private final Semaphore slots = new Semaphore(Limits.MAX_TRAINING_RUNS);

    /** Starts a run with the query's settings ({@code paused=1}: paused after epoch 1) and streams it until it ends. */
    void stream(Exchange exchange) throws IOException {
        Map<String, String> q = exchange.query();
        String dataset = q.getOrDefault("dataset", "xor");
        if (!Datasets.NAMES.contains(dataset)) {
            throw new Exchange.HttpError(400, "unknown dataset '" + dataset + "' (expected one of "
                    + String.join(", ", Datasets.NAMES) + ")");
        }
        TrainingConfig config = config(dataset, q);
        if (!slots.tryAcquire()) {
            throw new Exchange.HttpError(429, "already " + Limits.MAX_TRAINING_RUNS
                    + " training runs in progress; try again when one has ended");
        }
        try {
            LabeledData data = Datasets.load(dataset, config.seed());
            String id = UUID.randomUUID().toString();
            try (EventStream events = new EventStream(exchange.http())) {
                TrainingRun run = new TrainingRun(id, data, config, events, "1".equals(q.get("paused")));
                runs.put(id, run);
                try {
                    run.run();
                } finally {
                    runs.remove(id);
                }
            }
        } finally {
            slots.release();
        }
    }

    /** {@code POST /api/train/ID/ACTION}. */
    void control(Exchange exchange, String id, String action) throws IOException {
        TrainingRun run = runs.get(id);
        if (run == null) {
            throw new Exchange.HttpError(404, "no training run '" + id + "' in progress");
        }
        switch (action) {
            case "pause" -> run.pause();
            case "resume" -> run.resume();
            case "step" -> run.step();
            case "stop" -> run.stop();
            default -> throw new Exchange.HttpError(400, "unknown action '" + action
                    + "' (expected pause, resume, step or stop)");
        }
        exchange.sendJson(200, Exchange.JSON.createObjectNode().put("id", id).put("action", action).toString());
    }

    /** Stops every run (the server is shutting down). */
    void stopAll() {
        runs.values().forEach(TrainingRun::stop);
    }

    /** The dataset's defaults (those of {@code train}), overridden by the query, within the limits. */
    static TrainingConfig config(String dataset, Map<String, String> q) {
        TrainingConfig d = TrainingConfig.defaultsFor(dataset);
        try {
            List<Integer> hidden = q.containsKey("hidden") ? TrainingConfig.parseHidden(q.get("hidden")) : d.hidden();
            TrainingConfig c = new TrainingConfig(
                    number(q, "epochs", d.epochs(), Integer::parseInt),
                    number(q, "batch-size", d.batchSize(), Integer::parseInt),
                    number(q, "lr", d.lr(), Double::parseDouble),
                    q.getOrDefault("optimizer", d.optimizer()),
                    hidden,
                    number(q, "seed", d.seed(), Long::parseLong));
            within("epochs", c.epochs(), Limits.MAX_EPOCHS);
            within("batch-size", c.batchSize(), Limits.MAX_BATCH_SIZE);
            within("hidden layers", c.hidden().size(), Limits.MAX_HIDDEN_LAYERS);
            for (int h : c.hidden()) {
                within("hidden width", h, Limits.MAX_HIDDEN_WIDTH);
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new Exchange.HttpError(400, e.getMessage());
        }
    }

    private static <T> T number(Map<String, String> q, String name, T fallback, Function<String, T> parse) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    private static void within(String what, int value, int max) {
        if (value > max) {
            throw new IllegalArgumentException("the playground allows at most " + max + " " + what + ", got " + value);
        }
    }
}
