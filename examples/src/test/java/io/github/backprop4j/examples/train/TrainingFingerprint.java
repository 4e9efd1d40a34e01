package io.github.backprop4j.examples.train;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.examples.datasets.Datasets;
import io.github.backprop4j.examples.datasets.LabeledData;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A short training run on digits (the default model and optimizer, 4 epochs), summarised as a
 * CRC-32 of the bits of every trained weight and every epoch's loss. Its {@link #main} trains
 * {@code args[0]} times in a row in a fresh JVM and prints one checksum per run: the first run
 * is cold (interpreted, then C1), the later ones warm (C2), for {@link ReproducibleTrainingTest}.
 * With a second argument it trains {@link #small} instead, for {@link TrainingBitsAcrossJitModesTest}.
 */
final class TrainingFingerprint {
    private TrainingFingerprint() {
    }

    static String train() {
        return train("digits", Integer.MAX_VALUE, 4);
    }

    /**
     * One epoch on the first {@code samples} samples of a dataset, with its default model and
     * optimizer: every kernel of a training step at a size an interpreted JVM trains in seconds.
     */
    static String small(String dataset, int samples) {
        return train(dataset, samples, 1);
    }

    private static String train(String dataset, int samples, int epochs) {
        TrainingConfig defaults = TrainingConfig.defaultsFor(dataset);
        TrainingConfig config = new TrainingConfig(epochs, defaults.batchSize(), defaults.lr(), defaults.optimizer(),
                defaults.hidden(), defaults.seed());
        LabeledData data = Datasets.load(dataset, config.seed());
        if (samples < data.size()) {
            data = new LabeledData(data.name(), data.features().narrow(0, 0, samples),
                    data.targets().narrow(0, 0, samples), Arrays.copyOf(data.strata(), samples), data.classNames(),
                    data.task());
        }
        Trainer.Result result = Trainer.train(data, config, new Trainer.Listener() {
        });
        CRC32 crc = new CRC32();
        for (Variable p : result.model().parameters()) {
            for (float v : p.value().toFloatArray()) {
                update(crc, Float.floatToIntBits(v));
            }
        }
        for (EpochResult epoch : result.epochs()) {
            long bits = Double.doubleToLongBits(epoch.loss());
            update(crc, (int) bits);
            update(crc, (int) (bits >>> 32));
        }
        return Long.toHexString(crc.getValue());
    }

    private static void update(CRC32 crc, int bits) {
        crc.update(bits);
        crc.update(bits >>> 8);
        crc.update(bits >>> 16);
        crc.update(bits >>> 24);
    }

    /** {@code RUNS} checksums of {@link #train()}, or with {@code RUNS DATASET SAMPLES} of {@link #small}. */
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        for (int i = 0; i < runs; i++) {
            System.out.println(args.length > 1 ? small(args[1], Integer.parseInt(args[2])) : train());
        }
    }

    static List<String> lines(String out) {
        return out.strip().lines().map(String::strip).filter(l -> l.matches("[0-9a-f]+")).toList();
    }
}
