package io.github.backprop4j.autograd;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Gradient checks: compares the gradients the engine computes (the analytical Jacobian, from
 * backward) with central differences of the function itself (the numerical Jacobian), in float64.
 *
 * <p>For y = f(x₀, x₁, …) the numerical Jacobian column for element j of input k is
 * (f(x + ε·eⱼ) − f(x − ε·eⱼ)) / 2ε. When the inputs and output are small (Σ numel(xₖ) · numel(y)
 * ≤ {@link Options#fullJacobianLimit()}) every entry is compared, one backward per output element.
 * For larger ones, as JAX's {@code check_vjp}, random directions are compared instead: for a
 * random cotangent u and a random tangent vₖ of each input, ⟨u, (f(xₖ + εvₖ) − f(xₖ − εvₖ)) / 2ε⟩
 * must equal ⟨vjp(u)ₖ, vₖ⟩.
 *
 * <p>An entry passes when |analytical − numerical| ≤ atol + rtol·|numerical| (PyTorch's rule and
 * defaults: ε = 1e-6, atol = 1e-5, rtol = 1e-3).
 *
 * <pre>{@code
 * GradCheck.gradcheck(xs -> xs.get(0).times(xs.get(1)).tanh().sum(), a, b);       // throws on mismatch
 * GradCheck.Result r = GradCheck.evaluate(xs -> myLoss(xs.get(0)), List.of(x), GradCheck.Options.DEFAULT);
 * }</pre>
 */
public final class GradCheck {
    private GradCheck() {
    }

    /** The function under test: inputs in, one output (any shape) out. */
    @FunctionalInterface
    public interface Fn {
        /**
         * Computes the function; it is called many times, at shifted copies of the inputs.
         *
         * @param inputs one variable per checked tensor, in the order given to the check
         * @return the output, built with {@link Variable} operations so backward reaches the inputs
         */
        Variable apply(List<Variable> inputs);
    }

    /** How the check compares: every Jacobian entry, or inner products along random directions. */
    public enum Method {
        /**
         * Every entry of every input's Jacobian: one backward per output element, two forwards
         * per input element.
         */
        FULL_JACOBIAN,
        /**
         * ⟨u, J·v⟩ from central differences against ⟨vjp(u), v⟩, for random u and v (as JAX's
         * {@code check_vjp}).
         */
        RANDOM_DIRECTIONS
    }

    /**
     * Settings: the finite-difference step, the tolerances, the largest Σ numel(inputs) ·
     * numel(output) for which the whole Jacobian is compared, and, past it, how many random
     * directions to try and the seed they come from.
     *
     * @param eps the central-difference step ε
     * @param atol the absolute tolerance
     * @param rtol the relative tolerance
     * @param fullJacobianLimit the largest Σ numel(inputs) · numel(output) compared entry by entry
     * @param directions how many random directions to compare above that limit
     * @param seed the seed of the random directions (and of gradgradcheck's cotangent)
     */
    public record Options(double eps, double atol, double rtol, long fullJacobianLimit, int directions, long seed) {
        /** ε = 1e-6, atol = 1e-5, rtol = 1e-3 (PyTorch's), full Jacobian up to 4096 entries, 4 directions. */
        public static final Options DEFAULT = new Options(1e-6, 1e-5, 1e-3, 4096, 4, 20240611L);

        /**
         * These options with another finite-difference step.
         *
         * @param e the step ε of the central differences
         * @return a copy with {@code eps = e}
         */
        public Options withEps(double e) {
            return new Options(e, atol, rtol, fullJacobianLimit, directions, seed);
        }

        /**
         * These options with other tolerances: an entry passes when |analytical − numerical| ≤
         * absolute + relative·|numerical|.
         *
         * @param absolute the new atol
         * @param relative the new rtol
         * @return a copy with those tolerances
         */
        public Options withTolerances(double absolute, double relative) {
            return new Options(eps, absolute, relative, fullJacobianLimit, directions, seed);
        }

        /**
         * These options with another size limit for the full-Jacobian check: 0 forces the
         * random-direction check; {@code Long.MAX_VALUE} forces the full Jacobian.
         *
         * @param limit the largest Σ numel(inputs) · numel(output) checked entry by entry
         * @return a copy with that limit
         */
        public Options withFullJacobianLimit(long limit) {
            return new Options(eps, atol, rtol, limit, directions, seed);
        }

        /**
         * These options with another number of random directions and their seed (used above the
         * full-Jacobian limit).
         *
         * @param n how many random (cotangent, tangent) pairs to compare
         * @param randomSeed the seed of the directions, so a check is reproducible
         * @return a copy with those settings
         */
        public Options withDirections(int n, long randomSeed) {
            return new Options(eps, atol, rtol, fullJacobianLimit, n, randomSeed);
        }
    }

    /**
     * The outcome. {@code maxAbsError} is the largest |analytical − numerical|; {@code maxRelError}
     * the largest |analytical − numerical| / |numerical| among entries whose numerical value exceeds
     * atol (smaller ones are judged by the absolute error alone); each comes with where it occurred.
     * {@code worst} is the entry that most exceeds its tolerance (or comes closest to it).
     *
     * @param check {@code "gradcheck"} or {@code "gradgradcheck"}
     * @param method whether the full Jacobian or random directions were compared
     * @param comparisons how many numbers were compared
     * @param passed whether every comparison was within tolerance
     * @param maxAbsError the largest |analytical − numerical|
     * @param maxAbsErrorAt where it occurred
     * @param maxRelError the largest relative error among entries above atol
     * @param maxRelErrorAt where it occurred
     * @param worst the entry that most exceeds (or comes closest to) its tolerance
     * @param options the settings the check ran with
     */
    public record Result(String check, Method method, int comparisons, boolean passed,
                         double maxAbsError, String maxAbsErrorAt, double maxRelError, String maxRelErrorAt,
                         Entry worst, Options options) {
        /**
         * A readable account, the same text a failure carries.
         *
         * @return whether the check passed, the worst entry with both values when it failed, and
         *         the largest absolute and relative errors with where they occurred
         */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            if (passed) {
                sb.append(check).append(" passed: ");
            } else {
                sb.append(check).append(" failed: ").append(method == Method.FULL_JACOBIAN
                                ? "the Jacobian entry for " : "the inner product for ").append(worst.where())
                        .append(" differs:\n")
                        .append("  analytical (from backward):          ").append(number(worst.analytical())).append('\n')
                        .append("  numerical (central differences, eps ").append(number(options.eps())).append("): ")
                        .append(number(worst.numerical())).append('\n')
                        .append(String.format(Locale.ROOT, "  |difference| %.3e > atol %s + rtol %s * |numerical|%n",
                                Math.abs(worst.analytical() - worst.numerical()), number(options.atol()),
                                number(options.rtol())));
            }
            sb.append(String.format(Locale.ROOT, "%d %s compared; largest absolute error %.3e at %s; "
                            + "largest relative error %.3e at %s", comparisons,
                    method == Method.FULL_JACOBIAN ? "Jacobian entries" : "random-direction inner products",
                    maxAbsError, maxAbsErrorAt, maxRelError, maxRelErrorAt));
            return sb.toString();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Up to 12 significant digits without trailing zeros. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.12g", v);
        if (s.contains("e")) {
            return s.replaceAll("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /**
     * One compared number: the analytical and numerical values and where.
     *
     * @param where the input and element (or random direction) compared
     * @param analytical the value from backward
     * @param numerical the value from central differences
     */
    public record Entry(String where, double analytical, double numerical) {
    }

    /** Thrown by {@link #gradcheck} and {@link #gradgradcheck} when a check fails; carries the result. */
    public static final class GradCheckException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Result result;

        GradCheckException(Result result) {
            super(result.describe());
            this.result = result;
        }

        /**
         * The failed check's figures.
         *
         * @return the result whose description is this exception's message
         */
        public Result result() {
            return result;
        }
    }

    // ------------------------------------------------------------------ entry points

    /**
     * Checks f's gradients at {@code inputs} (float64) with default options; throws on mismatch.
     *
     * @param f the function under test
     * @param inputs the point to check at, float64 tensors
     * @return the passing result, with its error figures
     * @throws GradCheckException if an analytical gradient differs from the numerical one
     * @throws IllegalArgumentException if there are no inputs or one is not float64
     */
    public static Result gradcheck(Fn f, Tensor... inputs) {
        return gradcheck(f, List.of(inputs), Options.DEFAULT);
    }

    /**
     * Checks f's gradients at {@code inputs}; throws {@link GradCheckException} on mismatch.
     *
     * @param f the function under test
     * @param inputs the point to check at, float64 tensors
     * @param options the step, tolerances and method limits
     * @return the passing result, with its error figures
     * @throws GradCheckException if an analytical gradient differs from the numerical one
     * @throws IllegalArgumentException if there are no inputs or one is not float64
     */
    public static Result gradcheck(Fn f, List<Tensor> inputs, Options options) {
        return orThrow(evaluate(f, inputs, options));
    }

    /**
     * Checks the gradients of f's gradients (second derivatives) with default options; throws on
     * mismatch. See {@link #gradgradcheck(Fn, List, Options)}.
     *
     * @param f the function under test; its backward must be differentiable
     * @param inputs the point to check at, float64 tensors
     * @return the passing result, with its error figures
     * @throws GradCheckException if a second derivative differs from the numerical one
     * @throws IllegalArgumentException if there are no inputs or one is not float64
     */
    public static Result gradgradcheck(Fn f, Tensor... inputs) {
        return gradgradcheck(f, List.of(inputs), Options.DEFAULT);
    }

    /**
     * Checks second derivatives, as PyTorch's {@code gradgradcheck}: with a fixed random cotangent
     * u, the function (x, u) ↦ vjp_f(x)(u), computed with {@code createGraph}, must itself pass
     * {@link #gradcheck} with respect to both x and u.
     *
     * @param f the function under test; its backward must be differentiable
     * @param inputs the point to check at, float64 tensors
     * @param options the step, tolerances, method limits and the seed of u
     * @return the passing result, with its error figures
     * @throws GradCheckException if a second derivative differs from the numerical one
     * @throws IllegalArgumentException if there are no inputs or one is not float64
     */
    public static Result gradgradcheck(Fn f, List<Tensor> inputs, Options options) {
        return orThrow(evaluateSecondOrder(f, inputs, options));
    }

    /**
     * The comparison {@link #gradcheck} makes, returned rather than thrown.
     *
     * @param f the function under test
     * @param inputs the point to check at, float64 tensors
     * @param options the step, tolerances and method limits
     * @return the result, passed or not
     * @throws IllegalArgumentException if there are no inputs or one is not float64
     */
    public static Result evaluate(Fn f, List<Tensor> inputs, Options options) {
        return run("gradcheck", f, checked(inputs), options);
    }

    /**
     * The comparison {@link #gradgradcheck} makes, returned rather than thrown.
     *
     * @param f the function under test; its backward must be differentiable
     * @param inputs the point to check at, float64 tensors
     * @param options the step, tolerances, method limits and the seed of the cotangent
     * @return the result, passed or not
     * @throws IllegalArgumentException if there are no inputs or one is not float64
     */
    public static Result evaluateSecondOrder(Fn f, List<Tensor> inputs, Options options) {
        List<Tensor> xs = checked(inputs);
        Shape outShape;
        try (GradMode.Scope s = GradMode.enableGrad()) {
            outShape = f.apply(parameters(xs)).shape();
        }
        Random rng = new Random(options.seed() ^ 0x5DEECE66DL);
        List<Tensor> extended = new ArrayList<>(xs);
        extended.add(randomLike(rng, outShape));
        int k = xs.size();
        Fn firstDerivatives = all -> {
            try (GradMode.Scope s = GradMode.enableGrad()) {
                List<Variable> x = new ArrayList<>(all.subList(0, k));
                for (int i = 0; i < k; i++) {
                    if (!x.get(i).requiresGrad()) {
                        x.set(i, Variable.parameter(x.get(i).value()));
                    }
                }
                Variable y = f.apply(x);
                @Nullable Variable[] grads = y.requiresGrad()
                        ? Autograd.grad(List.of(y), x, List.of(all.get(k)), BackwardOptions.CREATE_GRAPH)
                        : new Variable[k];
                List<Variable> flat = new ArrayList<>(k);
                for (int i = 0; i < k; i++) {
                    Variable g = grads[i];
                    flat.add(g == null ? Variable.of(Tensor.zeros(DType.FLOAT64, xs.get(i).numel())) : g.reshape(-1));
                }
                return Variable.cat(flat, 0);
            }
        };
        return run("gradgradcheck", firstDerivatives, extended, options);
    }

    private static Result orThrow(Result r) {
        if (!r.passed()) {
            throw new GradCheckException(r);
        }
        return r;
    }

    // ------------------------------------------------------------------ the comparison

    private static Result run(String check, Fn f, List<Tensor> xs, Options o) {
        Tensor y0;
        try (GradMode.Scope s = GradMode.noGrad()) {
            y0 = evaluateAt(f, xs);
        }
        long n = 0;
        for (Tensor x : xs) {
            n += x.numel();
        }
        boolean full = n * (long) y0.numel() <= o.fullJacobianLimit();
        Tally tally = new Tally(check, full ? Method.FULL_JACOBIAN : Method.RANDOM_DIRECTIONS, o);
        if (full) {
            fullJacobian(f, xs, y0.shape(), tally);
        } else {
            randomDirections(f, xs, y0.shape(), tally);
        }
        return tally.result();
    }

    private static void fullJacobian(Fn f, List<Tensor> xs, Shape outShape, Tally tally) {
        int m = outShape.numel();
        // analytical: row i of the Jacobian is the VJP of the i-th unit cotangent
        double[][][] analytical = new double[xs.size()][m][];
        try (GradMode.Scope s = GradMode.enableGrad()) {
            List<Variable> vars = parameters(xs);
            Variable y = f.apply(vars);
            for (int i = 0; i < m; i++) {
                double[] e = new double[m];
                e[i] = 1;
                Tensor seed = Tensor.fromFlat(DType.FLOAT64, e, outShape.toArray()).to(y.dtype());
                @Nullable Variable[] grads = vjp(y, vars, seed);
                for (int k = 0; k < xs.size(); k++) {
                    Variable g = grads[k];
                    analytical[k][i] = g == null ? new double[xs.get(k).numel()] : g.value().toDoubleArray();
                }
            }
        }
        // numerical: column j of input k from central differences
        for (int k = 0; k < xs.size(); k++) {
            Tensor x = xs.get(k);
            double[] base = x.toDoubleArray();
            for (int j = 0; j < base.length; j++) {
                double[] dir = new double[base.length];
                dir[j] = 1;
                double[] column = centralDifference(f, xs, k, dir, tally.options.eps());
                for (int i = 0; i < m; i++) {
                    int input = k;
                    int element = j;
                    int output = i;
                    tally.compare(analytical[k][i][j], column[i], () -> String.format(Locale.ROOT,
                            "input %d (shape %s) element %s, output element %s", input, x.shape(),
                            unravel(element, x.shape()), unravel(output, outShape)));
                }
            }
        }
    }

    private static void randomDirections(Fn f, List<Tensor> xs, Shape outShape, Tally tally) {
        Random rng = new Random(tally.options.seed());
        for (int d = 0; d < tally.options.directions(); d++) {
            Tensor u = randomLike(rng, outShape);
            @Nullable Variable[] grads;
            try (GradMode.Scope s = GradMode.enableGrad()) {
                List<Variable> vars = parameters(xs);
                grads = vjp(f.apply(vars), vars, u);
            }
            double[] uData = u.toDoubleArray();
            for (int k = 0; k < xs.size(); k++) {
                Tensor v = randomLike(rng, xs.get(k).shape());
                double[] vData = v.toDoubleArray();
                Variable g = grads[k];
                double analytical = g == null ? 0 : dot(g.value().toDoubleArray(), vData);
                double numerical = dot(uData, centralDifference(f, xs, k, vData, tally.options.eps()));
                int dd = d;
                int kk = k;
                tally.compare(analytical, numerical, () -> String.format(Locale.ROOT,
                        "input %d (shape %s), random direction %d", kk, xs.get(kk).shape(), dd));
            }
        }
    }

    /** The VJP of y with cotangent {@code seed} for each of {@code vars} (null where none flows). */
    private static @Nullable Variable[] vjp(Variable y, List<Variable> vars, Tensor seed) {
        if (!y.requiresGrad()) {
            return new Variable[vars.size()];
        }
        return Autograd.grad(List.of(y), vars, List.of(Variable.of(seed.to(y.dtype()))), BackwardOptions.RETAIN_GRAPH);
    }

    /** (f(x + ε·dir) − f(x − ε·dir)) / 2ε, flattened, where only input k moves. */
    private static double[] centralDifference(Fn f, List<Tensor> xs, int k, double[] dir, double eps) {
        double[] plus = shifted(f, xs, k, dir, eps);
        double[] minus = shifted(f, xs, k, dir, -eps);
        double[] out = new double[plus.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (plus[i] - minus[i]) / (2 * eps);
        }
        return out;
    }

    private static double[] shifted(Fn f, List<Tensor> xs, int k, double[] dir, double step) {
        Tensor x = xs.get(k);
        double[] data = x.toDoubleArray();
        for (int i = 0; i < data.length; i++) {
            data[i] += step * dir[i];
        }
        List<Tensor> moved = new ArrayList<>(xs);
        moved.set(k, Tensor.fromFlat(DType.FLOAT64, data, x.shape().toArray()));
        try (GradMode.Scope s = GradMode.noGrad()) {
            return evaluateAt(f, moved).to(DType.FLOAT64).toDoubleArray();
        }
    }

    private static Tensor evaluateAt(Fn f, List<Tensor> xs) {
        List<Variable> vars = new ArrayList<>(xs.size());
        for (Tensor x : xs) {
            vars.add(Variable.of(x));
        }
        return f.apply(vars).value();
    }

    private static List<Variable> parameters(List<Tensor> xs) {
        List<Variable> vars = new ArrayList<>(xs.size());
        for (Tensor x : xs) {
            vars.add(Variable.parameter(x));
        }
        return vars;
    }

    private static List<Tensor> checked(List<Tensor> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("gradcheck: expected at least one input");
        }
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i);
            if (x.dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("gradcheck: input " + i + " (shape " + x.shape() + ") has dtype "
                        + x.dtype().shortName() + "; gradient checks need float64 inputs (use x.to(DType.FLOAT64))");
            }
        }
        return List.copyOf(inputs);
    }

    private static Tensor randomLike(Random rng, Shape shape) {
        double[] d = new double[shape.numel()];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextGaussian();
        }
        return Tensor.fromFlat(DType.FLOAT64, d, shape.toArray());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The multi-index of flat position {@code flat} in {@code shape}, as "[i, j]". */
    private static String unravel(int flat, Shape shape) {
        int[] dims = shape.toArray();
        int[] idx = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            idx[d] = flat % dims[d];
            flat /= dims[d];
        }
        return Arrays.toString(idx);
    }

    /** Running maxima of the comparisons. */
    private static final class Tally {
        final String check;
        final Method method;
        final Options options;
        int comparisons;
        boolean passed = true;
        double maxAbs = 0;
        String maxAbsAt = "-";
        double maxRel = 0;
        String maxRelAt = "-";
        double worstRatio = -1;
        Entry worst = new Entry("-", 0, 0);

        Tally(String check, Method method, Options options) {
            this.check = check;
            this.method = method;
            this.options = options;
        }

        void compare(double analytical, double numerical, java.util.function.Supplier<String> where) {
            comparisons++;
            double diff = Math.abs(analytical - numerical);
            boolean bad = !(diff <= options.atol() + options.rtol() * Math.abs(numerical)); // NaN fails
            double ratio = bad && Double.isNaN(diff) ? Double.POSITIVE_INFINITY
                    : diff / (options.atol() + options.rtol() * Math.abs(numerical));
            String at = null;
            if (diff > maxAbs || Double.isNaN(diff) && !Double.isNaN(maxAbs)) {
                maxAbs = diff;
                at = where.get();
                maxAbsAt = at;
            }
            if (Math.abs(numerical) > options.atol()) {
                double rel = diff / Math.abs(numerical);
                if (rel > maxRel || Double.isNaN(rel) && !Double.isNaN(maxRel)) {
                    maxRel = rel;
                    maxRelAt = at != null ? at : (at = where.get());
                }
            }
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = new Entry(at != null ? at : where.get(), analytical, numerical);
            }
            passed &= !bad;
        }

        Result result() {
            return new Result(check, method, comparisons, passed, maxAbs, maxAbsAt, maxRel, maxRelAt, worst, options);
        }
    }
}
