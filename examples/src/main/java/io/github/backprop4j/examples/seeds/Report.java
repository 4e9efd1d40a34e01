package io.github.backprop4j.examples.seeds;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/** Small printing helpers shared by the walk-throughs. */
final class Report {
    private final PrintWriter out;

    Report(PrintWriter out) {
        this.out = out;
    }

    /** {@code == name: title ==} and a blank line. */
    void heading(String name, String title) {
        out.println("== " + name + ": " + title + " ==");
        out.println();
    }

    /** A line of text. */
    void line(String text) {
        out.println(text);
    }

    /** An empty line. */
    void blank() {
        out.println();
    }

    /** {@code label: tensor(...)}, as Python's {@code print(label, t)} shows it. */
    void show(String label, Tensor t) {
        out.println(label + ": " + t);
    }

    /** The value of {@code v} as a tensor (no {@code grad_fn} suffix). */
    void show(String label, Variable v) {
        show(label, v.value());
    }

    /** {@code v} with {@code decimals} decimals, e.g. {@code fixed(1.34472, 4)} is {@code 1.3447}. */
    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code v} as written in a formula: {@code 4}, {@code 0.15}, {@code -1.3132}. */
    static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v)
                : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** {@code f(v0) + f(v1) + ...}. */
    static String joined(double[] values, DoubleFunction<String> f, String separator) {
        return DoubleStream.of(values).mapToObj(f).collect(Collectors.joining(separator));
    }
}
