package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorGens.normals;
import static io.github.backprop4j.tensor.TensorGens.seeds;
import static io.github.backprop4j.testkit.Gens.between;
import static io.github.backprop4j.testkit.Gens.qt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The float32 fast paths against loops written here: the broadcasts a model makes (a bias row
 * (N, C) + (C), a column (N, C)·(N, 1), a scalar on either side), the functions with their own
 * loops, masked_fill, sums over the batch dim, and products with transposed operands. Rows of 0
 * to 40 columns, so that every tail of a 4-, 8- or 16-lane vector loop occurs. Both surefire
 * executions run these, so they hold for the plain and the SIMD kernels alike.
 */
class Float32FastPathProperties {

    record Rows(int rows, int cols, long seed) {
    }

    private static Gen<Rows> rows() {
        return between(0, 6).zip(between(0, 40), seeds(), Rows::new);
    }

    private static final String[] OPS = {"add", "sub", "mul", "div"};

    private static Tensor apply(String op, Tensor a, Tensor b) {
        return switch (op) {
            case "add" -> a.plus(b);
            case "sub" -> a.minus(b);
            case "mul" -> a.times(b);
            default -> a.div(b);
        };
    }

    /** The float32 operation: computed in float, which is also double rounded once to float. */
    private static DoubleBinaryOperator floatOp(String op) {
        return switch (op) {
            case "add" -> (x, y) -> (float) x + (float) y;
            case "sub" -> (x, y) -> (float) x - (float) y;
            case "mul" -> (x, y) -> (float) x * (float) y;
            default -> (x, y) -> (float) x / (float) y;
        };
    }

    /** out[i][j] = op(a[i·sa_i + j·sa_j], b[i·sb_i + j·sb_j]): broadcasting as index arithmetic. */
    private static double[] naive(double[] a, int ai, int aj, double[] b, int bi, int bj, Rows r, DoubleBinaryOperator f) {
        double[] out = new double[r.rows() * r.cols()];
        for (int i = 0; i < r.rows(); i++) {
            for (int j = 0; j < r.cols(); j++) {
                out[i * r.cols() + j] = (float) f.applyAsDouble(a[i * ai + j * aj], b[i * bi + j * bj]);
            }
        }
        return out;
    }

    @Test
    void rowColumnAndScalarBroadcastsAreExact() {
        qt(81, 200).forAll(rows()).checkAssert(r -> {
            int n = r.rows();
            int c = r.cols();
            Tensor x = normals(r.seed(), DType.FLOAT32, n, c);
            Tensor row = normals(r.seed() + 1, DType.FLOAT32, c);
            Tensor col = normals(r.seed() + 2, DType.FLOAT32, n, 1);
            Tensor s = normals(r.seed() + 3, DType.FLOAT32);
            Tensor y = normals(r.seed() + 4, DType.FLOAT32, n, c);
            double[] xv = x.toDoubleArray();
            double[] yv = y.toDoubleArray();
            double[] rv = row.toDoubleArray();
            double[] cv = col.toDoubleArray();
            double[] sv = {s.item()};
            for (String op : OPS) {
                DoubleBinaryOperator f = floatOp(op);
                assertArrayEquals(naive(xv, c, 1, yv, c, 1, r, f), apply(op, x, y).toDoubleArray(), op + " same shape");
                assertArrayEquals(naive(xv, c, 1, rv, 0, 1, r, f), apply(op, x, row).toDoubleArray(), op + " bias row");
                assertArrayEquals(naive(rv, 0, 1, xv, c, 1, r, f), apply(op, row, x).toDoubleArray(), op + " row left");
                assertArrayEquals(naive(xv, c, 1, cv, 1, 0, r, f), apply(op, x, col).toDoubleArray(), op + " column");
                assertArrayEquals(naive(cv, 1, 0, xv, c, 1, r, f), apply(op, col, x).toDoubleArray(), op + " column left");
                assertArrayEquals(naive(xv, c, 1, sv, 0, 0, r, f), apply(op, x, s).toDoubleArray(), op + " scalar");
                assertArrayEquals(naive(sv, 0, 0, xv, c, 1, r, f), apply(op, s, x).toDoubleArray(), op + " scalar left");
                // a transposed operand: neither stride is 1 along the rows of the result
                Tensor xt = x.t().contiguous().t();
                assertArrayEquals(naive(xv, c, 1, yv, c, 1, r, f), apply(op, xt, y).toDoubleArray(), op + " transposed");
            }
        });
    }

