package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.Buffers;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.losses.internal.Layout;
import io.github.backprop4j.losses.internal.Report;
import io.github.backprop4j.tensor.Tensor;
import java.util.function.UnaryOperator;

/**
 * The softmax family — log_softmax and softmax along one dim (losses.md §2) — forward, backward,
 * second derivatives and explanation. One skeleton serves both: the same row pass, the same two
 * nodes, a flag {@code log} choosing the last step.
 *
 * <pre>
 *   forward, per row (PyTorch's order):
 *     m = max_j x_j      s = Σ_j exp(x_j − m)
 *     log_softmax_i = (x_i − m) − log s          softmax_i = exp(x_i − m) · (1 / s)
 *
 *   backward, from the result y (its own node, so that it can be differentiated again):
 *     log_softmax: dx = g − exp(y)·Σ_j g_j       softmax: dx = y·(g − Σ_j g_j·y_j)
 *
 *   second derivatives (of the backward node, inputs g and y; gg is the incoming gradient):
 *     log_softmax: ∂/∂g = gg − Σ(gg·exp(y))      ∂/∂y = −Σ(g)·exp(y)·gg
 *     softmax:     ∂/∂g = y·(gg − Σ gg·y)        ∂/∂y = g·gg − Σ(y·g)·gg − g·Σ(y·gg)
 * </pre>
 *
 * Logits of ±1e4 stay exact; a −inf logit gives −inf / 0 there; a row of all −inf, or with a
 * +inf or NaN, is NaN throughout (x − m is NaN), as in PyTorch. Cross-entropy reuses the row
 * pass ({@link #rowMax}, {@link #expShifted}) and the nodes.
 */
final class SoftmaxFamily {
    private SoftmaxFamily() {
    }

    /** log_softmax ({@code log}) or softmax of {@code input} along {@code dim}: the shared checks and the 0-d case. */
    static Variable apply(String op, Variable input, int dim, boolean log) {
        int rank = input.dim();
        int d = Checks.wrapDim(op, dim, rank);
        boolean lastDim = d == Math.max(rank, 1) - 1;
        Checks.requireFloatInput(op, op + (lastDim ? "_lastdim_kernel_impl" : "_kernel_impl"), input.value());
        if (rank == 0) {
            return apply(op, input.reshape(1), 0, log).reshape();
        }
        return new Node(d, log).apply(input);
    }

    /** log_softmax ({@code log}) or softmax along the already wrapped {@code dim}, unchecked. */
    static Variable node(Variable x, int dim, boolean log) {
        return new Node(dim, log).apply(x);
    }

    /** The backward node applied to (g, y): the softmax-family vector-Jacobian product. */
    static Variable backwardNode(Variable g, Variable y, int dim, boolean log) {
        return new BackwardNode(dim, log).apply(g, y);
    }

    // ------------------------------------------------------------------ the row pass

    /** The row maximum m (NaN-propagating). */
    static double rowMax(double[] x, int base, int classes, int stride) {
        double m = Double.NEGATIVE_INFINITY;
        for (int c = 0, k = base; c < classes; c++, k += stride) {
            double v = x[k];
            m = v > m || Double.isNaN(v) ? v : m;
            if (Double.isNaN(m)) {
                return m;
            }
        }
        return m;
    }

    /**
     * Writes exp(x − m) of one row into {@code out} (same positions as in x) and returns their
     * sum s: the shared first half of every softmax-family kernel.
     */
    static double expShifted(double[] x, int base, int classes, int stride, double m, double[] out) {
        double s = 0;
        for (int c = 0, k = base; c < classes; c++, k += stride) {
            double e = Math.exp(x[k] - m);
            out[k] = e;
            s += e;
        }
        return s;
    }

    /** log_softmax (when {@code log}) or softmax of every row of {@code x}. */
    static double[] forward(double[] x, Layout layout, boolean log) {
        double[] out = new double[x.length];
        int classes = layout.classes();
        int stride = layout.inner();
        for (int r = 0, rows = layout.rows(); r < rows; r++) {
            int base = layout.base(r);
            double m = rowMax(x, base, classes, stride);
            double s = expShifted(x, base, classes, stride, m, out);
            if (log) {
                double logS = Math.log(s);
                for (int c = 0, k = base; c < classes; c++, k += stride) {
                    out[k] = (x[k] - m) - logS;
                }
            } else {
                double inv = 1 / s;
                for (int c = 0, k = base; c < classes; c++, k += stride) {
                    out[k] *= inv;
                }
            }
        }
        return out;
    }

    /** log_softmax backward g − exp(y)·Σg ({@code log}) or softmax backward y·(g − Σ g·y), per row. */
    static double[] backward(double[] g, double[] y, Layout layout, boolean log) {
        double[] dx = new double[g.length];
        int classes = layout.classes();
        int stride = layout.inner();
        for (int r = 0, rows = layout.rows(); r < rows; r++) {
            int base = layout.base(r);
            double sum = 0;
            for (int c = 0, k = base; c < classes; c++, k += stride) {
                sum += log ? g[k] : g[k] * y[k];
            }
            for (int c = 0, k = base; c < classes; c++, k += stride) {
                dx[k] = log ? g[k] - Math.exp(y[k]) * sum : y[k] * (g[k] - sum);
            }
        }
        return dx;
    }

