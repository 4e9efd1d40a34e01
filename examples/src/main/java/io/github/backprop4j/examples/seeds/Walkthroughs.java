package io.github.backprop4j.examples.seeds;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The seed walk-throughs, in the order {@code backprop4j seeds} runs them. */
public final class Walkthroughs {
    private static final List<Walkthrough> ALL = List.of(
            new LogSoftmaxNll(),
            new CrossEntropyOptions(),
            new PaperPencil(),
            new MultiClassVsMultiLabel());

    private Walkthroughs() {
    }

    /** Every walk-through. */
    public static List<Walkthrough> all() {
        return ALL;
    }

    /** The walk-through called {@code name}, if there is one. */
    public static Optional<Walkthrough> named(String name) {
        return ALL.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** The names, comma-separated. */
    public static String names() {
        return ALL.stream().map(Walkthrough::name).collect(Collectors.joining(", "));
    }
}
