package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;

/**
 * The reduction step every loss ends with, its derivative, and the adjoint of that derivative —
 * written once here.
 *
 * <p>A loss kernel works on <em>elements</em> (shape {@code elemShape}) grouped into
 * <em>rows</em>: the elements along {@code classDim} (or single elements when {@code classDim}
 * is −1). Each row yields one value, (Σ of its element terms) / {@code rowDivisor}; those values
 * have shape {@code rowShape}, the shape of a {@link Reduction#NONE} result. Then
 *
 * <pre>
 *   none → rows          sum → Σ rows          mean → Σ rows / denominator
 * </pre>
 *
 * The denominator is the loss's own: the number of rows (BCE, multi-label soft margin,
 * cross-entropy with probabilities) or Σ w[t] over non-ignored targets (NLL, cross-entropy with
 * indices). For an upstream gradient g of the result, the derivative with respect to each element
 * of row r is {@code scale_r / rowDivisor} with scale_r = g_r (none), g (sum) or g / denominator
 * (mean): {@link #scales} gives those numbers to kernels, {@link #scaleVar} as a differentiable
 * variable, and {@link #reduceVar} is the adjoint map (element-shaped h ↦ output-shaped), which is
 * what a backward op needs for the gradient with respect to g.
 */
public final class Reducer {
    private final Reduction reduction;
    private final int[] elemShape;
    private final int classDim;
    private final int[] rowShape;
    private final double denominator;
    private final double rowDivisor;

    public Reducer(Reduction reduction, int[] elemShape, int classDim, int[] rowShape, double denominator,
                   double rowDivisor) {
        this.reduction = reduction;
        this.elemShape = elemShape.clone();
        this.classDim = classDim;
        this.rowShape = rowShape.clone();
        this.denominator = denominator;
        this.rowDivisor = rowDivisor;
    }

    /** A reducer for an elementwise loss: every element is its own row. */
    public static Reducer elementwise(Reduction reduction, int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return new Reducer(reduction, shape, -1, shape, n, 1);
    }

    /** A reducer whose rows run along {@code layout}'s class dim. */
    public static Reducer rows(Reduction reduction, Layout layout, double denominator, double rowDivisor) {
        return new Reducer(reduction, layout.shape(), layout.classDim(), layout.rowShape(), denominator, rowDivisor);
    }

    public Reduction reduction() {
        return reduction;
    }

    /** The mean's denominator. */
    public double denominator() {
        return denominator;
    }

    /** The shape of the result: {@code rowShape} for none, else 0-d. */
    public int[] outputShape() {
        return reduction == Reduction.NONE ? rowShape.clone() : new int[0];
    }

    /** The reduced result of the row values {@code rows}, as a tensor of {@code dtype}. */
    public Tensor reduce(double[] rows, DType dtype) {
        if (reduction == Reduction.NONE) {
            return Buffers.make(rows, dtype, rowShape);
        }
        double sum = 0;
        for (double v : rows) {
            sum += v;
        }
        return Buffers.scalar(reduction == Reduction.SUM ? sum : sum / denominator, dtype);
    }

    /**
     * For upstream gradient {@code g} (shaped like the result): per row, the derivative of
     * ⟨g, result⟩ with respect to each element term of that row.
     */
    public double[] scales(Tensor g, int rows) {
        double[] s;
        if (reduction == Reduction.NONE) {
            s = Buffers.read(g).clone();
        } else {
            double v = g.item();
            if (reduction == Reduction.MEAN) {
                v /= denominator;
            }
            s = new double[rows];
            java.util.Arrays.fill(s, v);
        }
        if (rowDivisor != 1) {
            for (int i = 0; i < s.length; i++) {
                s[i] /= rowDivisor;
            }
        }
        return s;
    }

    /** {@link #scales} spread over the elements: every element of a row gets that row's scale. */
    public double[] elementScales(Tensor g) {
        if (classDim < 0) {
            int n = 1;
            for (int d : elemShape) {
                n *= d;
            }
            return scales(g, n);
        }
        Layout layout = Layout.of(elemShape, classDim);
        double[] rowScales = scales(g, layout.rows());
        double[] out = new double[layout.numel()];
        for (int r = 0; r < rowScales.length; r++) {
            for (int c = 0, k = layout.base(r); c < layout.classes(); c++, k += layout.inner()) {
                out[k] = rowScales[r];
            }
        }
        return out;
    }

    /** {@link #scales} as a differentiable variable that broadcasts against the elements. */
    public Variable scaleVar(Variable g) {
        Variable s = g;
        if (reduction == Reduction.NONE) {
            if (classDim >= 0) {
                int[] keep = elemShape.clone();
                keep[classDim] = 1;
                s = g.reshape(keep);
            }
        } else if (reduction == Reduction.MEAN) {
            s = g.div(denominator);
        }
        return rowDivisor == 1 ? s : s.div(rowDivisor);
    }

    /**
     * The adjoint of {@link #scaleVar}: element-shaped {@code h} ↦ result-shaped
     * Σ_elements-of-each-row h / rowDivisor, then reduced. The gradient with respect to g of
     * ⟨h, scaleVar(g)⟩.
     */
    public Variable reduceVar(Variable h) {
        Variable r = classDim >= 0 ? h.sum(classDim, false).reshape(rowShape) : h;
        if (rowDivisor != 1) {
            r = r.div(rowDivisor);
        }
        return switch (reduction) {
            case NONE -> r;
            case SUM -> r.sum();
            case MEAN -> r.sum().div(denominator);
        };
    }
}
