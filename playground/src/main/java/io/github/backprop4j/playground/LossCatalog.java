package io.github.backprop4j.playground;

import io.github.backprop4j.losses.LossKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The losses the pages offer and the options each takes, with their names on the command line
 * ({@code explain cross-entropy --label-smoothing}) and in {@code loss --jsonl}
 * ({@code cross_entropy}, {@code label_smoothing}). The one place the playground learns this:
 * read from the losses' registry {@link LossKind}.
 */
public final class LossCatalog {
    /** An option of a loss: its command-line name (without the dashes) and its JSON name. */
    public record Option(String cliName, String jsonName, boolean tensor) {
    }

    /** A loss: the {@code explain} name, its registry entry, the options it takes. */
    public record Loss(String cliName, LossKind op, List<Option> options) {
        /** Whether it takes a target. */
        public boolean takesTarget() {
            return op.takesTarget();
        }

        /** The option called {@code cliName}, if this loss takes it. */
        public Optional<Option> option(String cliName) {
            return options.stream().filter(o -> o.cliName().equals(cliName)).findFirst();
        }
    }

    private static final Option WEIGHT = new Option("weight", "weight", true);
    private static final Option IGNORE_INDEX = new Option("ignore-index", "ignore_index", false);
    private static final Option REDUCTION = new Option("reduction", "reduction", false);
    private static final Option LABEL_SMOOTHING = new Option("label-smoothing", "label_smoothing", false);
    private static final Option POS_WEIGHT = new Option("pos-weight", "pos_weight", true);
    private static final Option DIM = new Option("dim", "dim", false);

    /** Every option any loss takes, in the order the explorer shows them. */
    public static final List<Option> ALL_OPTIONS = List.of(WEIGHT, IGNORE_INDEX, REDUCTION, LABEL_SMOOTHING,
            POS_WEIGHT, DIM);

    /** Every loss of the registry, in its order, with the options it accepts (PyTorch's legacy flags left out). */
    public static final List<Loss> LOSSES = Arrays.stream(LossKind.values())
            .map(kind -> new Loss(kind.cliName(), kind,
                    ALL_OPTIONS.stream().filter(o -> kind.accepts(o.jsonName())).toList()))
            .toList();

    private LossCatalog() {
    }

    /** The loss called {@code cliName} (e.g. {@code cross-entropy}), if there is one. */
    public static Optional<Loss> named(String cliName) {
        String name = cliName.toLowerCase(Locale.ROOT);
        return LOSSES.stream().filter(l -> l.cliName().equals(name)).findFirst();
    }

    /** The names, comma-separated, for messages. */
    public static String names() {
        return String.join(", ", LOSSES.stream().map(Loss::cliName).toList());
    }
}
