package io.github.backprop4j.playground;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.examples.datasets.LabeledData;
import io.github.backprop4j.examples.datasets.Task;
import io.github.backprop4j.examples.train.EpochResult;
import io.github.backprop4j.examples.train.Trainer;
import io.github.backprop4j.examples.train.TrainingConfig;
import io.github.backprop4j.nn.Module;
import io.github.backprop4j.nn.data.Standardizer;
import io.github.backprop4j.tensor.Tensor;
import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * One training run of the {@code /train} page: {@link Trainer#train} on the server, each epoch
 * sent to the page as a server-sent event — the loss and accuracies, and the decision regions
 * (2-D data) or the confusion matrix (the rest). The page can pause it, step it one epoch at a
 * time, resume it and stop it; it stops by itself when the page goes away.
 */
final class TrainingRun implements Trainer.Listener {
    /** Cells per side of the decision-region grid. */
    static final int GRID = 48;

    private enum State { RUNNING, PAUSED, STOPPED }

    private final String id;
    private final LabeledData data;
    private final TrainingConfig config;
    private final EventStream events;
    private State state;
    private int stepsAllowed;
    private Module model;
    private Standardizer standardizer;

    /** {@code startPaused}: train the first epoch, then wait (the page's "step one epoch" from idle). */
    TrainingRun(String id, LabeledData data, TrainingConfig config, EventStream events, boolean startPaused) {
        this.id = id;
        this.state = startPaused ? State.PAUSED : State.RUNNING;
        this.data = data;
        this.config = config;
        this.events = events;
    }

    String id() {
        return id;
    }

    /** Trains to the end, or until stopped; tells the page how it ended. */
    void run() throws IOException {
        events.send("started", started());
        try {
            Trainer.Result result = Trainer.train(data, config, this);
            EpochResult last = result.last();
            events.send("done", Exchange.JSON.createObjectNode().put("epoch", last.epoch())
                    .put("testAccuracy", last.testAccuracy()).put("seconds", result.seconds()));
        } catch (CancellationException e) {
            events.trySend("stopped", Exchange.JSON.createObjectNode());
        } catch (IllegalArgumentException e) {
            events.trySend("failure", Exchange.JSON.createObjectNode().put("error", e.getMessage()));
        }
    }

    synchronized void pause() {
        if (state == State.RUNNING) {
            state = State.PAUSED;
            stepsAllowed = 0;
        }
    }

    synchronized void resume() {
        if (state == State.PAUSED) {
            state = State.RUNNING;
            notifyAll();
        }
    }

    /** While paused: train one more epoch, then pause again. */
    synchronized void step() {
        if (state == State.PAUSED) {
            stepsAllowed++;
            notifyAll();
        }
    }

    synchronized void stop() {
        state = State.STOPPED;
        notifyAll();
    }

    @Override
    public void started(Module model, Standardizer standardizer) {
        this.model = model;
        this.standardizer = standardizer;
    }

    @Override
    public void batchDone(int epoch, int batch, int batches) {
        synchronized (this) {
            if (state == State.STOPPED) {
                throw new CancellationException();
            }
        }
    }

    @Override
    public void epochDone(EpochResult result) {
        ObjectNode event = Exchange.JSON.createObjectNode().put("epoch", result.epoch())
                .put("epochs", config.epochs()).put("loss", result.loss())
                .put("trainAccuracy", result.trainAccuracy()).put("testAccuracy", result.testAccuracy());
        try (GradMode.Scope s = GradMode.noGrad()) {
            if (data.featureCount() == 2) {
                event.set("regions", regions());
            } else {
                event.set("confusion", confusion());
            }
        }
        try {
            events.send("epoch", event);
        } catch (IOException e) {
            stop();
        }
        if (result.epoch() < config.epochs()) {
            waitWhilePaused(result.epoch());
        }
    }

    /** Between epochs: while paused, tells the page ({@code paused} with the epoch) and waits for step, resume or stop. */
    private void waitWhilePaused(int epoch) {
        synchronized (this) {
            if (state == State.PAUSED && stepsAllowed > 0) {
                stepsAllowed--;
                return;
            }
            if (state != State.PAUSED) {
                return;
            }
        }
        events.trySend("paused", Exchange.JSON.createObjectNode().put("epoch", epoch));
        waitForStepOrResume();
    }

    private synchronized void waitForStepOrResume() {
        long deadline = System.nanoTime() + Limits.PAUSE_TIMEOUT_SECONDS * 1_000_000_000L;
        while (state == State.PAUSED && stepsAllowed == 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                state = State.STOPPED;
                break;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state = State.STOPPED;
            }
        }
        if (state == State.PAUSED) {
            stepsAllowed--;
        }
        if (state == State.STOPPED) {
            throw new CancellationException();
        }
    }

    /** The dataset as the page draws it: raw 2-D points with their class, or just the class names. */
    private ObjectNode started() {
        ObjectNode event = Exchange.JSON.createObjectNode().put("id", id).put("dataset", data.name())
                .put("task", data.task().name().toLowerCase(java.util.Locale.ROOT)).put("epochs", config.epochs());
        ArrayNode names = event.putArray("classNames");
        data.classNames().forEach(names::add);
        if (data.featureCount() == 2) {
            double[] xy = data.features().toDoubleArray();
            ArrayNode points = event.putArray("points");
            for (int i = 0; i < data.size(); i++) {
                points.addArray().add(xy[2 * i]).add(xy[2 * i + 1]).add(data.strata()[i]);
            }
            double[] box = box(xy);
            event.putArray("box").add(box[0]).add(box[1]).add(box[2]).add(box[3]);
        }
        return event;
    }

    /** The predicted class at the centre of each cell of a GRID × GRID grid over the data's box, row by row. */
    private ArrayNode regions() {
        double[] box = box(data.features().toDoubleArray());
        float[] grid = new float[GRID * GRID * 2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                int k = 2 * (r * GRID + c);
                grid[k] = (float) (box[0] + (c + 0.5) * (box[2] - box[0]) / GRID);
                grid[k + 1] = (float) (box[3] - (r + 0.5) * (box[3] - box[1]) / GRID);
            }
        }
        long[] classes = predict(Tensor.fromFlat(grid, GRID * GRID, 2));
        ArrayNode cells = Exchange.JSON.createArrayNode();
        for (long cls : classes) {
            cells.add(cls);
        }
        return cells;
    }

    /**
     * Rows: the true class; columns: the predicted one, over every sample. Multi-label data counts
     * each (sample, attribute) pair as one binary decision.
     */
    private ObjectNode confusion() {
        long[] predicted = predict(data.features());
        ObjectNode event = Exchange.JSON.createObjectNode();
        ArrayNode labels = event.putArray("labels");
        long[][] counts;
        if (data.task() == Task.MULTICLASS) {
            data.classNames().forEach(labels::add);
            counts = new long[data.classNames().size()][data.classNames().size()];
            for (int i = 0; i < predicted.length; i++) {
                counts[(int) data.strata()[i]][(int) predicted[i]]++;
            }
        } else {
            labels.add("0").add("1");
            counts = new long[2][2];
            double[] truth = data.targets().toDoubleArray();
            for (int i = 0; i < predicted.length; i++) {
                counts[truth[i] > 0.5 ? 1 : 0][(int) predicted[i]]++;
            }
        }
        ArrayNode matrix = event.putArray("matrix");
        for (long[] row : counts) {
            ArrayNode r = matrix.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        return event;
    }

    /** Multi-class: argmax per row; binary and multi-label: 1 where a logit is positive, per output. */
    private long[] predict(Tensor rawFeatures) {
        Tensor logits = model.forward(Variable.of(standardizer.transform(rawFeatures))).value();
        if (data.task() == Task.MULTICLASS) {
            return logits.argmax(1, false).toLongArray();
        }
        double[] z = logits.toDoubleArray();
        long[] positive = new long[z.length];
        for (int i = 0; i < z.length; i++) {
            positive[i] = z[i] > 0 ? 1 : 0;
        }
        return positive;
    }

    /** {minX, minY, maxX, maxY} of the points, with a margin of a tenth on each side. */
    private static double[] box(double[] xy) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < xy.length; i += 2) {
            b[0] = Math.min(b[0], xy[i]);
            b[1] = Math.min(b[1], xy[i + 1]);
            b[2] = Math.max(b[2], xy[i]);
            b[3] = Math.max(b[3], xy[i + 1]);
        }
        double mx = (b[2] - b[0]) / 10;
        double my = (b[3] - b[1]) / 10;
        return new double[] {b[0] - mx, b[1] - my, b[2] + mx, b[3] + my};
    }
}