    // ------------------------------------------------------------------ the nodes

    /** y = log_softmax(x) or softmax(x) along {@code dim} (already wrapped into [0, rank)). */
    private static final class Node extends Function {
        private final int dim;
        private final boolean log;

        Node(int dim, boolean log) {
            this.dim = dim;
            this.log = log;
        }

        @Override
        protected Tensor forward(Tensor... in) {
            Tensor x = in[0];
            int[] shape = x.shape().toArray();
            return Buffers.make(SoftmaxFamily.forward(Buffers.read(x), Layout.of(shape, dim), log), x.dtype(), shape);
        }

        @Override
        protected Variable[] backward(Variable g) {
            return new Variable[] {backwardNode(g, result(), dim, log)};
        }

        @Override
        public String name() {
            return log ? "LogSoftmaxBackward0" : "SoftmaxBackward0";
        }
    }

    /**
     * The backward as a node of its own, inputs (g, y) with y the forward's result (PyTorch's
     * {@code _log_softmax_backward_data} and {@code _softmax_backward_data}).
     */
    private static final class BackwardNode extends Function {
        private final int dim;
        private final boolean log;

        BackwardNode(int dim, boolean log) {
            this.dim = dim;
            this.log = log;
        }

        @Override
        protected Tensor forward(Tensor... in) {
            Tensor y = in[1];
            int[] shape = y.shape().toArray();
            double[] dx = SoftmaxFamily.backward(Buffers.read(in[0]), Buffers.read(y), Layout.of(shape, dim), log);
            return Buffers.make(dx, y.dtype(), shape);
        }

        @Override
        protected Variable[] backward(Variable gg) {
            Variable g = input(0);
            Variable y = input(1);
            if (log) {
                Variable p = y.exp();
                return new Variable[] {
                    g.requiresGrad() ? gg.minus(gg.times(p).sum(dim, true)) : null,
                    y.requiresGrad() ? g.sum(dim, true).times(p).times(gg).unaryMinus() : null};
            }
            return new Variable[] {
                g.requiresGrad() ? backwardNode(gg, y, dim, false) : null,
                y.requiresGrad()
                        ? g.times(gg).minus(y.times(g).sum(dim, true).times(gg)).minus(g.times(y.times(gg).sum(dim, true)))
                        : null};
        }

        @Override
        public String name() {
            return log ? "LogSoftmaxBackwardDataBackward0" : "SoftmaxBackwardDataBackward0";
        }
    }

    // ------------------------------------------------------------------ explanation

    /**
     * Each step along {@code dim} on the input viewed as rows (max-shift, exp, sum, the result),
     * then the backward seeded with g = 1, 2, …, n.
     */
    static Explanation explain(Variable input, LossOptions o, int dim, boolean log) {
        String op = log ? "log_softmax" : "softmax";
        Checks.rejectUnsupported(op, o, (log ? LossKind.LOG_SOFTMAX : LossKind.SOFTMAX).options());
        Tensor xv = input.value();
        UnaryOperator<Variable> fn = x -> log ? Losses.logSoftmax(x, dim) : Losses.softmax(x, dim);
        Report.Run run = Report.run(fn, xv, SoftmaxFamily::seed);
        int d = Checks.wrapDim(op, dim, xv.dim());

        Report r = new Report();
        r.line(op + " along dim " + dim + (xv.dim() > 1 ? " (each row below is one slice along that dim)" : ""));
        Tensor rowsX = Report.rows(xv, d);
        r.tensor("input x:", rowsX);
        r.line("");
        r.line("Forward, per row:");
        Tensor m = rowsX.max(1, true).values();
        Tensor shifted = rowsX.minus(m);
        Tensor e = shifted.exp();
        Tensor sum = e.sum(1, true);
        r.step("max-shift", "m = max_j x_j", m.reshape(-1));
        r.step("shifted", "x − m", shifted);
        r.step("exp", "exp(x − m)", e);
        r.step("sum", "s = Σ_j exp(x_j − m)", sum.reshape(-1));
        Tensor logp = shifted.minus(sum.log());
        Tensor p = e.div(sum);
        if (log) {
            r.step("log-softmax", "(x − m) − log s", logp);
        } else {
            r.step("softmax", "exp(x − m) / s", p);
        }
        r.tensor("result (fused node):", run.result());
        Tensor g = Report.rows(seed(run.result()), d);
        r.tensor("upstream gradient g (a fixed seed 1, 2, …, n, as rows):", g);
        Tensor closed = log ? g.minus(p.times(g.sum(1, true))) : p.times(g.minus(g.times(p).sum(1, true)));
        return r.backward(log ? "g − softmax · Σ_j g_j" : "y · (g − Σ_j g_j·y_j),  y = softmax",
                "seed g as above", closed, Report.rows(run.grad(), d));
    }

    /** The upstream gradient of the explanations: 1, 2, …, n in the shape and dtype of {@code y}. */
    private static Tensor seed(Tensor y) {
        return Tensor.arange(1, y.numel() + 1).to(y.dtype()).reshape(y.shape().toArray());
    }
}
