package io.github.backprop4j.examples.train;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.examples.datasets.Datasets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A short training run on digits (the default model and optimizer, 4 epochs), summarised as a
 * CRC-32 of the bits of every trained weight and every epoch's loss. Its {@link #main} trains
 * {@code args[0]} times in a row in a fresh JVM and prints one checksum per run: the first run
 * is cold (interpreted, then C1), the later ones warm (C2), for {@link ReproducibleTrainingTest}.
 */
final class TrainingFingerprint {
    private TrainingFingerprint() {
    }

    static String train() {
        TrainingConfig defaults = TrainingConfig.defaultsFor("digits");
        TrainingConfig config = new TrainingConfig(4, defaults.batchSize(), defaults.lr(), defaults.optimizer(),
                defaults.hidden(), defaults.seed());
        Trainer.Result result = Trainer.train(Datasets.load("digits", config.seed()), config, new Trainer.Listener() {
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

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        for (int i = 0; i < runs; i++) {
            System.out.println(train());
        }
    }

    static List<String> lines(String out) {
        return out.strip().lines().map(String::strip).filter(l -> l.matches("[0-9a-f]+")).toList();
    }
}
