package io.github.backprop4j.autograd;

import static io.github.backprop4j.autograd.Values.awayFromZero;
import static io.github.backprop4j.autograd.Values.broadcastable;
import static io.github.backprop4j.autograd.Values.dim;
import static io.github.backprop4j.autograd.Values.uniform;

import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.Gens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.quicktheories.core.Gen;

/**
 * One gradient-check case per differentiable Variable operation: given a random shape (ranks
 * 0–3, sizes 1–3, so size-1 dims are common) and a source of randomness, each builds float64
 * inputs that keep clear of the op's kinks and a function to check. {@link OpGradCheckProperties}
 * runs every case, drawing through the test kit's shrinking {@link java.util.Random} (so a
 * failure is reported as a small case); {@link OpCoverageTest} checks that together they reach
 * every op in the catalogue.
 */
final class OpCases {
    private OpCases() {
    }

    /**
     * The inputs and function for one example, and the check's options; {@code secondOrder} false
     * where gradgradcheck cannot work (a float32 round trip breaks second-order differences).
     */
    record Instance(List<Tensor> inputs, GradCheck.Fn f, String description, GradCheck.Options options,
                    boolean secondOrder) {
        /** What a failing property reports: the call and its inputs. */
        @Override
        public String toString() {
            return description + " with inputs " + inputs.stream().map(t -> t.shape() + " " + t).toList();
        }
    }

    @FunctionalInterface
    interface Maker {
        Instance make(int[] shape, Random rng);
    }

    /** A named case; {@code minRank} is the smallest rank it accepts (smaller shapes get leading 2s). */
    record OpCase(String name, int minRank, Maker maker) {
        Instance instance(int[] shape, Random rng) {
            int[] s = shape;
            while (s.length < minRank) {
                int[] t = new int[s.length + 1];
                t[0] = 2;
                System.arraycopy(s, 0, t, 1, s.length);
                s = t;
            }
            return maker.make(s, rng);
        }

