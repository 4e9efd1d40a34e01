package io.github.backprop4j.examples.train;

import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.examples.datasets.LabeledData;
import io.github.backprop4j.examples.datasets.Task;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.nn.Linear;
import io.github.backprop4j.nn.Module;
import io.github.backprop4j.nn.ReLU;
import io.github.backprop4j.nn.Sequential;
import io.github.backprop4j.nn.data.Batch;
import io.github.backprop4j.nn.data.DataLoader;
import io.github.backprop4j.nn.data.Standardizer;
import io.github.backprop4j.nn.data.TensorDataset;
import io.github.backprop4j.nn.data.TrainTestSplit;
import io.github.backprop4j.nn.optim.Adam;
import io.github.backprop4j.nn.optim.AdamW;
import io.github.backprop4j.nn.optim.Optimizer;
import io.github.backprop4j.nn.optim.SGD;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a multilayer perceptron on a {@link LabeledData} set, the way a PyTorch script would:
 * a seeded, stratified 80/20 split; features standardised with the training part's statistics;
 * Linear layers with ReLU between them; the loss that fits the task (cross-entropy,
 * BCE-with-logits, or multi-label soft margin); shuffled mini-batches.
 */
public final class Trainer {
    /** Fraction of each class held out for testing. */
    static final double TEST_FRACTION = 0.2;

    private Trainer() {
    }

    /** Told about progress as training goes. */
    public interface Listener {
        /** Before the first epoch: the model being trained and how its inputs are standardised. */
        default void started(Module model, Standardizer standardizer) {
        }

        default void batchDone(int epoch, int batch, int batches) {
        }

        default void epochDone(EpochResult result) {
        }
    }

    /**
     * The trained model and what training measured.
     *
     * @param trainFeatures the standardised features of the training part
     * @param trainClasses the class of each training sample (its stratum), in the same order
     */
    public record Result(LabeledData data, TrainingConfig config, Module model, Standardizer standardizer,
                         Tensor trainFeatures, long[] trainClasses, List<EpochResult> epochs, double seconds) {
        public EpochResult last() {
            return epochs.get(epochs.size() - 1);
        }
    }

    public static Result train(LabeledData data, TrainingConfig config, Listener listener) {
        long start = System.nanoTime();
        Generator gen = new Generator(config.seed());
        TrainTestSplit split = TrainTestSplit.stratified(Tensor.of(data.strata()), TEST_FRACTION, gen);
        Tensor trainIdx = indices(split.train());
        Tensor testIdx = indices(split.test());
        Tensor rawTrain = data.features().indexSelect(0, trainIdx);
        Standardizer standardizer = Standardizer.fit(rawTrain);
        Tensor xTrain = standardizer.transform(rawTrain);
        Tensor xTest = standardizer.transform(data.features().indexSelect(0, testIdx));
        Tensor yTrain = data.targets().indexSelect(0, trainIdx);
        Tensor yTest = data.targets().indexSelect(0, testIdx);

        Module model = mlp(data.featureCount(), config.hidden(), data.outputCount(), gen);
        Optimizer optimizer = optimizer(config, model.parameters());
        listener.started(model, standardizer);
        DataLoader loader = new DataLoader(new TensorDataset(xTrain, yTrain),
                DataLoader.Options.batchSize(config.batchSize()).shuffle(gen));

        List<EpochResult> epochs = new ArrayList<>();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            model.train();
            double lossSum = 0;
            int seen = 0;
            int b = 0;
            for (Batch batch : loader) {
                Variable loss = loss(data.task(), model.forward(Variable.of(batch.get(0))), batch.get(1));
                optimizer.zeroGrad();
                loss.backward();
                optimizer.step();
                int n = batch.get(0).size(0);
                lossSum += loss.item() * n;
                seen += n;
                listener.batchDone(epoch, ++b, loader.size());
            }
            EpochResult result = evaluate(epoch, lossSum / seen, data.task(), model, xTrain, yTrain, xTest, yTest);
            epochs.add(result);
            listener.epochDone(result);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] trainClasses = java.util.Arrays.stream(split.train()).mapToLong(i -> data.strata()[i]).toArray();
        return new Result(data, config, model, standardizer, xTrain, trainClasses, epochs, seconds);
    }

    private static EpochResult evaluate(int epoch, double loss, Task task, Module model, Tensor xTrain, Tensor yTrain,
                                        Tensor xTest, Tensor yTest) {
        model.eval();
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Tensor trainLogits = model.forward(Variable.of(xTrain)).value();
            Tensor testLogits = model.forward(Variable.of(xTest)).value();
            double f1 = task == Task.MULTILABEL ? Metrics.f1Micro(testLogits, yTest) : Double.NaN;
            return new EpochResult(epoch, loss, Metrics.accuracy(task, trainLogits, yTrain),
                    Metrics.accuracy(task, testLogits, yTest), f1);
        }
    }

    /** The loss that fits the task: cross-entropy on class indices, BCE with logits, or multi-label soft margin. */
    static Variable loss(Task task, Variable logits, Tensor targets) {
        Variable y = Variable.of(targets);
        LossOptions defaults = LossOptions.defaults();
        return switch (task) {
            case MULTICLASS -> Losses.crossEntropy(logits, y, defaults);
            case BINARY -> Losses.binaryCrossEntropyWithLogits(logits, y, defaults);
            case MULTILABEL -> Losses.multilabelSoftMarginLoss(logits, y, defaults);
        };
    }

    /** Linear → ReLU → … → Linear, with PyTorch's default initialisation drawn from {@code gen}. */
    static Module mlp(int inputs, List<Integer> hidden, int outputs, Generator gen) {
        Sequential model = new Sequential();
        int width = inputs;
        for (int h : hidden) {
            model.add(new Linear(width, h, gen));
            model.add(new ReLU());
            width = h;
        }
        model.add(new Linear(width, outputs, gen));
        return model;
    }

    static Optimizer optimizer(TrainingConfig config, List<Variable> params) {
        return switch (config.optimizer()) {
            case "sgd" -> new SGD(params, SGD.Options.lr(config.lr()).momentum(0.9));
            case "adam" -> new Adam(params, config.lr());
            case "adamw" -> new AdamW(params, AdamW.options(config.lr()).weightDecay(0.01));
            default -> throw new IllegalArgumentException("unknown optimizer " + config.optimizer());
        };
    }

    private static Tensor indices(int[] positions) {
        long[] v = new long[positions.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = positions[i];
        }
        return Tensor.of(v);
    }
}
