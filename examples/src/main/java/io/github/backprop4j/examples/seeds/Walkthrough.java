package io.github.backprop4j.examples.seeds;

import java.io.PrintWriter;

/**
 * One of the worked examples the project started from (docs/spec/cli.md, {@code seeds}): the
 * library's numbers, printed as PyTorch prints tensors, each followed by the same numbers
 * computed step by step by hand.
 */
public interface Walkthrough {

    /** The name on the command line, e.g. {@code paper-pencil}. */
    String name();

    /** Prints the walk-through. */
    void run(PrintWriter out);
}