        /** Instances over random shapes of rank 0–3 with sizes 1..maxSize; they shrink. */
        Gen<Instance> instances(int maxSize) {
            return Gens.fromRandom(r -> {
                int[] shape = new int[r.nextInt(4)];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = 1 + r.nextInt(maxSize);
                }
                return instance(shape, r);
            });
        }
    }

    static final Map<String, OpCase> ALL = new LinkedHashMap<>();

    private static void add(String name, int minRank, Maker maker) {
        ALL.put(name, new OpCase(name, minRank, maker));
    }

    private static Instance of(String description, GradCheck.Fn f, Tensor... inputs) {
        return new Instance(List.of(inputs), f, description, GradCheck.Options.DEFAULT, true);
    }

    private static Variable x(List<Variable> xs) {
        return xs.get(0);
    }

    private static Variable y(List<Variable> xs) {
        return xs.get(1);
    }

    /** Two operands whose shapes broadcast to {@code shape}. */
    private static Tensor[] pair(Random rng, int[] shape, double lo, double hi) {
        return new Tensor[] {uniform(rng, broadcastable(rng, shape), lo, hi), uniform(rng, broadcastable(rng, shape), lo, hi)};
    }

    static {
        // ---------------------------------------------------------------- arithmetic
        add("plus", 0, (s, r) -> of("a + b", xs -> x(xs).plus(y(xs)), pair(r, s, -2, 2)));
        add("minus", 0, (s, r) -> of("a - b", xs -> x(xs).minus(y(xs)), pair(r, s, -2, 2)));
        add("times", 0, (s, r) -> of("a * b", xs -> x(xs).times(y(xs)), pair(r, s, -2, 2)));
        add("div", 0, (s, r) -> of("a / b", xs -> x(xs).div(y(xs)),
                uniform(r, broadcastable(r, s), -2, 2), awayFromZero(r, broadcastable(r, s), 0.5, 2)));
        add("scalarArithmetic", 0, (s, r) -> of("((a + 2) * 3 - 1) / 4", xs -> x(xs).plus(2).times(3).minus(1).div(4),
                uniform(r, s, -2, 2)));
        add("unaryMinus", 0, (s, r) -> of("-a", xs -> x(xs).unaryMinus(), uniform(r, s, -2, 2)));
        add("pow", 0, (s, r) -> of("a ^ b", xs -> x(xs).pow(y(xs)),
                uniform(r, broadcastable(r, s), 0.3, 2), uniform(r, broadcastable(r, s), -2, 2)));
        add("powScalar", 0, (s, r) -> {
            double p = new double[] {2, 3, -1, 0.5, 1.7, 0}[r.nextInt(6)];
            Tensor base = p == Math.rint(p) ? awayFromZero(r, s, 0.3, 2) : uniform(r, s, 0.3, 2);
            return of("a ^ " + p, xs -> x(xs).pow(p), base);
        });

        // ---------------------------------------------------------------- smooth unary math
        add("exp", 0, (s, r) -> of("exp(a)", xs -> x(xs).exp(), uniform(r, s, -2, 2)));
        add("log", 0, (s, r) -> of("log(a)", xs -> x(xs).log(), uniform(r, s, 0.2, 3)));
        add("log1p", 0, (s, r) -> of("log1p(a)", xs -> x(xs).log1p(), uniform(r, s, -0.5, 2)));
        add("expm1", 0, (s, r) -> of("expm1(a)", xs -> x(xs).expm1(), uniform(r, s, -2, 2)));
        add("sqrt", 0, (s, r) -> of("sqrt(a)", xs -> x(xs).sqrt(), uniform(r, s, 0.2, 3)));
        add("tanh", 0, (s, r) -> of("tanh(a)", xs -> x(xs).tanh(), uniform(r, s, -2, 2)));
        add("sigmoid", 0, (s, r) -> of("sigmoid(a)", xs -> x(xs).sigmoid(), uniform(r, s, -4, 4)));
        add("logSigmoid", 0, (s, r) -> of("logSigmoid(a)", xs -> x(xs).logSigmoid(), uniform(r, s, -6, 6)));

        // ---------------------------------------------------------------- piecewise
        add("abs", 0, (s, r) -> of("abs(a)", xs -> x(xs).abs(), awayFromZero(r, s, 0.05, 2)));
        add("relu", 0, (s, r) -> of("relu(a)", xs -> x(xs).relu(), awayFromZero(r, s, 0.05, 2)));
        add("clamp", 0, (s, r) -> {
            double lo = r.nextInt(4) == 0 ? Double.NEGATIVE_INFINITY : -r.nextDouble();
            double hi = r.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : (Double.isInfinite(lo) ? 0 : lo) + 0.5 + r.nextDouble();
            double[] v = uniform(r, s, -2.5, 2.5).toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.abs(v[i] - lo) < 0.05 ? lo - 0.1 : Math.abs(v[i] - hi) < 0.05 ? hi + 0.1 : v[i];
            }
            return of("clamp(a, " + lo + ", " + hi + ")", xs -> x(xs).clamp(lo, hi),
                    Tensor.fromFlat(io.github.backprop4j.tensor.DType.FLOAT64, v, s));
        });
        add("maximum", 0, (s, r) -> of("maximum(a, b)", xs -> x(xs).maximum(y(xs)),
                Values.onGrid(r, broadcastable(r, s), true), Values.onGrid(r, broadcastable(r, s), false)));
        add("minimum", 0, (s, r) -> of("minimum(a, b)", xs -> x(xs).minimum(y(xs)),
                Values.onGrid(r, broadcastable(r, s), false), Values.onGrid(r, broadcastable(r, s), true)));
        add("where", 0, (s, r) -> {
            Tensor cond = Values.mask(r, broadcastable(r, s));
            Tensor[] ab = pair(r, s, -2, 2);
            return of("where(c" + cond.shape() + ", a, b)", xs -> Variable.where(cond, x(xs), y(xs)), ab);
        });
        add("maskedFill", 0, (s, r) -> {
            Tensor mask = Values.mask(r, broadcastable(r, s));
            double value = r.nextGaussian();
            return of("maskedFill(a, m" + mask.shape() + ", " + value + ")", xs -> x(xs).maskedFill(mask, value),
                    uniform(r, s, -2, 2));
        });

        // ---------------------------------------------------------------- reductions
        add("sum", 0, (s, r) -> of("sum(a)", xs -> x(xs).sum(), uniform(r, s, -2, 2)));
        add("sumDims", 0, (s, r) -> {
            int[] dims = Values.dimSubset(r, s.length);
            boolean keep = r.nextBoolean();
            return of("sum(a, " + Arrays.toString(dims) + ", " + keep + ")", xs -> x(xs).sum(dims, keep),
                    uniform(r, s, -2, 2));
        });
        add("sumDim", 1, (s, r) -> {
            int d = dim(r, s.length);
            boolean keep = r.nextBoolean();
            return of("sum(a, " + d + ", " + keep + ")", xs -> x(xs).sum(d, keep), uniform(r, s, -2, 2));
        });
        add("mean", 0, (s, r) -> of("mean(a)", xs -> x(xs).mean(), uniform(r, s, -2, 2)));
        add("meanDims", 0, (s, r) -> {
            int[] dims = Values.dimSubset(r, s.length);
            boolean keep = r.nextBoolean();
            return of("mean(a, " + Arrays.toString(dims) + ", " + keep + ")", xs -> x(xs).mean(dims, keep),
                    uniform(r, s, -2, 2));
        });
        add("sumTo", 0, (s, r) -> {
            Shape target = Shape.of(broadcastable(r, s));
            return of("sumTo(a, " + target + ")", xs -> x(xs).sumTo(target), uniform(r, s, -2, 2));
        });
        add("max", 0, (s, r) -> of("max(a)", xs -> x(xs).max(), Values.distinct(r, s)));
        add("min", 0, (s, r) -> of("min(a)", xs -> x(xs).min(), Values.distinct(r, s)));
        add("maxDim", 0, (s, r) -> {
            int d = dim(r, s.length);
            boolean keep = r.nextBoolean();
            return of("max(a, " + d + ", " + keep + ")", xs -> x(xs).max(d, keep), Values.distinct(r, s));
        });
        add("minDim", 0, (s, r) -> {
            int d = dim(r, s.length);
            boolean keep = r.nextBoolean();
            return of("min(a, " + d + ", " + keep + ")", xs -> x(xs).min(d, keep), Values.distinct(r, s));
        });
        add("logsumexp", 0, (s, r) -> {
            int[] dims = Values.dimSubset(r, s.length);
            boolean keep = r.nextBoolean();
            return of("logsumexp(a, " + Arrays.toString(dims) + ", " + keep + ")",
                    xs -> x(xs).logsumexp(dims, keep), uniform(r, s, -3, 3));
        });

        // ---------------------------------------------------------------- views
        add("expand", 0, (s, r) -> {
            int[] in = broadcastable(r, s);
            return of("expand(a" + Arrays.toString(in) + ", " + Arrays.toString(s) + ")",
                    xs -> x(xs).expand(s), uniform(r, in, -2, 2));
        });
        add("reshape", 0, (s, r) -> {
            List<Integer> target = new ArrayList<>();
            for (int d : Values.permutation(r, s.length)) {
                target.add(s[d]);
            }
            if (r.nextBoolean()) {
                target.add(r.nextInt(target.size() + 1), 1);
            }
            int[] t = target.stream().mapToInt(Integer::intValue).toArray();
            if (t.length > 0 && r.nextBoolean()) {
                t[r.nextInt(t.length)] = -1;
            }
            return of("reshape(a, " + Arrays.toString(t) + ")", xs -> x(xs).reshape(t), uniform(r, s, -2, 2));
        });
        add("permute", 0, (s, r) -> {
            int[] p = Values.permutation(r, s.length);
            return of("permute(a, " + Arrays.toString(p) + ")", xs -> x(xs).permute(p), uniform(r, s, -2, 2));
        });
        add("transpose", 0, (s, r) -> {
            int a = dim(r, s.length);
            int b = dim(r, s.length);
            return of("transpose(a, " + a + ", " + b + ")", xs -> x(xs).transpose(a, b), uniform(r, s, -2, 2));
        });
        add("t", 0, (s, r) -> {
            int[] m = Arrays.copyOf(s, Math.min(s.length, 2));
            return of("t(a)", xs -> x(xs).t(), uniform(r, m, -2, 2));
        });
        add("squeeze", 0, (s, r) -> of("squeeze(a)", xs -> x(xs).squeeze(), uniform(r, s, -2, 2)));
        add("squeezeDim", 0, (s, r) -> {
            int d = dim(r, s.length);
            return of("squeeze(a, " + d + ")", xs -> x(xs).squeeze(d), uniform(r, s, -2, 2));
        });
        add("unsqueeze", 0, (s, r) -> {
            int d = r.nextInt(s.length + 1) - (r.nextBoolean() ? s.length + 1 : 0);
            return of("unsqueeze(a, " + d + ")", xs -> x(xs).unsqueeze(d), uniform(r, s, -2, 2));
        });
        add("narrow", 1, (s, r) -> {
            int d = dim(r, s.length);
            int n = s[d < 0 ? d + s.length : d];
            int start = r.nextInt(n);
            int length = 1 + r.nextInt(n - start);
            int st = r.nextBoolean() ? start : start - n;
            return of("narrow(a, " + d + ", " + st + ", " + length + ")", xs -> x(xs).narrow(d, st, length),
                    uniform(r, s, -2, 2));
        });
        add("slice", 1, (s, r) -> {
            int d = dim(r, s.length);
            int start = r.nextInt(7) - 3;
            int end = r.nextInt(7) - 2;
            return of("slice(a, " + d + ", " + start + ", " + end + ")", xs -> x(xs).slice(d, start, end),
                    uniform(r, s, -2, 2));
        });
        add("select", 1, (s, r) -> {
            int d = dim(r, s.length);
            int n = s[d < 0 ? d + s.length : d];
            int i = r.nextInt(n) - (r.nextBoolean() ? n : 0);
            return of("select(a, " + d + ", " + i + ")", xs -> x(xs).select(d, i), uniform(r, s, -2, 2));
        });
        add("get", 1, (s, r) -> {
            int k = 1 + r.nextInt(s.length);
            int[] idx = new int[k];
            for (int i = 0; i < k; i++) {
                idx[i] = r.nextInt(s[i]);
            }
            return of("a" + Arrays.toString(idx), xs -> x(xs).get(idx), uniform(r, s, -2, 2));
        });
        add("cat", 1, (s, r) -> {
            int d = dim(r, s.length);
            int dd = d < 0 ? d + s.length : d;
            int parts = 1 + r.nextInt(3);
            Tensor[] in = new Tensor[parts];
            for (int i = 0; i < parts; i++) {
                in[i] = uniform(r, Values.with(s, dd, 1 + r.nextInt(3)), -2, 2);
            }
            return of("cat(" + parts + " parts, " + d + ")", xs -> Variable.cat(xs, d), in);
        });
        add("stack", 0, (s, r) -> {
            int d = r.nextInt(s.length + 1);
            int parts = 1 + r.nextInt(3);
            Tensor[] in = new Tensor[parts];
            for (int i = 0; i < parts; i++) {
                in[i] = uniform(r, s, -2, 2);
            }
            return of("stack(" + parts + " parts, " + d + ")", xs -> Variable.stack(xs, d), in);
        });

        add("to", 0, (s, r) -> {
            // multiples of 2^-12 below 4 in magnitude, and a step of 2^-12: x ± ε is exact in float32,
            // so the float32 round trip is exactly the identity at the points the differences probe
            double[] v = uniform(r, s, -3, 3).toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.rint(v[i] * 4096) / 4096;
            }
            Tensor in = Tensor.fromFlat(io.github.backprop4j.tensor.DType.FLOAT64, v, s);
            return new Instance(List.of(in), xs -> x(xs).to(io.github.backprop4j.tensor.DType.FLOAT32).times(2)
                    .to(io.github.backprop4j.tensor.DType.FLOAT64), "to(float32) * 2 to(float64)",
                    GradCheck.Options.DEFAULT.withEps(Math.scalb(1.0, -12)), false);
        });

        // ---------------------------------------------------------------- indexing
        add("gather", 1, (s, r) -> {
            int d = r.nextInt(s.length);
            int[] is = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                is[i] = i == d ? 1 + r.nextInt(4) : 1 + r.nextInt(s[i]);
            }
            Tensor index = Values.indices(r, is, s[d]);
            return of("gather(a, " + d + ", idx" + index.shape() + ")", xs -> x(xs).gather(d, index),
                    uniform(r, s, -2, 2));
        });
        add("scatterAdd", 1, (s, r) -> {
            int d = r.nextInt(s.length);
            int[] is = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                is[i] = i == d ? 1 + r.nextInt(4) : 1 + r.nextInt(s[i]);
            }
            Tensor index = Values.indices(r, is, s[d]);
            return of("scatterAdd(a, " + d + ", idx" + index.shape() + ", src)",
                    xs -> x(xs).scatterAdd(d, index, y(xs)), uniform(r, s, -2, 2), uniform(r, is, -2, 2));
        });
        add("indexSelect", 0, (s, r) -> {
            int d = dim(r, s.length);
            int n = s.length == 0 ? 1 : s[d < 0 ? d + s.length : d];
            Tensor index = Values.indices(r, new int[] {1 + r.nextInt(4)}, n);
            return of("indexSelect(a, " + d + ", " + Arrays.toString(index.toLongArray()) + ")",
                    xs -> x(xs).indexSelect(d, index), uniform(r, s, -2, 2));
        });

        // ---------------------------------------------------------------- products
        add("matmul", 0, (s, r) -> {
            int m = 1 + r.nextInt(3);
            int k = 1 + r.nextInt(3);
            int n = 1 + r.nextInt(3);
            int b = 1 + r.nextInt(3);
            int[][][] forms = {
                {{k}, {k}}, {{m, k}, {k}}, {{k}, {k, n}}, {{m, k}, {k, n}},
                {{b, m, k}, {k, n}}, {{m, k}, {b, k, n}}, {{k}, {b, k, n}}, {{b, m, k}, {k}},
                {{b, 1, m, k}, {2, k, n}}, {{b, m, k}, {b, k, n}}};
            int[][] form = forms[r.nextInt(forms.length)];
            return of("matmul(" + Arrays.toString(form[0]) + ", " + Arrays.toString(form[1]) + ")",
                    xs -> x(xs).matmul(y(xs)), uniform(r, form[0], -2, 2), uniform(r, form[1], -2, 2));
        });
    }
}
