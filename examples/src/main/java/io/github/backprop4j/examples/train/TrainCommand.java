package io.github.backprop4j.examples.train;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.backprop4j.examples.datasets.Datasets;
import io.github.backprop4j.examples.datasets.LabeledData;
import io.github.backprop4j.examples.datasets.Task;
import io.github.backprop4j.nn.io.SafeFiles;
import io.github.backprop4j.nn.io.SafeTensors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backprop4j train}: trains a classifier end to end on a dataset that ships in the jar. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains a multilayer perceptron on a dataset that ships inside the jar and reports its accuracy.",
            "",
            "Datasets: digits (default; 10 classes, CrossEntropyLoss), iris, wine, breast-cancer (binary,"
                    + " BCEWithLogitsLoss), digits-multilabel (four attributes per digit, MultiLabelSoftMarginLoss),"
                    + " and the generated 2-D sets spiral, moons and xor.",
            "The split is a seeded, stratified 80/20 train/test split; features are standardised with the"
                    + " training part's statistics. Each dataset has defaults that reach its accuracy goal;"
                    + " flags override them.",
        })
public final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "digits",
            description = "digits, iris, wine, breast-cancer, digits-multilabel, spiral, moons or xor (default: ${DEFAULT-VALUE})")
    private String dataset;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training data (default: per dataset)")
    private @Nullable Integer epochs;

    @Option(names = "--batch-size", paramLabel = "B", description = "samples per step (default: per dataset)")
    private @Nullable Integer batchSize;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate (default: per dataset)")
    private @Nullable Double lr;

    @Option(names = "--optimizer", paramLabel = "sgd|adam|adamw",
            description = "sgd (momentum 0.9), adam, or adamw (weight decay 0.01) (default: per dataset)")
    private @Nullable String optimizer;

    @Option(names = "--hidden", paramLabel = "64,64",
            description = "hidden layer sizes, comma-separated, each followed by ReLU; none for no hidden layer"
                    + " (default: per dataset)")
    private @Nullable String hidden;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "seeds the split, initial weights, shuffles and generated data (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "write a PNG of the loss and accuracy curves (and decision regions for 2-D data);"
                    + " missing directories are created, an existing regular file is replaced")
    private @Nullable Path plot;

    @Option(names = "--save", paramLabel = "FILE.safetensors", description = "write the trained weights as safetensors; replaces only a regular file (never a"
                    + " directory, device, FIFO or symbolic link), atomically")
    private @Nullable Path save;

    @Option(names = "--json", description = "end stdout with one JSON object summarising the run")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        TrainingConfig config = config();
        checkOutputPaths();
        LabeledData data = Datasets.load(dataset, seed);
        ModelSize.check(data.featureCount(), config.hidden(), data.outputCount(), data.size(),
                Runtime.getRuntime().maxMemory());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d samples, %d features, %s; MLP %d-%s%d, %s lr %s, %d epochs, batch %d%n",
                data.name(), data.size(), data.featureCount(), taskLabel(data), data.featureCount(),
                hiddenLabel(config), data.outputCount(), config.optimizer(), config.lr(), config.epochs(),
                config.batchSize());
        Trainer.Result result;
        try (ProgressReporter progress = ProgressReporter.open(config.epochs(), out)) {
            result = Trainer.train(data, config, progress);
        }
        EpochResult last = result.last();
        out.printf(Locale.ROOT, "%s: train accuracy %.4f, test accuracy %.4f%s after %d epochs in %.1f s%n",
                data.name(), last.trainAccuracy(), last.testAccuracy(),
                data.task() == Task.MULTILABEL ? String.format(Locale.ROOT, ", test micro-F1 %.4f", last.testF1Micro()) : "",
                config.epochs(), result.seconds());
        if (plot != null) {
            TrainingPlot.write(result, plot);
            out.println("plot written to " + plot);
        }
        if (save != null) {
            SafeTensors.save(save, result.model().stateDict(), Map.of("dataset", data.name(), "format", "pt"));
            out.println("weights written to " + save);
        }
        if (json) {
            out.println(summary(result));
        }
        out.flush();
        return 0;
    }

    /** Refuses, before training, a --plot or --save path that could not be written at the end. */
    private void checkOutputPaths() {
        if (plot != null) {
            TrainingPlot.checkWritable(plot);
        }
        if (save != null) {
            SafeFiles.checkWritable(save);
        }
    }

    private TrainingConfig config() {
        if (!Datasets.NAMES.contains(dataset)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown dataset '" + dataset
                    + "' (expected one of " + String.join(", ", Datasets.NAMES) + ")");
        }
        TrainingConfig d = TrainingConfig.defaultsFor(dataset);
        try {
            return new TrainingConfig(
                    epochs != null ? epochs : d.epochs(),
                    batchSize != null ? batchSize : d.batchSize(),
                    lr != null ? lr : d.lr(),
                    optimizer != null ? optimizer.toLowerCase(Locale.ROOT) : d.optimizer(),
                    hidden != null ? TrainingConfig.parseHidden(hidden) : d.hidden(),
                    seed);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String taskLabel(LabeledData data) {
        return switch (data.task()) {
            case MULTICLASS -> data.outputCount() + " classes, CrossEntropyLoss";
            case BINARY -> "binary, BCEWithLogitsLoss";
            case MULTILABEL -> data.outputCount() + " labels, MultiLabelSoftMarginLoss";
        };
    }

    private static String hiddenLabel(TrainingConfig config) {
        StringBuilder s = new StringBuilder();
        for (int h : config.hidden()) {
            s.append(h).append('-');
        }
        return s.toString();
    }

    /**
     * The {@code --json} line: dataset, epochs, final_loss, train/test accuracy, test_f1_micro
     * (multi-label), seconds. Written with jackson-core's streaming generator: databind's
     * ObjectMapper loads some 400 classes, 40 ms of a run that otherwise never needs them.
     */
    static String summary(Trainer.Result result) {
        EpochResult last = result.last();
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("dataset", result.data().name());
            json.writeNumberField("epochs", result.config().epochs());
            json.writeNumberField("final_loss", last.loss());
            json.writeNumberField("train_accuracy", last.trainAccuracy());
            json.writeNumberField("test_accuracy", last.testAccuracy());
            if (result.data().task() == Task.MULTILABEL) {
                json.writeNumberField("test_f1_micro", last.testF1Micro());
            }
            json.writeNumberField("seconds", result.seconds());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }
}
