package io.github.backprop4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.nn.Linear;
import io.github.backprop4j.nn.ReLU;
import io.github.backprop4j.nn.Sequential;
import io.github.backprop4j.nn.Stateful;
import io.github.backprop4j.nn.data.Batch;
import io.github.backprop4j.nn.data.DataLoader;
import io.github.backprop4j.nn.data.TensorDataset;
import io.github.backprop4j.nn.optim.Adam;
import io.github.backprop4j.nn.optim.LRScheduler;
import io.github.backprop4j.nn.optim.Optimizer;
import io.github.backprop4j.nn.optim.ReduceLROnPlateau;
import io.github.backprop4j.nn.optim.SGD;
import io.github.backprop4j.nn.optim.StepLR;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resumable training: 10 epochs in one go, and 5 epochs, a checkpoint, fresh objects loaded from
 * it, 5 more epochs, end with the same bits in every parameter and the same learning rate.
 */
class CheckpointTest {
    private static final Tensor X = Tensor.randn(new Generator(7), 64, 4);
    private static final Tensor Y = Tensor.randn(new Generator(8), 64, 2);

    /** The objects of one run: made from the same seed every time, as after a restart. */
    private record Run(Sequential model, Optimizer optimizer, Stateful scheduler) {
    }

    private static Run adamWithStepLR() {
        Sequential model = new Sequential(new Linear(4, 8, new Generator(1)), new ReLU(), new Linear(8, 2, new Generator(2)));
        Adam adam = new Adam(model.parameters(), 0.01);
        return new Run(model, adam, new StepLR(adam, 3, 0.5));
    }

    private static Run sgdMomentumWithPlateau() {
        Sequential model = new Sequential(new Linear(4, 8, new Generator(1)), new ReLU(), new Linear(8, 2, new Generator(2)));
        SGD sgd = new SGD(model.parameters(), SGD.Options.lr(0.05).momentum(0.9));
        return new Run(model, sgd, new ReduceLROnPlateau(sgd, ReduceLROnPlateau.Options.defaults().patience(0).factor(0.5)));
    }

    /** One epoch of mean squared error in shuffled batches of 16; the order comes from the epoch number. */
    private static double epoch(Run run, int epoch) {
        DataLoader loader = new DataLoader(new TensorDataset(X, Y),
                DataLoader.Options.batchSize(16).shuffle(new Generator(1000 + epoch)));
        double total = 0;
        for (Batch b : loader) {
            run.optimizer().zeroGrad();
            Variable diff = run.model().forward(b.get(0)).minus(Variable.of(b.get(1)));
            Variable loss = diff.times(diff).mean();
            loss.backward();
            run.optimizer().step();
            total += loss.item();
        }
        if (run.scheduler() instanceof LRScheduler s) {
            s.step();
        } else {
            ((ReduceLROnPlateau) run.scheduler()).step(total);
        }
        return total;
    }

    private static void trainEpochs(Run run, int from, int to) {
        for (int e = from; e < to; e++) {
            epoch(run, e);
        }
    }

    private static void assertResumeIsBitIdentical(java.util.function.Supplier<Run> fresh, Path file) {
        Run straight = fresh.get();
        trainEpochs(straight, 0, 10);

        Run first = fresh.get();
        trainEpochs(first, 0, 5);
        Checkpoint.save(file, 5, first.model(), first.optimizer(), first.scheduler());

        Run resumed = fresh.get();
        int done = Checkpoint.load(file, resumed.model(), resumed.optimizer(), resumed.scheduler());
        assertEquals(5, done);
        trainEpochs(resumed, done, 10);

        Map<String, Tensor> expected = straight.model().stateDict();
        Map<String, Tensor> actual = resumed.model().stateDict();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v.toFloatArray(), actual.get(k).toFloatArray(), k));
        assertEquals(straight.optimizer().lr(), resumed.optimizer().lr());
        assertNotEquals(fresh.get().model().stateDict().get("0.weight"), actual.get("0.weight"), "training moved the weights");
    }

    @Test
    void adamAndStepLRResumeBitForBit(@TempDir Path dir) {
        assertResumeIsBitIdentical(CheckpointTest::adamWithStepLR, dir.resolve("adam.safetensors"));
    }

    @Test
    void sgdMomentumAndPlateauResumeBitForBit(@TempDir Path dir) {
        assertResumeIsBitIdentical(CheckpointTest::sgdMomentumWithPlateau, dir.resolve("sgd.safetensors"));
    }

    @Test
    void withoutTheOptimizerStateResumingDiffers(@TempDir Path dir) {
        // the check above can fail: dropping Adam's moments changes the result
        Run straight = adamWithStepLR();
        trainEpochs(straight, 0, 10);
        Run first = adamWithStepLR();
        trainEpochs(first, 0, 5);
        Path file = dir.resolve("model-only.safetensors");
        Checkpoint.save(file, 5, first.model());
        Run resumed = adamWithStepLR();
        Checkpoint.load(file, resumed.model());
        trainEpochs(resumed, 5, 10);
        assertNotEquals(straight.model().stateDict().get("2.weight"), resumed.model().stateDict().get("2.weight"));
    }

    @Test
    void checkpointKeysAndMetadataFollowPyTorchNames(@TempDir Path dir) {
        Run run = adamWithStepLR();
        trainEpochs(run, 0, 1);
        Path file = dir.resolve("c.safetensors");
        Checkpoint.save(file, 1, run.model(), run.optimizer(), run.scheduler());
        SafeTensors.Contents c = SafeTensors.read(file);
        assertEquals("1", c.metadata().get("epoch"));
        assertEquals(Checkpoint.FORMAT, c.metadata().get("format"));
        assertEquals(4.0, c.tensors().get("optimizer.state.0.step").item(), "4 batches of 16 in the first epoch");
        assertEquals(1.0, c.tensors().get("scheduler.last_epoch").item());
        assertEquals(0.01, c.tensors().get("optimizer.param_groups.0.lr").item());
        assertArrayEquals(new int[] {8, 4}, c.tensors().get("optimizer.state.0.exp_avg").shape().toArray());
        assertEquals(run.model().stateDict().get("0.weight"), c.tensors().get("model.0.weight"));
    }

    @Test
    void loadingIntoTheWrongKindOfPartIsOneClearError(@TempDir Path dir) {
        Run run = adamWithStepLR();
        Path file = dir.resolve("c.safetensors");
        Checkpoint.save(file, 0, run.model(), run.optimizer());
        Run other = sgdMomentumWithPlateau();
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file, other.model(), other.optimizer()));
        assertEquals(file + ": part 1 was saved from a Adam, not a SGD", e.getMessage());
    }

}