    @Test
    void functionsWithTheirOwnLoopsMatchTheFormulas() {
        qt(82, 200).forAll(rows()).checkAssert(r -> {
            Tensor x = normals(r.seed(), DType.FLOAT32, r.rows(), r.cols()).times(4);
            double[] v = x.toDoubleArray();
            double[] neg = new double[v.length];
            double[] abs = new double[v.length];
            double[] relu = new double[v.length];
            double[] square = new double[v.length];
            double[] sqrt = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                neg[i] = -v[i];
                abs[i] = Math.abs(v[i]);
                relu[i] = v[i] > 0 ? v[i] : 0;
                square[i] = (float) (v[i] * v[i]);
                sqrt[i] = (float) Math.sqrt(v[i]);
            }
            assertArrayEquals(neg, x.neg().toDoubleArray());
            assertArrayEquals(abs, x.abs().toDoubleArray());
            assertArrayEquals(relu, x.relu().toDoubleArray());
            assertArrayEquals(square, x.square().toDoubleArray());
            assertArrayEquals(sqrt, x.sqrt().toDoubleArray());
            double[] exp = x.exp().toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                float want = (float) Math.exp(v[i]);
                assertEquals(want, exp[i], Math.ulp(want), "exp(" + v[i] + ")"); // SIMD: within 1 ulp
            }
        });
    }

    @Test
    void maskedFillOfAComparisonIsReluBackward() {
        qt(83, 200).forAll(rows()).checkAssert(r -> {
            Tensor x = normals(r.seed(), DType.FLOAT32, r.rows(), r.cols());
            Tensor g = normals(r.seed() + 1, DType.FLOAT32, r.rows(), r.cols());
            Tensor mask = x.le(0);
            assertEquals(DType.INT64, mask.dtype());
            Tensor filled = g.maskedFill(mask, 0);
            double[] xv = x.toDoubleArray();
            double[] gv = g.toDoubleArray();
            long[] mv = mask.toLongArray();
            double[] want = new double[xv.length];
            for (int i = 0; i < xv.length; i++) {
                assertEquals(xv[i] <= 0 ? 1 : 0, mv[i]);
                want[i] = xv[i] <= 0 ? 0 : gv[i];
            }
            assertEquals(DType.FLOAT32, filled.dtype());
            assertArrayEquals(want, filled.toDoubleArray());
        });
    }

    @Test
    void sumsOverTheBatchAddEachColumnInRowOrder() {
        qt(84, 200).forAll(rows()).checkAssert(r -> {
            for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                Tensor x = normals(r.seed(), dtype, r.rows(), 2, r.cols());
                double[] v = x.toDoubleArray();
                int cols = 2 * r.cols();
                double[] sums = new double[cols];
                for (int i = 0; i < r.rows(); i++) {
                    for (int j = 0; j < cols; j++) {
                        sums[j] += v[i * cols + j];
                    }
                }
                double[] want = new double[cols];
                double[] mean = new double[cols];
                for (int j = 0; j < cols; j++) {
                    want[j] = dtype == DType.FLOAT32 ? (float) sums[j] : sums[j];
                    mean[j] = dtype == DType.FLOAT32 ? (float) (sums[j] / r.rows()) : sums[j] / r.rows();
                }
                Tensor s = x.sum(0, false);
                assertArrayEquals(new int[] {2, r.cols()}, s.shape().toArray());
                assertArrayEquals(want, s.toDoubleArray(), dtype + " sum(0)");
                assertArrayEquals(want, x.sumTo(1, 2, r.cols()).toDoubleArray(), dtype + " sumTo");
                assertArrayEquals(new int[] {1, 2, r.cols()}, x.sum(0, true).shape().toArray());
                assertArrayEquals(mean, x.mean(0, false).toDoubleArray(), dtype + " mean(0)");
            }
        });
    }

    record Product(int m, int k, int n, long seed) {
    }

    @Test
    void transposedOperandsAreReadInPlaceAndGiveTheSameProduct() {
        Gen<Product> products = between(0, 20).zip(between(0, 20), between(0, 40), seeds(), Product::new);
        qt(85, 200).forAll(products).checkAssert(p -> {
            Tensor a = normals(p.seed(), DType.FLOAT32, p.m(), p.k());
            Tensor b = normals(p.seed() + 1, DType.FLOAT32, p.k(), p.n());
            Tensor at = a.t().contiguous().t(); // same values, column-major strides
            Tensor bt = b.t().contiguous().t();
            Tensor c = a.matmul(b);
            // each entry is the same float sum over k whatever the layout (B is packed or read in place)
            assertEquals(c, at.matmul(b), "Aᵀ stored");
            assertEquals(c, a.matmul(bt), "Bᵀ stored (x·Wᵀ)");
            assertEquals(c, at.matmul(bt), "both");
            double[] x = a.toDoubleArray();
            double[] y = b.toDoubleArray();
            double[] got = c.toDoubleArray();
            for (int i = 0; i < p.m(); i++) {
                for (int j = 0; j < p.n(); j++) {
                    double exact = 0;
                    double scale = 0;
                    for (int q = 0; q < p.k(); q++) {
                        exact += x[i * p.k() + q] * y[q * p.n() + j];
                        scale += Math.abs(x[i * p.k() + q] * y[q * p.n() + j]);
                    }
                    assertTrue(Math.abs(exact - got[i * p.n() + j]) <= 6e-8 * (p.k() + 1) * scale + 1e-30,
                            "C[" + i + "][" + j + "] " + got[i * p.n() + j] + " vs " + exact);
                }
            }
        });
    }
}
