package io.github.backprop4j.nn.io;

import io.github.backprop4j.nn.Stateful;
import io.github.backprop4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a training run needs to continue where it stopped, in one safetensors file: the
 * model's parameters under {@code model.}, the optimizer's state under {@code optimizer.}, the
 * schedule's under {@code scheduler.}, and the number of finished epochs in the metadata
 * ({@code "epoch"}), as PyTorch's usual {@code torch.save({"model": ..., "optimizer": ..., "epoch": ...})}.
 *
 * <pre>{@code
 * Checkpoint.save(path, epoch, model, optimizer, scheduler);
 * ...
 * int done = Checkpoint.load(path, model, optimizer, scheduler);   // same architecture and settings
 * }</pre>
 *
 * Resuming from a checkpoint gives bit for bit the parameters an uninterrupted run would have,
 * provided the batches come in the same order (seed each epoch's shuffle from the epoch number,
 * as {@code new Generator(seed + epoch)}: generators' states are not saved).
 */
public final class Checkpoint {
    /** The metadata value of {@code "format"}. */
    public static final String FORMAT = "backprop4j-checkpoint-1";

    private Checkpoint() {
    }

    /**
     * Writes a checkpoint to {@code path}, replacing any file there.
     *
     * @param path the file to write
     * @param epoch the number of finished epochs
     * @param parts the model, the optimizer, then any schedules, in that order
     */
    public static void save(Path path, int epoch, Stateful... parts) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("epoch", Integer.toString(epoch));
        for (int i = 0; i < parts.length; i++) {
            String prefix = prefix(i);
            parts[i].stateDict().forEach((k, v) -> tensors.put(prefix + k, v));
            metadata.put(prefix + "class", parts[i].getClass().getSimpleName());
        }
        SafeTensors.save(path, tensors, metadata);
    }

    /**
     * Restores {@code parts} (the same kinds, in the same order, as saved) from {@code path}.
     *
     * @param path the checkpoint file
     * @param parts the model, the optimizer, then any schedules
     * @return the number of epochs finished when the checkpoint was saved
     * @throws SafeTensorsException when the file is not a readable safetensors file
     * @throws IllegalArgumentException when it is not a checkpoint of these parts
     */
    public static int load(Path path, Stateful... parts) {
        SafeTensors.Contents contents = SafeTensors.read(path);
        Map<String, String> metadata = contents.metadata();
        if (!FORMAT.equals(metadata.get("format"))) {
            throw new IllegalArgumentException(path + ": not a backprop4j checkpoint (metadata format is "
                    + metadata.get("format") + ")");
        }
        for (int i = 0; i < parts.length; i++) {
            String saved = metadata.get(prefix(i) + "class");
            if (!parts[i].getClass().getSimpleName().equals(saved)) {
                throw new IllegalArgumentException(path + ": part " + i + " was saved from a " + saved
                        + ", not a " + parts[i].getClass().getSimpleName());
            }
        }
        for (int i = 0; i < parts.length; i++) {
            String prefix = prefix(i);
            Map<String, Tensor> own = new LinkedHashMap<>();
            contents.tensors().forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    own.put(k.substring(prefix.length()), v);
                }
            });
            parts[i].loadStateDict(own);
        }
        return Integer.parseInt(metadata.getOrDefault("epoch", "0"));
    }

    /** {@code model.}, {@code optimizer.}, {@code scheduler.}, then {@code scheduler2.} and so on. */
    private static String prefix(int index) {
        return switch (index) {
            case 0 -> "model.";
            case 1 -> "optimizer.";
            case 2 -> "scheduler.";
            default -> "scheduler" + (index - 1) + ".";
        };
    }
}
