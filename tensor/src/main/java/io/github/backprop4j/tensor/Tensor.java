package io.github.backprop4j.tensor;

import io.github.backprop4j.tensor.internal.BinaryOp;
import io.github.backprop4j.tensor.internal.DoubleStorage;
import io.github.backprop4j.tensor.internal.Elementwise;
import io.github.backprop4j.tensor.internal.FloatStorage;
import io.github.backprop4j.tensor.internal.Indexing;
import io.github.backprop4j.tensor.internal.LongStorage;
import io.github.backprop4j.tensor.internal.Products;
import io.github.backprop4j.tensor.internal.Reductions;
import io.github.backprop4j.tensor.internal.Storage;
import io.github.backprop4j.tensor.internal.TensorAccess;
import io.github.backprop4j.tensor.internal.TensorFormat;
import io.github.backprop4j.tensor.internal.UnaryOp;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable, strided n-dimensional array of float32, float64 or int64 values, in the spirit of
 * {@code torch.Tensor} without gradients.
 *
 * <p>A tensor is a view: a flat storage, an offset into it, a shape and a stride per
 * dimension. Views ({@link #reshape}, {@link #transpose}, {@link #permute}, {@link #expand},
 * {@link #narrow}, {@link #select}, ...) share storage; every other operation returns a fresh
 * contiguous tensor. Nothing here mutates a tensor after it is made.
 *
 * <p>Binary operations broadcast as NumPy does and promote dtypes as PyTorch does (any float
 * wins over int64, float64 over float32). Floating-point arithmetic is evaluated in double
 * precision and rounded to float32 where the result is float32. The SIMD kernels
 * ({@link Vectorization}) give the same float32 results, except e^x (within 1 ulp) and matrix
 * products (fused multiply-adds: within float rounding of the plain kernel's).
 *
 * <p>Method names follow Kotlin's operator conventions ({@code plus}, {@code minus},
 * {@code times}, {@code div}, {@code unaryMinus}, {@code get}), so Kotlin writes
 * {@code a + b * c} and {@code x[0, 1]}.
 */
public final class Tensor {
    private final Storage storage;
    private final int offset;
    private final int[] shape;
    private final int[] strides;

    private Tensor(Storage storage, int offset, int[] shape, int[] strides) {
        this.storage = storage;
        this.offset = offset;
        this.shape = shape;
        this.strides = strides;
    }

    // ------------------------------------------------------------------ low level (for kernels)

    static {
        // The kernels in tensor.internal reach the storage through TensorAccess; nothing public
        // here hands it out (other modules use RawKernels).
        TensorAccess.install(new TensorAccess.Access() {
            @Override
            public Storage storage(Tensor t) {
                return t.storage;
            }

            @Override
            public Tensor wrap(Storage storage, int... shape) {
                return Tensor.wrap(storage, shape);
            }
        });
    }

    /** A contiguous tensor over {@code storage}, which the caller hands over. */
    private static Tensor wrap(Storage storage, int... shape) {
        if (Shape.numel(shape) != storage.length()) {
            throw new IllegalArgumentException("wrap: storage of " + storage.length()
                    + " elements does not fit shape " + Arrays.toString(shape));
        }
        return new Tensor(storage, 0, shape.clone(), contiguousStrides(shape));
    }

    /**
     * The position of element [0, 0, ...] in the storage this tensor views (see {@link RawKernels}).
     *
     * @return an index into the storage array; 0 for a freshly made tensor, other values for views
     *     such as {@link #narrow} or {@link #select}
     */
    public int offset() {
        return offset;
    }

    /**
     * The strides: how far apart, in the storage, neighbours along each dimension are. Element
     * {@code [i0, i1, ...]} is at {@code offset() + Σ_d i_d·strides()[d]}.
     *
     * @return a copy of the strides, counted in elements (not bytes); 0 along an expanded dimension
     */
    public int[] strides() {
        return strides.clone();
    }

    private static int[] contiguousStrides(int[] shape) {
        int[] s = new int[shape.length];
        int step = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = step;
            step *= Math.max(shape[i], 1);
        }
        return s;
    }

    // ------------------------------------------------------------------ creation

    /**
     * A 1-D float32 tensor, as {@code torch.tensor([...], dtype=torch.float32)}.
     *
     * @param values the elements (copied)
     * @return a tensor of shape {@code [values.length]}
     */
    public static Tensor of(float... values) {
        return wrap(new FloatStorage(values.clone()), values.length);
    }

    /**
     * A 1-D float64 tensor, as {@code torch.tensor([...], dtype=torch.float64)}.
     *
     * @param values the elements (copied)
     * @return a tensor of shape {@code [values.length]}
     */
    public static Tensor of(double... values) {
        return wrap(new DoubleStorage(values.clone()), values.length);
    }

    /**
     * A 1-D int64 tensor; {@code Tensor.of(1, 2, 3)} lands here, as {@code torch.tensor([1, 2, 3])} is int64.
     *
     * @param values the elements (copied)
     * @return a tensor of shape {@code [values.length]}
     */
    public static Tensor of(long... values) {
        return wrap(new LongStorage(values.clone()), values.length);
    }

    /**
     * A 2-D float32 tensor from rows of equal length.
     *
     * @param rows the rows, outermost index first (copied)
     * @return a tensor of shape {@code [rows.length, rows[0].length]}
     * @throws IllegalArgumentException if the rows differ in length or there are no rows
     */
    public static Tensor of(float[][] rows) {
        return fromArray(rows);
    }

    /**
     * A 2-D float64 tensor from rows of equal length.
     *
     * @param rows the rows, outermost index first (copied)
     * @return a tensor of shape {@code [rows.length, rows[0].length]}
     * @throws IllegalArgumentException if the rows differ in length or there are no rows
     */
    public static Tensor of(double[][] rows) {
        return fromArray(rows);
    }

    /**
     * A 2-D int64 tensor from rows of equal length.
     *
     * @param rows the rows, outermost index first (copied)
     * @return a tensor of shape {@code [rows.length, rows[0].length]}
     * @throws IllegalArgumentException if the rows differ in length or there are no rows
     */
    public static Tensor of(long[][] rows) {
        return fromArray(rows);
    }

    /**
     * A 3-D float32 tensor from a rectangular nested array.
     *
     * @param values the elements, {@code values[i][j][k]} becoming element [i, j, k] (copied)
     * @return a tensor of shape {@code [values.length, values[0].length, values[0][0].length]}
     * @throws IllegalArgumentException if the array is ragged or an outer level is empty
     */
    public static Tensor of(float[][][] values) {
        return fromArray(values);
    }

    /**
     * A 3-D float64 tensor from a rectangular nested array.
     *
     * @param values the elements, {@code values[i][j][k]} becoming element [i, j, k] (copied)
     * @return a tensor of shape {@code [values.length, values[0].length, values[0][0].length]}
     * @throws IllegalArgumentException if the array is ragged or an outer level is empty
     */
    public static Tensor of(double[][][] values) {
        return fromArray(values);
    }

    /**
     * A tensor from a nested Java array of any depth; the shape is inferred and must be
     * rectangular. {@code float} arrays give FLOAT32, {@code double} FLOAT64, {@code long} and
     * {@code int} INT64.
     *
     * @param nested e.g. a {@code float[][]} or a {@code long[][][]} (copied)
     * @return a tensor whose rank is the array's depth
     * @throws IllegalArgumentException if {@code nested} is not an array, is ragged, is empty at
     *     some level (its shape cannot be inferred), or holds another element type
     */
    public static Tensor fromArray(Object nested) {
        return Indexing.fromNestedArray(nested);
    }

    /**
     * A tensor of {@code dtype} and {@code shape} holding {@code data} in row-major order (the last
     * index varies fastest). Values are rounded to float32, or truncated toward zero for int64.
     *
     * @param dtype the element type
     * @param data the elements, row-major (copied)
     * @param shape the sizes; their product must be {@code data.length}
     * @return a contiguous tensor
     * @throws IllegalArgumentException if a size is negative or the sizes do not fit {@code data}
     */
    public static Tensor fromFlat(DType dtype, double[] data, int... shape) {
        checkFlat(data.length, shape);
        Storage s = Storage.allocate(dtype, data.length);
        for (int i = 0; i < data.length; i++) {
            s.set(i, data[i]);
        }
        return wrap(s, shape);
    }

    /**
     * A float32 tensor of {@code shape} holding {@code data} in row-major order (the last index
     * varies fastest).
     *
     * @param data the elements, row-major (copied: the tensor shares nothing with the caller)
     * @param shape the sizes; their product must be {@code data.length}
     * @return a contiguous float32 tensor
     * @throws IllegalArgumentException if a size is negative or the sizes do not fit {@code data}
     */
    public static Tensor fromFlat(float[] data, int... shape) {
        checkFlat(data.length, shape);
        return wrap(new FloatStorage(data.clone()), shape);
    }

    /**
     * An int64 tensor of {@code shape} holding {@code data} in row-major order (the last index
     * varies fastest).
     *
     * @param data the elements, row-major (copied)
     * @param shape the sizes; their product must be {@code data.length}
     * @return a contiguous int64 tensor
     * @throws IllegalArgumentException if a size is negative or the sizes do not fit {@code data}
     */
    public static Tensor fromFlat(long[] data, int... shape) {
        checkFlat(data.length, shape);
        return wrap(new LongStorage(data.clone()), shape);
    }

    private static void checkFlat(int length, int[] shape) {
        checkShape("fromFlat", shape);
        if (Shape.numel(shape) != length) {
            throw new IllegalArgumentException("fromFlat: " + length + " values do not fit shape "
                    + Arrays.toString(shape));
        }
    }

    /**
     * A 0-d float32 scalar, as {@code torch.tensor(value)} for a Python float.
     *
     * @param value the value, rounded to float32
     * @return a tensor of shape {@code []}
     */
    public static Tensor scalar(double value) {
        return scalar(value, DType.FLOAT32);
    }

    /**
     * A 0-d scalar of {@code dtype}.
     *
     * @param value the value, rounded to float32 or truncated toward zero for int64
     * @param dtype the element type
     * @return a tensor of shape {@code []}
     */
    public static Tensor scalar(double value, DType dtype) {
        return full(dtype, value);
    }

    /**
     * float32 zeros, as {@code torch.zeros(shape)}.
     *
     * @param shape the sizes; none gives a 0-d scalar
     * @return a new tensor of zeros
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor zeros(int... shape) {
        return zeros(DType.FLOAT32, shape);
    }

    /**
     * Zeros of {@code dtype}, as {@code torch.zeros(shape, dtype=dtype)}.
     *
     * @param dtype the element type
     * @param shape the sizes; none gives a 0-d scalar
     * @return a new tensor of zeros
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor zeros(DType dtype, int... shape) {
        checkShape("zeros", shape);
        return wrap(Storage.allocate(dtype, Shape.numel(shape)), shape);
    }

    /**
     * float32 ones, as {@code torch.ones(shape)}.
     *
     * @param shape the sizes; none gives a 0-d scalar
     * @return a new tensor of ones
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor ones(int... shape) {
        return full(DType.FLOAT32, 1, shape);
    }

    /**
     * Ones of {@code dtype}, as {@code torch.ones(shape, dtype=dtype)}.
     *
     * @param dtype the element type
     * @param shape the sizes; none gives a 0-d scalar
     * @return a new tensor of ones
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    /**
     * A float32 tensor filled with {@code value}, as {@code torch.full(shape, value)}.
     *
     * @param value the fill value, rounded to float32
     * @param shape the sizes; none gives a 0-d scalar
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor full(double value, int... shape) {
        return full(DType.FLOAT32, value, shape);
    }

    /**
     * A tensor of {@code dtype} filled with {@code value}, as {@code torch.full(shape, value, dtype=dtype)}.
     *
     * @param dtype the element type
     * @param value the fill value, rounded to float32 or truncated toward zero for int64
     * @param shape the sizes; none gives a 0-d scalar
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor full(DType dtype, double value, int... shape) {
        checkShape("full", shape);
        Storage s = Storage.allocate(dtype, Shape.numel(shape));
        for (int i = 0; i < s.length(); i++) {
            s.set(i, value);
        }
        return wrap(s, shape);
    }

    /**
     * Zeros with this tensor's shape and dtype, as {@code torch.zeros_like}.
     *
     * @return a new contiguous tensor of zeros
     */
    public Tensor zerosLike() {
        return zeros(dtype(), shape);
    }

    /**
     * Ones with this tensor's shape and dtype, as {@code torch.ones_like}.
     *
     * @return a new contiguous tensor of ones
     */
    public Tensor onesLike() {
        return ones(dtype(), shape);
    }

    /**
     * {@code value} everywhere, with this tensor's shape and dtype, as {@code torch.full_like}.
     *
     * @param value the fill value, converted to this tensor's dtype
     * @return a new contiguous tensor
     */
    public Tensor fullLike(double value) {
        return full(dtype(), value, shape);
    }

    /**
     * int64 {@code [0, 1, ..., end-1]}, as {@code torch.arange(end)}.
     *
     * @param end the exclusive upper bound; 0 or less gives an empty tensor
     * @return a 1-D int64 tensor of {@code max(0, end)} elements
     * @throws IllegalArgumentException if that is more than 2<sup>31</sup>−1 elements
     */
    public static Tensor arange(long end) {
        return arange(0, end);
    }

    /**
     * int64 {@code [start, start+1, ..., end-1]}, as {@code torch.arange(start, end)}.
     *
     * @param start the first value
     * @param end the exclusive upper bound; {@code end <= start} gives an empty tensor
     * @return a 1-D int64 tensor of {@code max(0, end − start)} elements
     * @throws IllegalArgumentException if that is more than 2<sup>31</sup>−1 elements
     */
    public static Tensor arange(long start, long end) {
        long count = Math.max(0, end - start);
        if (count > Integer.MAX_VALUE || end - start < 0 && end > start) {
            throw new IllegalArgumentException("arange: [" + start + ", " + end + ") has more than 2^31-1 elements");
        }
        int n = (int) count;
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i;
        }
        return of(v);
    }

    /**
     * float32 {@code start, start+step, ...} strictly before {@code end}: ⌈(end − start) / step⌉
     * values, element i being {@code start + i·step} (computed in double, then rounded), as
     * {@code torch.arange(start, end, step)}.
     *
     * @param start the first value
     * @param end the exclusive bound, above {@code start} for a positive step, below for a negative one
     * @param step the spacing, nonzero; may be negative
     * @return a 1-D float32 tensor
     * @throws IllegalArgumentException if {@code step} is 0 or NaN, or its sign points away from
     *     {@code end}
     */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be nonzero");
        }
        double count = Math.ceil((end - start) / step);
        if (!(count >= 0) || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(String.format(
                    "arange: upper bound and larger bound inconsistent with step sign (start %s, end %s, step %s)",
                    start, end, step));
        }
        double[] v = new double[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = start + i * step;
        }
        return fromFlat(DType.FLOAT32, v, v.length);
    }

    /**
     * float32: {@code steps} evenly spaced values from {@code start} to {@code end} inclusive.
     * As PyTorch's CPU kernel, in float arithmetic: step = (end − start) / (steps − 1); the first
     * half is start + i·step, the second half end − (steps − 1 − i)·step, so both ends are exact,
     * each a fused multiply-add. (PyTorch's SIMD path can differ in the last bit for long ranges.)
     *
     * @param start the first value
     * @param end the last value (when {@code steps > 1})
     * @param steps the number of values; 0 gives an empty tensor, 1 gives {@code [start]}
     * @return a 1-D float32 tensor of {@code steps} elements
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    public static Tensor linspace(double start, double end, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("linspace: number of steps must be non-negative, got " + steps);
        }
        float first = (float) start;
        float last = (float) end;
        float step = steps > 1 ? (last - first) / (steps - 1) : 0f;
        int half = steps / 2;
        float[] v = new float[steps];
        for (int i = 0; i < steps; i++) {
            // a single step is `start`, as torch.linspace(a, b, 1) = [a]
            v[i] = i < half || steps == 1
                    ? Math.fma(step, (float) i, first)
                    : Math.fma(-step, (float) (steps - 1 - i), last);
        }
        return fromFlat(v, steps);
    }

    /**
     * The float32 n×n identity, as {@code torch.eye(n)}: 1 on the diagonal, 0 elsewhere.
     *
     * @param n the number of rows and columns
     * @return a new n×n float32 tensor
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static Tensor eye(int n) {
        return eye(DType.FLOAT32, n);
    }

    /**
     * The n×n identity of {@code dtype}, as {@code torch.eye(n, dtype=dtype)}.
     *
     * @param dtype the element type
     * @param n the number of rows and columns
     * @return a new n×n tensor with 1 on the diagonal and 0 elsewhere
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static Tensor eye(DType dtype, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("eye: n must be greater or equal to 0, got " + n);
        }
        Tensor t = zeros(dtype, n, n);
        for (int i = 0; i < n; i++) {
            t.storage.set(i * n + i, 1);
        }
        return t;
    }

    /**
     * Uniform in [0, 1), float32, drawn in row-major order from {@link Generator#defaultGenerator()}
     * (PyTorch's {@code torch.rand}; the values themselves differ from PyTorch's).
     *
     * @param shape the sizes
     * @return a new float32 tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor rand(int... shape) {
        return rand(Generator.defaultGenerator(), shape);
    }

    /**
     * Standard normal N(0, 1), float32, drawn in row-major order from
     * {@link Generator#defaultGenerator()} (PyTorch's {@code torch.randn}).
     *
     * @param shape the sizes
     * @return a new float32 tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor randn(int... shape) {
        return randn(Generator.defaultGenerator(), shape);
    }

    /**
     * Uniform integers in [low, high), int64, drawn in row-major order from
     * {@link Generator#defaultGenerator()} (PyTorch's {@code torch.randint(low, high, shape)}).
     *
     * @param low the inclusive lower bound
     * @param high the exclusive upper bound
     * @param shape the sizes
     * @return a new int64 tensor
     * @throws IllegalArgumentException if {@code low >= high} or a size is negative
     */
    public static Tensor randint(long low, long high, int... shape) {
        return randint(Generator.defaultGenerator(), low, high, shape);
    }

    /**
     * float32, uniform in [0, 1), drawn in row-major order from {@code gen}
     * ({@code torch.rand(shape, generator=gen)}).
     *
     * @param gen the source of randomness; the same seed gives the same tensor
     * @param shape the sizes
     * @return a new float32 tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor rand(Generator gen, int... shape) {
        return rand(gen, DType.FLOAT32, shape);
    }

    /**
     * Uniform in [0, 1), of a floating {@code dtype}, drawn in row-major order from {@code gen}.
     * Each value is drawn as a double and rounded to the dtype.
     *
     * @param gen the source of randomness
     * @param dtype FLOAT32 or FLOAT64
     * @param shape the sizes
     * @return a new tensor
     * @throws IllegalArgumentException if {@code dtype} is INT64 or a size is negative
     */
    public static Tensor rand(Generator gen, DType dtype, int... shape) {
        requireFloatDType("rand", dtype);
        Tensor t = zeros(dtype, shape);
        for (int i = 0; i < t.storage.length(); i++) {
            t.storage.set(i, gen.nextDouble());
        }
        return t;
    }

    /**
     * float32, standard normal N(0, 1), drawn in row-major order from {@code gen}
     * ({@code torch.randn(shape, generator=gen)}).
     *
     * @param gen the source of randomness; the same seed gives the same tensor
     * @param shape the sizes
     * @return a new float32 tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor randn(Generator gen, int... shape) {
        return randn(gen, DType.FLOAT32, shape);
    }

    /**
     * Standard normal N(0, 1), of a floating {@code dtype}, drawn in row-major order from
     * {@code gen} by {@link Generator#nextGaussian()}.
     *
     * @param gen the source of randomness
     * @param dtype FLOAT32 or FLOAT64
     * @param shape the sizes
     * @return a new tensor
     * @throws IllegalArgumentException if {@code dtype} is INT64 or a size is negative
     */
    public static Tensor randn(Generator gen, DType dtype, int... shape) {
        requireFloatDType("randn", dtype);
        Tensor t = zeros(dtype, shape);
        for (int i = 0; i < t.storage.length(); i++) {
            t.storage.set(i, gen.nextGaussian());
        }
        return t;
    }

    /**
     * int64, uniform integers in [low, high), drawn in row-major order from {@code gen}
     * ({@code torch.randint(low, high, shape, generator=gen)}).
     *
     * @param gen the source of randomness
     * @param low the inclusive lower bound
     * @param high the exclusive upper bound
     * @param shape the sizes
     * @return a new int64 tensor
     * @throws IllegalArgumentException if {@code low >= high} or a size is negative
     */
    public static Tensor randint(Generator gen, long low, long high, int... shape) {
        if (low >= high) {
            throw new IllegalArgumentException("randint: low (" + low + ") must be less than high (" + high + ")");
        }
        Tensor t = zeros(DType.INT64, shape);
        for (int i = 0; i < t.storage.length(); i++) {
            t.storage.setLong(i, gen.nextLong(low, high));
        }
        return t;
    }

    private static void requireFloatDType(String op, DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating point dtype, got " + dtype.shortName());
        }
    }

    private static void checkShape(String op, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + Arrays.toString(shape));
            }
        }
    }

    // ------------------------------------------------------------------ basic facts

    /**
     * The element type, as {@code tensor.dtype}.
     *
     * @return FLOAT32, FLOAT64 or INT64
     */
    public DType dtype() {
        return storage.dtype();
    }

    /**
     * The sizes of the dimensions, as {@code tensor.shape}.
     *
     * @return the shape; {@code []} for a 0-d scalar
     */
    public Shape shape() {
        return Shape.of(shape);
    }

    /**
     * The size of one dimension, as {@code tensor.size(dim)}.
     *
     * @param dim the dimension, in [-dim(), dim()); negative dims count from the end
     * @return the size of that dimension
     * @throws IndexOutOfBoundsException if the tensor is 0-d or {@code dim} is out of range
     */
    public int size(int dim) {
        if (shape.length == 0) {
            throw new IndexOutOfBoundsException(
                    "size: dimension specified as " + dim + " but tensor has no dimensions");
        }
        return shape[normDim(dim, "size")];
    }

    /**
     * The number of dimensions, as {@code tensor.dim()}.
     *
     * @return 0 for a scalar, 1 for a vector, 2 for a matrix, and so on
     */
    public int dim() {
        return shape.length;
    }

    /**
     * The number of elements, as {@code tensor.numel()}.
     *
     * @return the product of the sizes: 1 for a 0-d scalar, 0 if any size is 0
     */
    public int numel() {
        return Shape.numel(shape);
    }

    /**
     * Whether the elements lie in row-major order without gaps, as {@code tensor.is_contiguous()}:
     * each stride is the product of the sizes after it (dimensions of size 1 may have any stride).
     *
     * @return true for fresh tensors and for views that keep that layout
     */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /**
     * The value of a one-element tensor, as {@code tensor.item()}.
     *
     * @return the only element, as a double (exact for float32 and float64, and for int64 up to 2<sup>53</sup>)
     * @throws IllegalStateException if the tensor has more or fewer than one element
     */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item: a Tensor with " + numel()
                    + " elements cannot be converted to Scalar");
        }
        return storage.get(offset);
    }

    /**
     * One element, as a double.
     *
     * @param index one index per dimension; negative indices count from the end
     * @return the element at {@code index}
     * @throws IllegalArgumentException if the number of indices is not {@link #dim()}
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double getDouble(int... index) {
        return storage.get(offsetOf(index));
    }

    /**
     * One element, as a long (exact for int64; floats truncated toward zero).
     *
     * @param index one index per dimension; negative indices count from the end
     * @return the element at {@code index}
     * @throws IllegalArgumentException if the number of indices is not {@link #dim()}
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public long getLong(int... index) {
        return storage.getLong(offsetOf(index));
    }

    private int offsetOf(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index: expected " + shape.length + " indices for shape "
                    + shape() + ", got " + index.length);
        }
        int o = offset;
        for (int d = 0; d < index.length; d++) {
            int i = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException(String.format(
                        "index %d is out of bounds for dimension %d with size %d", index[d], d, shape[d]));
            }
            o += i * strides[d];
        }
        return o;
    }

    /**
     * All elements in row-major order, as doubles.
     *
     * @return a new array of {@link #numel()} values
     */
    public double[] toDoubleArray() {
        return ((DoubleStorage) Elementwise.copy(this, DType.FLOAT64).storage).data();
    }

    /**
     * All elements in row-major order, as floats (float64 values rounded to nearest).
     *
     * @return a new array of {@link #numel()} values
     */
    public float[] toFloatArray() {
        return ((FloatStorage) Elementwise.copy(this, DType.FLOAT32).storage).data();
    }

    /**
     * All elements in row-major order, as longs (floats truncated toward zero).
     *
     * @return a new array of {@link #numel()} values
     */
    public long[] toLongArray() {
        return ((LongStorage) Elementwise.copy(this, DType.INT64).storage).data();
    }

    /**
     * This tensor converted to {@code dtype}, as {@code tensor.to(dtype)}: floats are rounded to
     * float32, or truncated toward zero for int64.
     *
     * @param dtype the target element type
     * @return this tensor itself when already of that dtype, else a new contiguous tensor
     */
    public Tensor to(DType dtype) {
        return dtype == dtype() ? this : Elementwise.copy(this, dtype);
    }

    /**
     * A contiguous tensor with the same values, as {@code tensor.contiguous()}.
     *
     * @return this tensor itself when already contiguous, else a row-major copy
     */
    public Tensor contiguous() {
        return isContiguous() ? this : Elementwise.copy(this, dtype());
    }

    // ------------------------------------------------------------------ views

    /**
     * The same elements in a new shape; one size may be -1 and is inferred. A view when the
     * strides allow it, otherwise a copy (as {@code torch.reshape}).
     *
     * @param newShape the sizes, whose product must be {@link #numel()}; at most one may be -1
     * @return a tensor of {@code newShape} with the same elements in row-major order
     * @throws IllegalArgumentException if the sizes do not fit the number of elements, more than
     *     one is -1, or one is negative otherwise
     */
    public Tensor reshape(int... newShape) {
        int[] target = inferShape("reshape", newShape);
        Tensor viewed = tryView(target);
        return viewed != null ? viewed : Elementwise.copy(this, dtype()).tryView(target);
    }

    /**
     * Like {@link #reshape} but never copies: fails when the strides do not allow a view, as
     * {@code torch.Tensor.view}.
     *
     * @param newShape the sizes, whose product must be {@link #numel()}; at most one may be -1
     * @return a view of this tensor's storage in {@code newShape}
     * @throws IllegalArgumentException if the sizes do not fit, or no view with these strides exists
     *     (for instance on a transposed matrix: call {@link #reshape} or {@link #contiguous()} first)
     */
    public Tensor view(int... newShape) {
        int[] target = inferShape("view", newShape);
        Tensor viewed = tryView(target);
        if (viewed == null) {
            throw new IllegalArgumentException("view: size " + Arrays.toString(target)
                    + " is not compatible with input tensor's size " + shape() + " and stride "
                    + Arrays.toString(strides) + " (at least one dimension spans across two contiguous"
                    + " subspaces). Use .reshape(...) instead.");
        }
        return viewed;
    }

    /**
     * Flattens to 1-D, as {@code torch.flatten(x)}.
     *
     * @return a tensor of shape {@code [numel()]} (a view when possible)
     */
    public Tensor flatten() {
        return reshape(-1);
    }

    /**
     * Flattens dimensions {@code startDim..endDim} (inclusive) into one, as
     * {@code torch.flatten(x, start_dim, end_dim)}: shape {@code [2, 3, 4]} flattened over 1..2 is
     * {@code [2, 12]}. A 0-d tensor becomes {@code [1]}.
     *
     * @param startDim the first dimension to merge; negative counts from the end
     * @param endDim the last dimension to merge, not before {@code startDim}
     * @return the tensor with those dimensions merged (a view when possible)
     * @throws IndexOutOfBoundsException if a dimension is out of range
     * @throws IllegalArgumentException if {@code startDim} comes after {@code endDim}
     */
    public Tensor flatten(int startDim, int endDim) {
        int s = normDim(startDim, "flatten");
        int e = normDim(endDim, "flatten");
        if (shape.length == 0) {
            return reshape(1);
        }
        if (s > e) {
            throw new IllegalArgumentException("flatten: start_dim " + startDim + " cannot come after end_dim " + endDim);
        }
        int[] out = new int[shape.length - (e - s)];
        int n = 1;
        for (int d = s; d <= e; d++) {
            n *= shape[d];
        }
        System.arraycopy(shape, 0, out, 0, s);
        out[s] = n;
        System.arraycopy(shape, e + 1, out, s + 1, shape.length - e - 1);
        return reshape(out);
    }

    private int[] inferShape(String op, int[] requested) {
        int[] target = requested.clone();
        int inferAt = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) {
                if (inferAt >= 0) {
                    throw new IllegalArgumentException(op + ": only one dimension can be inferred in "
                            + Arrays.toString(requested));
                }
                inferAt = i;
            } else if (target[i] < 0) {
                throw new IllegalArgumentException(op + ": invalid shape dimension " + target[i] + " in "
                        + Arrays.toString(requested));
            } else {
                known *= target[i];
            }
        }
        int n = numel();
        if (inferAt >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(requested)
                        + " is invalid for input of size " + n);
            }
            target[inferAt] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException(op + ": shape " + Arrays.toString(requested)
                    + " is invalid for input of size " + n);
        }
        return target;
    }

    /**
     * A view with {@code target}'s shape if one exists with these strides, else null. The port of
     * PyTorch's {@code computeStride}: walking from the last dim, old dims are grouped into chunks
     * that are contiguous within (stride[d-1] = size[d]·stride[d], size-1 dims ignored); each
     * chunk must be covered exactly by a run of new dims, which then get strides from the chunk's
     * innermost stride.
     */
    private Tensor tryView(int[] target) {
        if (isContiguous() || numel() == 0) {
            return new Tensor(storage, offset, target, contiguousStrides(target));
        }
        int[] newStrides = new int[target.length];
        int viewDim = target.length - 1;
        long chunkBaseStride = strides[strides.length - 1];
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            tensorNumel *= shape[d];
            boolean chunkEnds = d == 0 || (shape[d - 1] != 1 && strides[d - 1] != tensorNumel * chunkBaseStride);
            if (chunkEnds) {
                while (viewDim >= 0 && (viewNumel < tensorNumel || target[viewDim] == 1)) {
                    newStrides[viewDim] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= target[viewDim];
                    viewDim--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (d > 0) {
                    chunkBaseStride = strides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewDim == -1 ? new Tensor(storage, offset, target, newStrides) : null;
    }

    /**
     * Swaps two dimensions (a view), as {@code torch.transpose}: {@code out[..i..j..] = this[..j..i..]}.
     *
     * @param dim0 one dimension; negative counts from the end
     * @param dim1 the other dimension
     * @return a view with those two sizes and strides exchanged
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor transpose(int dim0, int dim1) {
        int a = normDim(dim0, "transpose");
        int b = normDim(dim1, "transpose");
        if (shape.length == 0) {
            return this;
        }
        int[] p = identityPerm();
        p[a] = b;
        p[b] = a;
        return permute(p);
    }

    /**
     * The transpose of a matrix (a view); 0-d and 1-D tensors come back unchanged, as {@code torch.t}.
     *
     * @return {@code transpose(0, 1)} for a matrix, else this tensor
     * @throws IllegalArgumentException if the tensor has more than 2 dimensions
     */
    public Tensor t() {
        if (shape.length > 2) {
            throw new IllegalArgumentException("t: expects a tensor with <= 2 dimensions, but self is " + shape.length + "D");
        }
        return shape.length < 2 ? this : transpose(0, 1);
    }

    /**
     * Reorders the dimensions (a view), as {@code torch.permute}: dimension i of the result is
     * dimension {@code dims[i]} of this; {@code permute(1, 0)} of a matrix is its transpose.
     *
     * @param dims a permutation of 0..dim()-1; negative entries count from the end
     * @return a view with sizes and strides reordered
     * @throws IllegalArgumentException if {@code dims} has the wrong length or repeats a dimension
     * @throws IndexOutOfBoundsException if an entry is out of range
     */
    public Tensor permute(int... dims) {
        if (dims.length != shape.length) {
            throw new IllegalArgumentException("permute: number of dims don't match in permute: "
                    + Arrays.toString(dims) + " for shape " + shape());
        }
        int[] newShape = new int[dims.length];
        int[] newStrides = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int d = normDim(dims[i], "permute");
            if (seen[d]) {
                throw new IllegalArgumentException("permute: repeated dim in " + Arrays.toString(dims));
            }
            seen[d] = true;
            newShape[i] = shape[d];
            newStrides[i] = strides[d];
        }
        return new Tensor(storage, offset, newShape, newStrides);
    }

    private int[] identityPerm() {
        int[] p = new int[shape.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        return p;
    }

    /**
     * Removes every size-1 dimension (a view), as {@code torch.squeeze(x)}: {@code [1, 3, 1]}
     * becomes {@code [3]}.
     *
     * @return a view without the size-1 dimensions (0-d if every size was 1)
     */
    public Tensor squeeze() {
        int kept = 0;
        for (int s : shape) {
            kept += s == 1 ? 0 : 1;
        }
        int[] newShape = new int[kept];
        int[] newStrides = new int[kept];
        for (int d = 0, o = 0; d < shape.length; d++) {
            if (shape[d] != 1) {
                newShape[o] = shape[d];
                newStrides[o++] = strides[d];
            }
        }
        return new Tensor(storage, offset, newShape, newStrides);
    }

    /**
     * Removes dimension {@code dim} if its size is 1, else returns this unchanged (as
     * {@code torch.squeeze(x, dim)}).
     *
     * @param dim the dimension; negative counts from the end
     * @return a view without that dimension, or this tensor
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor squeeze(int dim) {
        if (shape.length == 0) {
            normDim(dim, "squeeze");
            return this;
        }
        int d = normDim(dim, "squeeze");
        if (shape[d] != 1) {
            return this;
        }
        return new Tensor(storage, offset, removeAt(shape, d), removeAt(strides, d));
    }

    /**
     * Inserts a size-1 dimension at {@code dim} (a view), as {@code torch.unsqueeze}: a {@code [3]}
     * vector becomes {@code [1, 3]} at dim 0 and {@code [3, 1]} at dim 1.
     *
     * @param dim the position of the new dimension, in [-dim()-1, dim()]; negative counts from the end
     * @return a view with one more dimension
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor unsqueeze(int dim) {
        int d = Shape.normalizeDim(dim, shape.length + 1, "unsqueeze");
        int[] newShape = new int[shape.length + 1];
        int[] newStrides = new int[shape.length + 1];
        for (int i = 0, o = 0; i < newShape.length; i++) {
            if (i == d) {
                newShape[i] = 1;
                newStrides[i] = d < shape.length ? strides[d] * shape[d] : 1;
            } else {
                newShape[i] = shape[o];
                newStrides[i] = strides[o++];
            }
        }
        return new Tensor(storage, offset, newShape, newStrides);
    }

    /**
     * Repeats size-1 dimensions (and adds leading ones) without copying: stride 0 along each
     * expanded dim. A size of -1 keeps that dimension. As {@code torch.Tensor.expand}:
     * {@code [3, 1]} expanded to {@code (2, 3, 4)} is {@code [2, 3, 4]}.
     *
     * @param sizes the target sizes, at least {@link #dim()} of them, aligned on the trailing dims
     * @return a view in which several indices may share one storage element
     * @throws IllegalArgumentException if a non-1 size would change, a leading size is -1, or a
     *     size is below -1
     */
    public Tensor expand(int... sizes) {
        if (sizes.length < shape.length) {
            throw new IllegalArgumentException("expand: the number of sizes provided (" + sizes.length
                    + ") must be greater or equal to the number of dimensions in the tensor (" + shape.length + ")");
        }
        int lead = sizes.length - shape.length;
        int[] newShape = new int[sizes.length];
        int[] newStrides = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            int own = i < lead ? -2 : shape[i - lead];
            int want = sizes[i];
            if (i < lead) {
                if (want < 0) {
                    throw new IllegalArgumentException("expand: the expanded size of the tensor (" + want
                            + ") isn't allowed in a leading, non-existing dimension " + i);
                }
                newShape[i] = want;
                newStrides[i] = 0;
            } else if (want < -1) {
                throw new IllegalArgumentException("expand: invalid size " + want + " at dimension " + i
                        + " in " + Arrays.toString(sizes) + " (sizes must be >= 0, or -1 to keep a dimension)");
            } else if (want == -1 || want == own) {
                newShape[i] = own;
                newStrides[i] = strides[i - lead];
            } else if (own == 1) {
                newShape[i] = want;
                newStrides[i] = 0;
            } else {
                throw new IllegalArgumentException(String.format(
                        "expand: the expanded size of the tensor (%d) must match the existing size (%d) at"
                                + " non-singleton dimension %d. Target sizes: %s. Tensor sizes: %s",
                        want, own, i, Arrays.toString(sizes), shape()));
            }
        }
        return new Tensor(storage, offset, newShape, newStrides);
    }

    /**
     * {@link #expand(int...)} to a Shape.
     *
     * @param target the shape to expand to
     * @return a view of this tensor in {@code target}'s shape
     * @throws IllegalArgumentException if this shape does not expand to {@code target}
     */
    public Tensor expand(Shape target) {
        return expand(target.toArray());
    }

    /**
     * Elements {@code start .. start+length-1} along {@code dim} (a view), as {@code torch.narrow}.
     *
     * @param dim the dimension; negative counts from the end
     * @param start the first index kept; negative counts from the end
     * @param length how many indices to keep
     * @return a view whose size along {@code dim} is {@code length}
     * @throws IllegalArgumentException if the tensor is 0-d
     * @throws IndexOutOfBoundsException if {@code dim} is out of range or the range does not fit
     */
    public Tensor narrow(int dim, int start, int length) {
        int d = normDim(dim, "narrow");
        if (shape.length == 0) {
            throw new IllegalArgumentException("narrow: cannot be applied to a 0-dim tensor.");
        }
        int s = start < 0 ? start + shape[d] : start;
        if (s < 0 || length < 0 || s + length > shape[d]) {
            throw new IndexOutOfBoundsException(String.format(
                    "narrow: start (%d) + length (%d) exceeds dimension size (%d) of dim %d in shape %s",
                    start, length, shape[d], d, shape()));
        }
        int[] newShape = shape.clone();
        newShape[d] = length;
        return new Tensor(storage, offset + s * strides[d], newShape, strides.clone());
    }

    /**
     * Python-style slice {@code [start:end]} along {@code dim} (a view): negative bounds count from
     * the end, and bounds past either end are clamped, as in Python, so {@code slice(0, -2, 100)}
     * keeps the last two rows and an empty range gives size 0.
     *
     * @param dim the dimension; negative counts from the end
     * @param start the first index kept
     * @param end the index after the last one kept
     * @return a view whose size along {@code dim} is the length of the clamped range
     * @throws IllegalArgumentException if the tensor is 0-d
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor slice(int dim, int start, int end) {
        int d = normDim(dim, "slice");
        if (shape.length == 0) {
            throw new IllegalArgumentException("slice: cannot be applied to a 0-dim tensor.");
        }
        int n = shape[d];
        int s = Math.max(0, Math.min(n, start < 0 ? start + n : start));
        int e = Math.max(s, Math.min(n, end < 0 ? end + n : end));
        return narrow(d, s, e - s);
    }

    /**
     * Index {@code index} along {@code dim}, removing that dimension (a view), as
     * {@code torch.select}: {@code select(1, 2)} of a matrix is its column 2.
     *
     * @param dim the dimension; negative counts from the end
     * @param index the position along it; negative counts from the end
     * @return a view with one dimension fewer
     * @throws IllegalArgumentException if the tensor is 0-d
     * @throws IndexOutOfBoundsException if {@code dim} or {@code index} is out of range
     */
    public Tensor select(int dim, int index) {
        int d = normDim(dim, "select");
        if (shape.length == 0) {
            throw new IllegalArgumentException("select: cannot be applied to a 0-dim tensor.");
        }
        int i = index < 0 ? index + shape[d] : index;
        if (i < 0 || i >= shape[d]) {
            throw new IndexOutOfBoundsException(String.format(
                    "select: index %d out of range for tensor of size %s at dimension %d", index, shape(), d));
        }
        return new Tensor(storage, offset + i * strides[d], removeAt(shape, d), removeAt(strides, d));
    }

    /**
     * {@code x[i, j, ...]}: selects along the leading dimensions (a view); Kotlin's index operator.
     * {@code get(i)} of a matrix is its row i; {@code get(i, j)} its 0-d element.
     *
     * @param index one index per leading dimension, at most {@link #dim()}; negative counts from the end
     * @return a view with {@code index.length} dimensions fewer
     * @throws IndexOutOfBoundsException if there are too many indices or one is out of range
     */
    public Tensor get(int... index) {
        if (index.length > shape.length) {
            throw new IndexOutOfBoundsException("get: too many indices for tensor of dimension " + shape.length
                    + " (got " + index.length + ")");
        }
        Tensor t = this;
        for (int i : index) {
            t = t.select(0, i);
        }
        return t;
    }

    private static int[] removeAt(int[] a, int i) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    /**
     * Concatenates along an existing dimension (a copy), as {@code torch.cat}: {@code [2, 3]} and
     * {@code [4, 3]} along dim 0 give {@code [6, 3]}. The result's dtype is the promoted one.
     *
     * @param tensors the pieces, in order; all of equal rank, and equal sizes except along {@code dim}
     * @param dim the dimension to join along; negative counts from the end
     * @return a new contiguous tensor
     * @throws IllegalArgumentException if the list is empty, a tensor is 0-d, or the other sizes differ
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Indexing.cat(tensors, dim);
    }

    /**
     * {@link #cat(List, int)} with the tensors as varargs.
     *
     * @param dim the dimension to join along; negative counts from the end
     * @param tensors the pieces, in order
     * @return a new contiguous tensor
     * @throws IllegalArgumentException if there are none, one is 0-d, or the other sizes differ
     */
    public static Tensor cat(int dim, Tensor... tensors) {
        return cat(List.of(tensors), dim);
    }

    /**
     * Stacks equal-shaped tensors along a new dimension {@code dim} (a copy), as {@code torch.stack}:
     * three {@code [2, 5]} tensors stacked at dim 0 give {@code [3, 2, 5]}.
     *
     * @param tensors the pieces, all of one shape
     * @param dim the position of the new dimension, in [-rank-1, rank]
     * @return a new contiguous tensor, one dimension more than the pieces
     * @throws IllegalArgumentException if the list is empty or the shapes differ
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack: expects a non-empty list of tensors");
        }
        Shape first = tensors.get(0).shape();
        Tensor[] unsqueezed = new Tensor[tensors.size()];
        int d = Shape.normalizeDim(dim, first.rank() + 1, "stack");
        for (int i = 0; i < unsqueezed.length; i++) {
            Tensor t = tensors.get(i);
            if (!t.shape().equals(first)) {
                throw new IllegalArgumentException("stack: expects each tensor to be equal size, but got "
                        + first + " at entry 0 and " + t.shape() + " at entry " + i);
            }
            unsqueezed[i] = t.unsqueeze(d);
        }
        return cat(List.of(unsqueezed), d);
    }

    /**
     * {@link #stack(List, int)} with the tensors as varargs.
     *
     * @param dim the position of the new dimension
     * @param tensors the pieces, all of one shape
     * @return a new contiguous tensor, one dimension more than the pieces
     * @throws IllegalArgumentException if there are none or the shapes differ
     */
    public static Tensor stack(int dim, Tensor... tensors) {
        return stack(List.of(tensors), dim);
    }

    int normDim(int dim, String op) {
        return Shape.normalizeDim(dim, shape.length, op);
    }

    // ------------------------------------------------------------------ elementwise

    private Tensor unary(UnaryOp op) {
        return Elementwise.map(op, this, floatResult());
    }

    private DType floatResult() {
        return dtype() == DType.INT64 ? DType.FLOAT32 : dtype();
    }

    private Tensor binary(BinaryOp op, Tensor other) {
        DType out = op.isComparison() ? DType.INT64 : DType.promote(dtype(), other.dtype());
        if (op == BinaryOp.DIV && out == DType.INT64) {
            out = DType.FLOAT32; // true division, as torch.div
        }
        return Elementwise.combine(op, this, other, out);
    }

    /**
     * A 0-d operand for the arithmetic {@code this op value} with a floating scalar (Python's
     * {@code float}): a float tensor keeps its dtype, as PyTorch's wrapped scalars do, and an int64
     * tensor meets a float32 one (PyTorch's default dtype), so {@code int64 − 1.0} is float32.
     */
    private Tensor floatScalar(double value) {
        return scalar(value, dtype() == DType.INT64 ? DType.FLOAT32 : dtype());
    }

    /**
     * A 0-d operand for {@code this op value} with an integer scalar (Python's {@code int}): an
     * int64 tensor stays int64, computed exactly in {@code long}; a float tensor keeps its dtype.
     */
    private Tensor integerScalar(long value) {
        return dtype() == DType.INT64 ? fromFlat(new long[] {value}) : scalar(value, dtype());
    }

    /** A 0-d operand for a comparison or clamp with {@code value}: keeps a float tensor's dtype, as PyTorch's wrapped scalars do. */
    private Tensor scalarOperand(double value) {
        DType t = dtype() == DType.INT64 && value != Math.rint(value) ? DType.FLOAT32 : dtype();
        return scalar(value, t == DType.INT64 && Double.isInfinite(value) ? DType.FLOAT32 : t);
    }

    /**
     * {@code this + other} elementwise, broadcast (PyTorch's {@code torch.add}); the result's dtype
     * is the promoted one.
     *
     * @param other the right operand; its shape must broadcast with this one's
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor plus(Tensor other) {
        return binary(BinaryOp.ADD, other);
    }

    /**
     * {@code this + value} with a floating scalar: an int64 tensor gives float32, as in PyTorch;
     * a float tensor keeps its dtype.
     *
     * @param value the scalar added to every element
     * @return a new tensor of this shape
     */
    public Tensor plus(double value) {
        return binary(BinaryOp.ADD, floatScalar(value));
    }

    /**
     * {@code this + value} with an integer scalar: an int64 tensor stays int64 (wrapping on overflow);
     * a float tensor keeps its dtype.
     *
     * @param value the scalar added to every element
     * @return a new tensor of this shape
     */
    public Tensor plus(long value) {
        return binary(BinaryOp.ADD, integerScalar(value));
    }

    /**
     * {@code this − other} elementwise, broadcast (PyTorch's {@code torch.sub}); the result's dtype
     * is the promoted one.
     *
     * @param other the subtrahend; its shape must broadcast with this one's
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor minus(Tensor other) {
        return binary(BinaryOp.SUB, other);
    }

    /**
     * {@code this − value} with a floating scalar: an int64 tensor gives float32, as in PyTorch;
     * a float tensor keeps its dtype.
     *
     * @param value the scalar subtracted from every element
     * @return a new tensor of this shape
     */
    public Tensor minus(double value) {
        return binary(BinaryOp.SUB, floatScalar(value));
    }

    /**
     * {@code this − value} with an integer scalar: an int64 tensor stays int64 (wrapping on overflow);
     * a float tensor keeps its dtype.
     *
     * @param value the scalar subtracted from every element
     * @return a new tensor of this shape
     */
    public Tensor minus(long value) {
        return binary(BinaryOp.SUB, integerScalar(value));
    }

    /**
     * {@code this · other} elementwise (the Hadamard product, PyTorch's {@code torch.mul}), broadcast;
     * the result's dtype is the promoted one. For the matrix product see {@link #matmul}.
     *
     * @param other the other factor; its shape must broadcast with this one's
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor times(Tensor other) {
        return binary(BinaryOp.MUL, other);
    }

    /**
     * {@code this · value} with a floating scalar: an int64 tensor gives float32, as in PyTorch;
     * a float tensor keeps its dtype.
     *
     * @param value the factor applied to every element
     * @return a new tensor of this shape
     */
    public Tensor times(double value) {
        return binary(BinaryOp.MUL, floatScalar(value));
    }

    /**
     * {@code this · value} with an integer scalar: an int64 tensor stays int64 (wrapping on overflow);
     * a float tensor keeps its dtype.
     *
     * @param value the factor applied to every element
     * @return a new tensor of this shape
     */
    public Tensor times(long value) {
        return binary(BinaryOp.MUL, integerScalar(value));
    }

    /**
     * {@code this / other} elementwise, broadcast (true division, as {@code torch.div}: int64 / int64
     * gives float32). Division by zero gives ±infinity or NaN, as in IEEE 754.
     *
     * @param other the divisor; its shape must broadcast with this one's
     * @return a new floating-point tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor div(Tensor other) {
        return binary(BinaryOp.DIV, other);
    }

    /**
     * {@code this / value} with a floating scalar: an int64 tensor gives float32, as in PyTorch;
     * a float tensor keeps its dtype.
     *
     * @param value the divisor of every element
     * @return a new floating-point tensor of this shape
     */
    public Tensor div(double value) {
        return binary(BinaryOp.DIV, floatScalar(value));
    }

    /**
     * {@code this ^ exponent} elementwise, broadcast, as {@code torch.pow}; the result's dtype is the
     * promoted one. int64 to a negative int64 power is an error, as in PyTorch.
     *
     * @param exponent the exponents; the shape must broadcast with this one's
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast, or both are int64 and an
     *     exponent is negative
     */
    public Tensor pow(Tensor exponent) {
        if (dtype() == DType.INT64 && exponent.dtype() == DType.INT64 && exponent.lt(0).sum().item() > 0) {
            throw new IllegalArgumentException("pow: Integers to negative integer powers are not allowed.");
        }
        return binary(BinaryOp.POW, exponent);
    }

    /**
     * {@code this ^ exponent} with a floating exponent: an int64 tensor gives float32, as in PyTorch;
     * a float tensor keeps its dtype. {@code pow(0.5)} is the square root, {@code pow(-1.0)} the reciprocal.
     *
     * @param exponent the power every element is raised to
     * @return a new tensor of this shape
     */
    public Tensor pow(double exponent) {
        return pow(floatScalar(exponent));
    }

    /**
     * {@code this ^ exponent} with an integer exponent: an int64 tensor stays int64 (wrapping on
     * overflow); a float tensor keeps its dtype.
     *
     * @param exponent the power every element is raised to
     * @return a new tensor of this shape
     * @throws IllegalArgumentException if this tensor is int64 and {@code exponent} is negative
     */
    public Tensor pow(long exponent) {
        return pow(integerScalar(exponent));
    }

    /**
     * {@code −this}, elementwise; Kotlin's unary minus. The dtype is kept.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor unaryMinus() {
        return Elementwise.map(UnaryOp.NEG, this, dtype());
    }

    /**
     * Same as {@link #unaryMinus()}, under PyTorch's name {@code torch.neg}.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor neg() {
        return unaryMinus();
    }

    /**
     * |x| elementwise, as {@code torch.abs}. The dtype is kept.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor abs() {
        return Elementwise.map(UnaryOp.ABS, this, dtype());
    }

    /**
     * −1, 0 or 1 by sign (0 for ±0, NaN for NaN), as {@code torch.sign}. The dtype is kept.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor sign() {
        return Elementwise.map(UnaryOp.SIGN, this, dtype());
    }

    /**
     * e^x elementwise, as {@code torch.exp}.
     *
     * @return a new tensor of this shape; float32 for an int64 input, else this dtype
     */
    public Tensor exp() {
        return unary(UnaryOp.EXP);
    }

    /**
     * The natural logarithm ln x elementwise, as {@code torch.log}: −infinity at 0, NaN below 0.
     *
     * @return a new tensor of this shape; float32 for an int64 input, else this dtype
     */
    public Tensor log() {
        return unary(UnaryOp.LOG);
    }

    /**
     * log(1 + x) elementwise, accurate for small x (where {@code log(1 + x)} would lose the digits
     * of x), as {@code torch.log1p}.
     *
     * @return a new tensor of this shape; float32 for an int64 input, else this dtype
     */
    public Tensor log1p() {
        return unary(UnaryOp.LOG1P);
    }

    /**
     * e^x − 1 elementwise, accurate for small x, as {@code torch.expm1}.
     *
     * @return a new tensor of this shape; float32 for an int64 input, else this dtype
     */
    public Tensor expm1() {
        return unary(UnaryOp.EXPM1);
    }

    /**
     * √x elementwise, as {@code torch.sqrt}: NaN below 0.
     *
     * @return a new tensor of this shape; float32 for an int64 input, else this dtype
     */
    public Tensor sqrt() {
        return unary(UnaryOp.SQRT);
    }

    /**
     * The hyperbolic tangent (e^x − e^−x) / (e^x + e^−x) elementwise, as {@code torch.tanh}.
     *
     * @return a new tensor of this shape; float32 for an int64 input, else this dtype
     */
    public Tensor tanh() {
        return unary(UnaryOp.TANH);
    }

    /**
     * σ(x) = 1 / (1 + e^−x) elementwise, computed without overflow for any x, as {@code torch.sigmoid}.
     *
     * @return a new tensor of this shape; float32 for an int64 input, else this dtype
     */
    public Tensor sigmoid() {
        return unary(UnaryOp.SIGMOID);
    }

    /**
     * log σ(x) = min(x, 0) − log1p(e^−|x|) elementwise, stable for any x, as
     * {@code torch.nn.functional.logsigmoid}.
     *
     * @return a new tensor of this shape; float32 for an int64 input, else this dtype
     */
    public Tensor logSigmoid() {
        return unary(UnaryOp.LOG_SIGMOID);
    }

    /**
     * max(x, 0) elementwise, as {@code torch.relu}. The dtype is kept.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor relu() {
        return Elementwise.map(UnaryOp.RELU, this, dtype());
    }

    /**
     * 1 / x elementwise, as {@code torch.reciprocal}: ±infinity at ±0.
     *
     * @return a new tensor of this shape; float32 for an int64 input, else this dtype
     */
    public Tensor reciprocal() {
        return unary(UnaryOp.RECIPROCAL);
    }

    /**
     * x² elementwise, as {@code torch.square}. The dtype is kept (int64 wraps on overflow).
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor square() {
        return Elementwise.map(UnaryOp.SQUARE, this, dtype());
    }

    /**
     * Clamps into [min, max], as {@code torch.clamp}: {@code min(max(x, min), max)}; pass ±infinity
     * for a one-sided clamp. NaN stays NaN. An int64 tensor with a fractional bound gives float32,
     * as in PyTorch.
     *
     * @param min the lower bound, or {@code Double.NEGATIVE_INFINITY} for none
     * @param max the upper bound, or {@code Double.POSITIVE_INFINITY} for none
     * @return a new tensor of this shape
     * @throws IllegalArgumentException if {@code min > max}
     */
    public Tensor clamp(double min, double max) {
        if (min > max) {
            throw new IllegalArgumentException("clamp: min (" + min + ") must not be greater than max (" + max + ")");
        }
        Tensor lower = min == Double.NEGATIVE_INFINITY ? this : binary(BinaryOp.MAXIMUM, scalarOperand(min));
        return max == Double.POSITIVE_INFINITY ? lower : lower.binary(BinaryOp.MINIMUM, lower.scalarOperand(max));
    }

    /**
     * Elementwise larger value (NaN if either is NaN), broadcast, as {@code torch.maximum}.
     *
     * @param other the other operand; its shape must broadcast with this one's
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor maximum(Tensor other) {
        return binary(BinaryOp.MAXIMUM, other);
    }

    /**
     * Elementwise smaller value (NaN if either is NaN), broadcast, as {@code torch.minimum}.
     *
     * @param other the other operand; its shape must broadcast with this one's
     * @return a new tensor of the broadcast shape and the promoted dtype
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor minimum(Tensor other) {
        return binary(BinaryOp.MINIMUM, other);
    }

    /**
     * {@code condition != 0 ? a : b} elementwise, all three broadcast together, as {@code torch.where}.
     *
     * @param condition the selector, of any dtype: nonzero picks {@code a}
     * @param a the values where the condition holds
     * @param b the values where it does not
     * @return a new tensor of the broadcast shape, of {@code a}'s and {@code b}'s promoted dtype
     * @throws IllegalArgumentException if the three shapes do not broadcast
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Elementwise.where(condition, a, b, DType.promote(a.dtype(), b.dtype()));
    }

    /**
     * int64 mask: 1 where {@code this == other}, else 0, broadcast, as {@code torch.eq}.
     *
     * @param other the right operand; its shape must broadcast with this one's
     * @return a new int64 tensor of 0s and 1s, of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor eq(Tensor other) {
        return binary(BinaryOp.EQ, other);
    }

    /**
     * int64 mask: 1 where the element equals {@code value}. As in PyTorch, the scalar is first
     * rounded to this tensor's dtype, so a float32 {@code 0.1} equals {@code 0.1}; the other
     * scalar comparisons do the same.
     *
     * @param value the scalar each element is compared with
     * @return a new int64 tensor of 0s and 1s, of this shape
     */
    public Tensor eq(double value) {
        return binary(BinaryOp.EQ, scalarOperand(value));
    }

    /**
     * int64 mask: 1 where {@code this != other}, else 0, broadcast, as {@code torch.ne}.
     *
     * @param other the right operand; its shape must broadcast with this one's
     * @return a new int64 tensor of 0s and 1s, of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor ne(Tensor other) {
        return binary(BinaryOp.NE, other);
    }

    /**
     * int64 mask: 1 where the element is {@code != value}, else 0, as {@code torch.ne}; the scalar is
     * rounded to this tensor's dtype first, as {@link #eq(double)} explains.
     *
     * @param value the scalar each element is compared with
     * @return a new int64 tensor of 0s and 1s, of this shape
     */
    public Tensor ne(double value) {
        return binary(BinaryOp.NE, scalarOperand(value));
    }

    /**
     * int64 mask: 1 where {@code this < other}, else 0, broadcast, as {@code torch.lt}.
     *
     * @param other the right operand; its shape must broadcast with this one's
     * @return a new int64 tensor of 0s and 1s, of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor lt(Tensor other) {
        return binary(BinaryOp.LT, other);
    }

    /**
     * int64 mask: 1 where the element is {@code < value}, else 0, as {@code torch.lt}; the scalar is
     * rounded to this tensor's dtype first, as {@link #eq(double)} explains.
     *
     * @param value the scalar each element is compared with
     * @return a new int64 tensor of 0s and 1s, of this shape
     */
    public Tensor lt(double value) {
        return binary(BinaryOp.LT, scalarOperand(value));
    }

    /**
     * int64 mask: 1 where {@code this <= other}, else 0, broadcast, as {@code torch.le}.
     *
     * @param other the right operand; its shape must broadcast with this one's
     * @return a new int64 tensor of 0s and 1s, of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor le(Tensor other) {
        return binary(BinaryOp.LE, other);
    }

    /**
     * int64 mask: 1 where the element is {@code <= value}, else 0, as {@code torch.le}; the scalar is
     * rounded to this tensor's dtype first, as {@link #eq(double)} explains.
     *
     * @param value the scalar each element is compared with
     * @return a new int64 tensor of 0s and 1s, of this shape
     */
    public Tensor le(double value) {
        return binary(BinaryOp.LE, scalarOperand(value));
    }

    /**
     * int64 mask: 1 where {@code this > other}, else 0, broadcast, as {@code torch.gt}.
     *
     * @param other the right operand; its shape must broadcast with this one's
     * @return a new int64 tensor of 0s and 1s, of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor gt(Tensor other) {
        return binary(BinaryOp.GT, other);
    }

    /**
     * int64 mask: 1 where the element is {@code > value}, else 0, as {@code torch.gt}; the scalar is
     * rounded to this tensor's dtype first, as {@link #eq(double)} explains.
     *
     * @param value the scalar each element is compared with
     * @return a new int64 tensor of 0s and 1s, of this shape
     */
    public Tensor gt(double value) {
        return binary(BinaryOp.GT, scalarOperand(value));
    }

    /**
     * int64 mask: 1 where {@code this >= other}, else 0, broadcast, as {@code torch.ge}.
     *
     * @param other the right operand; its shape must broadcast with this one's
     * @return a new int64 tensor of 0s and 1s, of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor ge(Tensor other) {
        return binary(BinaryOp.GE, other);
    }

    /**
     * int64 mask: 1 where the element is {@code >= value}, else 0, as {@code torch.ge}; the scalar is
     * rounded to this tensor's dtype first, as {@link #eq(double)} explains.
     *
     * @param value the scalar each element is compared with
     * @return a new int64 tensor of 0s and 1s, of this shape
     */
    public Tensor ge(double value) {
        return binary(BinaryOp.GE, scalarOperand(value));
    }

    /**
     * int64 mask: 1 where the element is NaN, as {@code torch.isnan} (always 0 for int64).
     *
     * @return a new int64 tensor of 0s and 1s, of this shape
     */
    public Tensor isNan() {
        return Elementwise.map(UnaryOp.IS_NAN, this, DType.INT64);
    }

    /**
     * int64 mask: 1 where the element is neither infinite nor NaN, as {@code torch.isfinite}.
     *
     * @return a new int64 tensor of 0s and 1s, of this shape
     */
    public Tensor isFinite() {
        return Elementwise.map(UnaryOp.IS_FINITE, this, DType.INT64);
    }

    // ------------------------------------------------------------------ reductions

    /** Wraps negative dims and rejects repeats; an empty list means every dim, as in PyTorch's {@code dim=[]}. */
    private int[] normDims(int[] dims, String op) {
        if (dims.length == 0) {
            return allDims();
        }
        int[] out = new int[dims.length];
        boolean[] seen = new boolean[Math.max(shape.length, 1)];
        for (int i = 0; i < dims.length; i++) {
            out[i] = normDim(dims[i], op);
            if (seen[out[i]]) {
                throw new IllegalArgumentException(op + ": dim " + out[i] + " appears multiple times in the list of dims");
            }
            seen[out[i]] = true;
        }
        if (shape.length == 0) {
            return new int[0];
        }
        return out;
    }

    private int[] allDims() {
        return identityPerm();
    }

    /**
     * Σ of all elements, as {@code torch.sum(x)}: a 0-d tensor (int64 stays int64, summed exactly
     * in {@code long}, wrapping on overflow; 0 for an empty tensor).
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor sum() {
        return sum(allDims(), false);
    }

    /**
     * Σ over {@code dim}, as {@code torch.sum(x, dim, keepdim)}: a {@code [2, 3]} matrix summed over
     * dim 1 gives {@code [2]}, or {@code [2, 1]} with keepdim.
     *
     * @param dim the dimension to reduce; negative counts from the end
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return a new tensor of this dtype
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor sum(int dim, boolean keepdim) {
        return sum(new int[] {dim}, keepdim);
    }

    /**
     * Σ over several dims, as {@code torch.sum(x, dims, keepdim)}; int64 is summed exactly in
     * {@code long}, wrapping on overflow as PyTorch does.
     *
     * @param dims the dimensions to reduce, distinct; negative count from the end; empty means every
     *     dimension, as PyTorch's {@code dim=[]}
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException if a dimension repeats
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor sum(int[] dims, boolean keepdim) {
        if (dtype() == DType.INT64) {
            return Reductions.sumLongs(this, normDims(dims, "sum"), keepdim);
        }
        return Reductions.reduce(this, normDims(dims, "sum"), keepdim, Reductions.Kind.SUM, dtype());
    }

    /**
     * Mean of all elements, Σx / n, as {@code torch.mean(x)} (NaN for an empty tensor); floating
     * dtypes only.
     *
     * @return a 0-d tensor of this dtype
     * @throws IllegalArgumentException for an int64 tensor, with PyTorch's message (convert with
     *     {@link #to(DType)} first)
     */
    public Tensor mean() {
        return mean(allDims(), false);
    }

    /**
     * Mean over {@code dim}, Σx / n with n = size(dim), as {@code torch.mean(x, dim, keepdim)};
     * floating dtypes only.
     *
     * @param dim the dimension to reduce; negative counts from the end
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException for an int64 tensor
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor mean(int dim, boolean keepdim) {
        return mean(new int[] {dim}, keepdim);
    }

    /**
     * Mean over several dims: Σx divided by the number of elements reduced, as
     * {@code torch.mean(x, dims, keepdim)}; floating dtypes only.
     *
     * @param dims the dimensions to reduce, distinct; negative count from the end; empty means every
     *     dimension, as PyTorch's {@code dim=[]}
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException for an int64 tensor or a repeated dimension
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor mean(int[] dims, boolean keepdim) {
        requireFloat("mean");
        return Reductions.reduce(this, normDims(dims, "mean"), keepdim, Reductions.Kind.MEAN, dtype());
    }

    private void requireFloat(String op) {
        if (!dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + "(): could not infer output dtype. Input dtype must be either"
                    + " a floating point or complex dtype. Got: Long");
        }
    }

    /**
     * The largest element (NaN if any is NaN), as {@code torch.max(x)}.
     *
     * @return a 0-d tensor of this dtype
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor max() {
        requireNonEmpty("max");
        return Reductions.reduce(this, allDims(), false, Reductions.Kind.MAX, dtype());
    }

    /**
     * The smallest element (NaN if any is NaN), as {@code torch.min(x)}.
     *
     * @return a 0-d tensor of this dtype
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor min() {
        requireNonEmpty("min");
        return Reductions.reduce(this, allDims(), false, Reductions.Kind.MIN, dtype());
    }

    private void requireNonEmpty(String op) {
        if (numel() == 0) {
            throw new IllegalArgumentException(op + "(): Expected reduction dim to be specified for input.numel() == 0."
                    + " Specify the reduction dim with the 'dim' argument.");
        }
    }

    /**
     * Values and their positions along one dimension, as {@code torch.max(x, dim)} returns them.
     *
     * @param values the extreme values, of the input's dtype
     * @param indices their positions along the reduced dimension, int64, of the same shape
     */
    public record ValuesIndices(Tensor values, Tensor indices) {
    }

    /**
     * Largest value along {@code dim} and its index (the first on ties; a NaN counts as largest), as
     * {@code torch.max(x, dim, keepdim)}.
     *
     * @param dim the dimension to reduce; negative counts from the end
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return the maxima and their int64 indices, each of the reduced shape
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public ValuesIndices max(int dim, boolean keepdim) {
        int[] d = normDims(new int[] {dim}, "max");
        return new ValuesIndices(
                Reductions.reduce(this, d, keepdim, Reductions.Kind.MAX, dtype()),
                Reductions.reduce(this, d, keepdim, Reductions.Kind.ARGMAX, DType.INT64));
    }

    /**
     * Smallest value along {@code dim} and its index (the first on ties; a NaN counts as smallest), as
     * {@code torch.min(x, dim, keepdim)}.
     *
     * @param dim the dimension to reduce; negative counts from the end
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return the minima and their int64 indices, each of the reduced shape
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public ValuesIndices min(int dim, boolean keepdim) {
        int[] d = normDims(new int[] {dim}, "min");
        return new ValuesIndices(
                Reductions.reduce(this, d, keepdim, Reductions.Kind.MIN, dtype()),
                Reductions.reduce(this, d, keepdim, Reductions.Kind.ARGMIN, DType.INT64));
    }

    /**
     * Index of the largest element in the flattened tensor (the first on ties), as {@code torch.argmax(x)}.
     *
     * @return a 0-d int64 tensor, an index into {@link #flatten()}
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor argmax() {
        requireNonEmpty("argmax");
        return Reductions.reduce(flatten(), new int[] {0}, false, Reductions.Kind.ARGMAX, DType.INT64);
    }

    /**
     * Index of the largest element along {@code dim} (the first on ties), as
     * {@code torch.argmax(x, dim, keepdim)}: the predicted class of a {@code [batch, classes]} logit
     * matrix is {@code argmax(1, false)}.
     *
     * @param dim the dimension to reduce; negative counts from the end
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return an int64 tensor of the reduced shape
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor argmax(int dim, boolean keepdim) {
        return Reductions.reduce(this, normDims(new int[] {dim}, "argmax"), keepdim, Reductions.Kind.ARGMAX, DType.INT64);
    }

    /**
     * Index of the smallest element along {@code dim} (the first on ties), as
     * {@code torch.argmin(x, dim, keepdim)}.
     *
     * @param dim the dimension to reduce; negative counts from the end
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return an int64 tensor of the reduced shape
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor argmin(int dim, boolean keepdim) {
        return Reductions.reduce(this, normDims(new int[] {dim}, "argmin"), keepdim, Reductions.Kind.ARGMIN, DType.INT64);
    }

    /**
     * log Σ exp(x) over {@code dim}, computed as m + log Σ exp(x − m) with m the maximum, so ±1e4
     * stay finite, as {@code torch.logsumexp(x, dim, keepdim)}.
     *
     * @param dim the dimension to reduce; negative counts from the end
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return a new tensor; float32 for an int64 input, else this dtype
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor logsumexp(int dim, boolean keepdim) {
        return logsumexp(new int[] {dim}, keepdim);
    }

    /**
     * log Σ exp(x) over several dims, computed as m + log Σ exp(x − m) with m the maximum, as
     * {@code torch.logsumexp(x, dims, keepdim)}.
     *
     * @param dims the dimensions to reduce, distinct; negative count from the end; empty means every
     *     dimension, as PyTorch's {@code dim=[]}
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return a new tensor; float32 for an int64 input, else this dtype
     * @throws IllegalArgumentException if a dimension repeats
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return Reductions.reduce(this, normDims(dims, "logsumexp"), keepdim, Reductions.Kind.LOGSUMEXP,
                floatResult());
    }

    /**
     * Variance over {@code dims}: Σ(x − mean)² / (n − correction), as
     * {@code torch.var(x, dims, correction=correction, keepdim=keepdim)}; correction 1 (Bessel's,
     * the unbiased estimate) is PyTorch's default, 0 gives the population variance. When
     * n ≤ correction the result is infinity or NaN, as in PyTorch.
     *
     * @param dims the dimensions to reduce, distinct; negative count from the end; empty means every
     *     dimension, as PyTorch's {@code dim=[]}
     * @param correction subtracted from the number of elements n in the denominator
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException for an int64 tensor or a repeated dimension
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor var(int[] dims, int correction, boolean keepdim) {
        requireFloat("var");
        return Reductions.variance(this, normDims(dims, "var"), correction, keepdim, dtype());
    }

    /**
     * Unbiased variance over {@code dim}: Σ(x − mean)² / (n − 1), as {@code torch.var(x, dim, keepdim=keepdim)}.
     *
     * @param dim the dimension to reduce; negative counts from the end
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException for an int64 tensor
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor var(int dim, boolean keepdim) {
        return var(new int[] {dim}, 1, keepdim);
    }

    /**
     * Unbiased variance of all elements: Σ(x − mean)² / (n − 1), as {@code torch.var(x)}.
     *
     * @return a 0-d tensor of this dtype (NaN for a single element)
     * @throws IllegalArgumentException for an int64 tensor
     */
    public Tensor var() {
        return var(allDims(), 1, false);
    }

    /**
     * Standard deviation: the square root of {@link #var(int[], int, boolean)}, as
     * {@code torch.std(x, dims, correction=correction, keepdim=keepdim)}.
     *
     * @param dims the dimensions to reduce, distinct; negative count from the end; empty means every
     *     dimension, as PyTorch's {@code dim=[]}
     * @param correction subtracted from the number of elements n in the denominator (1: unbiased)
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException for an int64 tensor or a repeated dimension
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor std(int[] dims, int correction, boolean keepdim) {
        return var(dims, correction, keepdim).sqrt();
    }

    /**
     * Unbiased standard deviation over {@code dim}: √(Σ(x − mean)² / (n − 1)), as
     * {@code torch.std(x, dim, keepdim=keepdim)}.
     *
     * @param dim the dimension to reduce; negative counts from the end
     * @param keepdim true to keep each reduced dimension with size 1 (so the result broadcasts
     *     against this tensor), false to remove it
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException for an int64 tensor
     * @throws IndexOutOfBoundsException if a dimension is out of range
     */
    public Tensor std(int dim, boolean keepdim) {
        return var(dim, keepdim).sqrt();
    }

    /**
     * Unbiased standard deviation of all elements: √(Σ(x − mean)² / (n − 1)), as {@code torch.std(x)}.
     *
     * @return a 0-d tensor of this dtype
     * @throws IllegalArgumentException for an int64 tensor
     */
    public Tensor std() {
        return var().sqrt();
    }

    /**
     * The reduction that undoes a broadcast: sums this tensor down to {@code target}, which must
     * broadcast to this tensor's shape. Leading dims are summed away; dims where target has size
     * 1 are summed with keepdim. Backward passes of broadcasting ops call this: the gradient of
     * {@code a + b} with respect to a {@code [3]} b, from a {@code [2, 3]} output, is the output
     * gradient summed to {@code [3]}.
     *
     * @param target the shape to reduce to
     * @return this tensor itself if already of that shape, else a new tensor of {@code target}'s shape
     * @throws IllegalArgumentException if {@code target} does not broadcast to this tensor's shape
     */
    public Tensor sumTo(Shape target) {
        int[] want = target.toArray();
        if (Arrays.equals(want, shape)) {
            return this;
        }
        int lead = shape.length - want.length;
        boolean fits = lead >= 0;
        for (int i = 0; fits && i < want.length; i++) {
            fits = want[i] == shape[lead + i] || want[i] == 1;
        }
        if (!fits) {
            throw new IllegalArgumentException("sumTo: shape " + shape() + " cannot be summed to " + target
                    + " (" + target + " does not broadcast to " + shape() + ")");
        }
        int count = lead;
        for (int i = 0; i < want.length; i++) {
            count += want[i] == 1 && shape[lead + i] != 1 ? 1 : 0;
        }
        int[] dims = new int[count];
        int k = 0;
        for (int i = 0; i < lead; i++) {
            dims[k++] = i;
        }
        for (int i = 0; i < want.length; i++) {
            if (want[i] == 1 && shape[lead + i] != 1) {
                dims[k++] = lead + i;
            }
        }
        return Reductions.reduce(this, dims, true, Reductions.Kind.SUM, dtype()).reshape(want);
    }

    /**
     * {@link #sumTo(Shape)} with the target sizes given directly.
     *
     * @param target the sizes to reduce to
     * @return this tensor itself if already of that shape, else a new tensor of that shape
     * @throws IllegalArgumentException if {@code target} does not broadcast to this tensor's shape
     */
    public Tensor sumTo(int... target) {
        return sumTo(Shape.of(target));
    }

    // ------------------------------------------------------------------ products

    /**
     * Matrix product with {@code torch.matmul}'s rules: 1-D·1-D is a dot product; a 1-D left
     * operand is a row vector and a 1-D right operand a column vector (the added dim is removed
     * again); otherwise the last two dims multiply, {@code (..., m, k)·(..., k, n) = (..., m, n)}
     * with {@code out[i][j] = Σ_p this[i][p]·other[p][j]}, and the leading (batch) dims broadcast.
     * Both operands must have the same floating dtype, as in PyTorch; float32 products accumulate in
     * float, like PyTorch's sgemm.
     *
     * @param other the right operand
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException e.g. {@code matmul: shapes [2, 3] and [4, 5] cannot be multiplied (3 != 4)};
     *     also when an operand is 0-d, the batch dims do not broadcast, the dtypes differ (PyTorch's
     *     "expected m1 and m2 to have the same dtype") or the operands are int64
     */
    public Tensor matmul(Tensor other) {
        return Products.matmul(this, other);
    }

    /**
     * Dot product Σ_i this[i]·other[i] of two 1-D tensors of equal length, as {@code torch.dot}.
     *
     * @param other a 1-D tensor of this length and dtype
     * @return a 0-d tensor of this dtype
     * @throws IllegalArgumentException if either is not 1-D, the lengths differ, or the dtypes differ
     */
    public Tensor dot(Tensor other) {
        if (dim() != 1 || other.dim() != 1) {
            throw new IllegalArgumentException("dot: 1D tensors expected, but got " + dim() + "D and "
                    + other.dim() + "D tensors");
        }
        if (size(0) != other.size(0)) {
            throw new IllegalArgumentException("dot: inconsistent tensor size, expected tensor [" + size(0)
                    + "] and src [" + other.size(0) + "] to have the same number of elements, but got "
                    + size(0) + " and " + other.size(0) + " elements respectively");
        }
        return matmul(other);
    }

    /**
     * Outer product of two 1-D tensors: result[i, j] = this[i] · other[j], as {@code torch.outer}.
     *
     * @param other a 1-D tensor of any length n
     * @return a new m×n tensor (m this length) of the promoted dtype
     * @throws IllegalArgumentException if either is not 1-D
     */
    public Tensor outer(Tensor other) {
        if (dim() != 1 || other.dim() != 1) {
            throw new IllegalArgumentException("outer: 1D tensors expected, but got " + dim() + "D and "
                    + other.dim() + "D tensors");
        }
        return unsqueeze(1).times(other.unsqueeze(0));
    }

    // ------------------------------------------------------------------ indexing

    /**
     * {@code out[i][j] = this[index[i][j]][j]} for dim 0 (and likewise for any dim), as torch.gather:
     * along {@code dim} the index picks the position, elsewhere the position is the same. Picking
     * each row's target-class logit is {@code logits.gather(1, target.unsqueeze(1))}.
     *
     * @param dim the dimension the index runs along; negative counts from the end
     * @param index int64, of this tensor's rank, no larger than this tensor in the other dims;
     *     negative entries count from the end
     * @return a new tensor of {@code index}'s shape and this dtype
     * @throws IllegalArgumentException if {@code index} is not int64 or its shape does not fit
     * @throws IndexOutOfBoundsException if {@code dim} or an index entry is out of range
     */
    public Tensor gather(int dim, Tensor index) {
        return Indexing.gather(this, normDim(dim, "gather"), index);
    }

    /**
     * A copy of this tensor with {@code src} added at the positions {@code index} names along
     * {@code dim} ({@code out[index[i][j]][j] += src[i][j]} for dim 0), as {@code torch.scatter_add};
     * the adjoint of gather, so gather's backward is a scatterAdd into zeros. Repeated indices
     * accumulate.
     *
     * @param dim the dimension the index runs along; negative counts from the end
     * @param index int64, of this tensor's rank, no larger than {@code src} in any dim and than this
     *     tensor in the dims other than {@code dim}
     * @param src the values to add, of the same rank as {@code index}
     * @return a new tensor of this shape, of this and {@code src}'s promoted dtype
     * @throws IllegalArgumentException if {@code index} is not int64 or the shapes do not fit
     * @throws IndexOutOfBoundsException if {@code dim} or an index entry is out of range
     */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return Indexing.scatterAdd(this, normDim(dim, "scatter_add"), index, src);
    }

    /**
     * The slices at positions {@code index} (1-D int64) along {@code dim}, in that order, as
     * {@code torch.index_select}: {@code x.indexSelect(0, idx)} picks the rows of a mini-batch.
     *
     * @param dim the dimension to select along; negative counts from the end
     * @param index a 1-D (or 0-d) int64 tensor of positions, repeats allowed; negative positions
     *     count from the end
     * @return a new tensor whose size along {@code dim} is {@code index}'s length
     * @throws IllegalArgumentException if {@code index} is not int64 or has more than one dimension
     * @throws IndexOutOfBoundsException if {@code dim} or a position is out of range
     */
    public Tensor indexSelect(int dim, Tensor index) {
        return Indexing.indexSelect(this, normDim(dim, "index_select"), index);
    }

    /**
     * A copy with {@code value} wherever {@code mask} (broadcast to this shape) is nonzero, as
     * {@code torch.masked_fill}; elsewhere this tensor's values.
     *
     * @param mask any dtype, nonzero where to fill; its shape must broadcast to this one's
     * @param value the fill value, converted to this tensor's dtype
     * @return a new tensor of this shape and dtype
     * @throws IllegalArgumentException if the mask does not broadcast to this tensor's shape
     */
    public Tensor maskedFill(Tensor mask, double value) {
        Shape out = Shape.broadcast("masked_fill", shape(), mask.shape());
        if (!out.equals(shape())) {
            throw new IllegalArgumentException("masked_fill: mask of shape " + mask.shape()
                    + " does not broadcast to the tensor's shape " + shape());
        }
        return where(mask, scalar(value, dtype()), this).to(dtype());
    }

    /**
     * int64 one-hot encoding of an int64 tensor, as {@code torch.nn.functional.one_hot}: a new last
     * dim of size {@code numClasses}, with {@code out[..., c] = 1} where {@code c == this[...]}, else 0.
     *
     * @param numClasses the number of classes, or -1 for max + 1
     * @return a new int64 tensor of shape {@code [..., numClasses]}
     * @throws IllegalArgumentException if this tensor is not int64, a value lies outside
     *     [0, numClasses), {@code numClasses} is below -1, or it is -1 and the tensor is empty
     */
    public Tensor oneHot(int numClasses) {
        return Indexing.oneHot(this, numClasses);
    }

    // ------------------------------------------------------------------ comparison and printing

    /**
     * |this − other| ≤ atol + rtol·|other| everywhere (shapes broadcast), as {@code torch.allclose}.
     * An infinity is close only to the same infinity; NaNs compare equal (unlike torch.allclose's
     * default, like its {@code equal_nan=True}). Values are compared in double, whatever the dtypes.
     *
     * @param other the reference values
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @return true when every pair of elements is close
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public boolean allclose(Tensor other, double rtol, double atol) {
        Tensor a = to(DType.FLOAT64);
        Tensor b = other.to(DType.FLOAT64);
        Shape s = Shape.broadcast("allclose", a.shape(), b.shape());
        double[] x = a.expand(s).toDoubleArray();
        double[] y = b.expand(s).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            boolean bothNan = Double.isNaN(x[i]) && Double.isNaN(y[i]);
            boolean bothFinite = Double.isFinite(x[i]) && Double.isFinite(y[i]);
            boolean close = x[i] == y[i] || bothFinite && Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]);
            if (!bothNan && !close) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #allclose(Tensor, double, double)} with PyTorch's defaults rtol 1e-5, atol 1e-8.
     *
     * @param other the reference values
     * @return true when every pair of elements is close
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public boolean allclose(Tensor other) {
        return allclose(other, 1e-5, 1e-8);
    }

    /** Same dtype, shape and values (NaN equals NaN; 0.0 and −0.0 differ). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor other) || other.dtype() != dtype() || !Arrays.equals(shape, other.shape)) {
            return false;
        }
        return dtype() == DType.INT64
                ? Arrays.equals(toLongArray(), other.toLongArray())
                : Arrays.equals(toDoubleArray(), other.toDoubleArray());
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + (dtype() == DType.INT64
                ? Arrays.hashCode(toLongArray()) : Arrays.hashCode(toDoubleArray()));
    }

    /** PyTorch's default print: {@code tensor([1.0986, 0.0000])}, four decimals, dtype suffix where PyTorch has one. */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
