package io.github.backprop4j.examples.library;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.CrossEntropyLoss;
import io.github.backprop4j.nn.Linear;
import io.github.backprop4j.nn.ReLU;
import io.github.backprop4j.nn.Sequential;
import io.github.backprop4j.nn.data.Batch;
import io.github.backprop4j.nn.data.DataLoader;
import io.github.backprop4j.nn.data.TensorDataset;
import io.github.backprop4j.nn.io.SafeTensors;
import io.github.backprop4j.nn.metrics.Metrics;
import io.github.backprop4j.nn.optim.Adam;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.nio.file.Path;

/** Trains a classifier on three Gaussian blobs, evaluates it, saves it, and loads it back. */
public final class QuickStart {
    private static final Tensor CENTERS = Tensor.of(new float[][] {{0, 2}, {-2, -1}, {2, -1}});

    /** {@code n} points around the three centres, with their int64 class labels. */
    static Tensor[] blobs(int n) {
        Tensor labels = Tensor.randint(0, 3, n);
        Tensor points = CENTERS.indexSelect(0, labels).plus(Tensor.randn(n, 2).times(0.7));
        return new Tensor[] {points, labels};
    }

    static Sequential newModel() {
        return new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 3));
    }

    /** Trains, saves to {@code file}, reloads; returns the reloaded model's test accuracy. */
    public static double run(Path file) {
        Generator.manualSeed(0);
        Tensor[] train = blobs(600);
        Tensor[] test = blobs(200);

        Sequential model = newModel();
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        Adam optimizer = new Adam(model.parameters(), 0.02);
        DataLoader loader = new DataLoader(new TensorDataset(train), DataLoader.Options.batchSize(32).shuffled());
        for (int epoch = 1; epoch <= 10; epoch++) {
            double total = 0;
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                Variable loss = lossFn.apply(model.forward(batch.get(0)), batch.get(1));
                loss.backward();
                optimizer.step();
                total += loss.item() * batch.size();
            }
            System.out.printf("epoch %d  loss %.4f%n", epoch, total / train[0].size(0));
        }

        model.eval();
        double accuracy = Metrics.accuracy(model.forward(test[0]), test[1]);
        System.out.printf("test accuracy %.3f%n", accuracy);

        SafeTensors.save(file, model.stateDict());
        Sequential restored = newModel();
        restored.loadStateDict(SafeTensors.load(file));
        return Metrics.accuracy(restored.eval().forward(test[0]), test[1]);
    }

    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "quickstart.safetensors"));
    }
}
