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

    /** Offset of element [0, 0, ...] in the storage this tensor views (see {@link RawKernels}). */
    public int offset() {
        return offset;
    }

    /** A copy of the strides (elements, not bytes). */
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

    /** A 1-D float32 tensor. */
    public static Tensor of(float... values) {
        return wrap(new FloatStorage(values.clone()), values.length);
    }

    /** A 1-D float64 tensor. */
    public static Tensor of(double... values) {
        return wrap(new DoubleStorage(values.clone()), values.length);
    }

    /** A 1-D int64 tensor; {@code Tensor.of(1, 2, 3)} lands here, as {@code torch.tensor([1, 2, 3])} is int64. */
    public static Tensor of(long... values) {
        return wrap(new LongStorage(values.clone()), values.length);
    }

    /** A 2-D float32 tensor from rows of equal length. */
    public static Tensor of(float[][] rows) {
        return fromArray(rows);
    }

    /** A 2-D float64 tensor from rows of equal length. */
    public static Tensor of(double[][] rows) {
        return fromArray(rows);
    }

    /** A 2-D int64 tensor from rows of equal length. */
    public static Tensor of(long[][] rows) {
        return fromArray(rows);
    }

    /** A 3-D float32 tensor. */
    public static Tensor of(float[][][] values) {
        return fromArray(values);
    }

    /** A 3-D float64 tensor. */
    public static Tensor of(double[][][] values) {
        return fromArray(values);
    }

    /**
     * A tensor from a nested Java array of any depth; the shape is inferred and must be
     * rectangular. {@code float} arrays give FLOAT32, {@code double} FLOAT64, {@code long} and
     * {@code int} INT64.
     */
    public static Tensor fromArray(Object nested) {
        return Indexing.fromNestedArray(nested);
    }

    /** A tensor of {@code dtype} and {@code shape} holding {@code data} in row-major order. */
    public static Tensor fromFlat(DType dtype, double[] data, int... shape) {
        checkFlat(data.length, shape);
        Storage s = Storage.allocate(dtype, data.length);
        for (int i = 0; i < data.length; i++) {
            s.set(i, data[i]);
        }
        return wrap(s, shape);
    }

    /** A float32 tensor of {@code shape} holding {@code data} (no copy is shared) in row-major order. */
    public static Tensor fromFlat(float[] data, int... shape) {
        checkFlat(data.length, shape);
        return wrap(new FloatStorage(data.clone()), shape);
    }

    /** An int64 tensor of {@code shape} holding {@code data} in row-major order. */
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

    /** A 0-d float32 scalar. */
    public static Tensor scalar(double value) {
        return scalar(value, DType.FLOAT32);
    }

    /** A 0-d scalar of {@code dtype}. */
    public static Tensor scalar(double value, DType dtype) {
        return full(dtype, value);
    }

    /** float32 zeros. */
    public static Tensor zeros(int... shape) {
        return zeros(DType.FLOAT32, shape);
    }

    public static Tensor zeros(DType dtype, int... shape) {
        checkShape("zeros", shape);
        return wrap(Storage.allocate(dtype, Shape.numel(shape)), shape);
    }

    /** float32 ones. */
    public static Tensor ones(int... shape) {
        return full(DType.FLOAT32, 1, shape);
    }

    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    /** A float32 tensor filled with {@code value}. */
    public static Tensor full(double value, int... shape) {
        return full(DType.FLOAT32, value, shape);
    }

    public static Tensor full(DType dtype, double value, int... shape) {
        checkShape("full", shape);
        Storage s = Storage.allocate(dtype, Shape.numel(shape));
        for (int i = 0; i < s.length(); i++) {
            s.set(i, value);
        }
        return wrap(s, shape);
    }

    /** Zeros with this tensor's shape and dtype. */
    public Tensor zerosLike() {
        return zeros(dtype(), shape);
    }

    /** Ones with this tensor's shape and dtype. */
    public Tensor onesLike() {
        return ones(dtype(), shape);
    }

    /** {@code value} everywhere, with this tensor's shape and dtype. */
    public Tensor fullLike(double value) {
        return full(dtype(), value, shape);
    }

    /** int64 {@code [0, 1, ..., end-1]}, as {@code torch.arange(end)}. */
    public static Tensor arange(long end) {
        return arange(0, end);
    }

    /** int64 {@code [start, start+1, ..., end-1]}. */
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

    /** float32 {@code start, start+step, ...} strictly before {@code end}: ⌈(end − start) / step⌉ values. */
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

    /** The float32 n×n identity. */
    public static Tensor eye(int n) {
        return eye(DType.FLOAT32, n);
    }

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

    /** float32, uniform in [0, 1), drawn in row-major order from {@code gen}. */
    /** Uniform in [0, 1), float32, drawn from {@link Generator#defaultGenerator()} (PyTorch's {@code torch.rand}). */
    public static Tensor rand(int... shape) {
        return rand(Generator.defaultGenerator(), shape);
    }

    /** Standard normal, float32, drawn from {@link Generator#defaultGenerator()} (PyTorch's {@code torch.randn}). */
    public static Tensor randn(int... shape) {
        return randn(Generator.defaultGenerator(), shape);
    }

    /** Uniform integers in [low, high), int64, drawn from {@link Generator#defaultGenerator()}. */
    public static Tensor randint(long low, long high, int... shape) {
        return randint(Generator.defaultGenerator(), low, high, shape);
    }

    public static Tensor rand(Generator gen, int... shape) {
        return rand(gen, DType.FLOAT32, shape);
    }

    public static Tensor rand(Generator gen, DType dtype, int... shape) {
        requireFloatDType("rand", dtype);
        Tensor t = zeros(dtype, shape);
        for (int i = 0; i < t.storage.length(); i++) {
            t.storage.set(i, gen.nextDouble());
        }
        return t;
    }

    /** float32, standard normal, drawn in row-major order from {@code gen}. */
    public static Tensor randn(Generator gen, int... shape) {
        return randn(gen, DType.FLOAT32, shape);
    }

    public static Tensor randn(Generator gen, DType dtype, int... shape) {
        requireFloatDType("randn", dtype);
        Tensor t = zeros(dtype, shape);
        for (int i = 0; i < t.storage.length(); i++) {
            t.storage.set(i, gen.nextGaussian());
        }
        return t;
    }

    /** int64, uniform integers in [low, high). */
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

    public DType dtype() {
        return storage.dtype();
    }

    public Shape shape() {
        return Shape.of(shape);
    }

    /** Size of dimension {@code dim}; negative dims count from the end. */
    public int size(int dim) {
        if (shape.length == 0) {
            throw new IndexOutOfBoundsException(
                    "size: dimension specified as " + dim + " but tensor has no dimensions");
        }
        return shape[normDim(dim, "size")];
    }

    /** Number of dimensions. */
    public int dim() {
        return shape.length;
    }

    /** Number of elements. */
    public int numel() {
        return Shape.numel(shape);
    }

    /** True when the elements lie in row-major order without gaps. */
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

    /** The value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item: a Tensor with " + numel()
                    + " elements cannot be converted to Scalar");
        }
        return storage.get(offset);
    }

    /** The element at {@code index} (one index per dimension) as a double. */
    public double getDouble(int... index) {
        return storage.get(offsetOf(index));
    }

    /** The element at {@code index} as a long. */
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

    /** All elements in row-major order, as doubles. */
    public double[] toDoubleArray() {
        return ((DoubleStorage) Elementwise.copy(this, DType.FLOAT64).storage).data();
    }

    /** All elements in row-major order, as floats. */
    public float[] toFloatArray() {
        return ((FloatStorage) Elementwise.copy(this, DType.FLOAT32).storage).data();
    }

    /** All elements in row-major order, as longs (floats truncated toward zero). */
    public long[] toLongArray() {
        return ((LongStorage) Elementwise.copy(this, DType.INT64).storage).data();
    }

    /** This tensor converted to {@code dtype} (itself when already of that dtype). */
    public Tensor to(DType dtype) {
        return dtype == dtype() ? this : Elementwise.copy(this, dtype);
    }

    /** A contiguous tensor with the same values (itself when already contiguous). */
    public Tensor contiguous() {
        return isContiguous() ? this : Elementwise.copy(this, dtype());
    }

    // ------------------------------------------------------------------ views

    /**
     * The same elements in a new shape; one size may be -1 and is inferred. A view when the
     * strides allow it, otherwise a copy (as {@code torch.reshape}).
     */
    public Tensor reshape(int... newShape) {
        int[] target = inferShape("reshape", newShape);
        Tensor viewed = tryView(target);
        return viewed != null ? viewed : Elementwise.copy(this, dtype()).tryView(target);
    }

    /** Like {@link #reshape} but never copies: fails when the strides do not allow a view. */
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

    /** Flattens to 1-D. */
    public Tensor flatten() {
        return reshape(-1);
    }

    /** Flattens dimensions {@code startDim..endDim} (inclusive) into one. */
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

    /** Swaps two dimensions (a view). */
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

    /** The transpose of a matrix (a view); 0-d and 1-D tensors come back unchanged, as {@code torch.t}. */
    public Tensor t() {
        if (shape.length > 2) {
            throw new IllegalArgumentException("t: expects a tensor with <= 2 dimensions, but self is " + shape.length + "D");
        }
        return shape.length < 2 ? this : transpose(0, 1);
    }

    /** Reorders the dimensions: dimension i of the result is dimension {@code dims[i]} of this. */
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

    /** Removes every size-1 dimension (a view). */
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

    /** Removes dimension {@code dim} if its size is 1, else returns this unchanged (as PyTorch). */
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

    /** Inserts a size-1 dimension at {@code dim} (which may be {@code dim()}; negative counts from the end). */
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
     * expanded dim. A size of -1 keeps that dimension.
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

    /** {@link #expand} to a Shape. */
    public Tensor expand(Shape target) {
        return expand(target.toArray());
    }

    /** Elements {@code start .. start+length-1} along {@code dim} (a view). */
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
     * the end, and bounds past either end are clamped, as in Python.
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

    /** Index {@code index} along {@code dim}, removing that dimension (a view). */
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

    /** {@code x[i, j, ...]}: selects along the leading dimensions (a view); Kotlin's index operator. */
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

    /** Concatenates along an existing dimension (a copy); all other sizes must match. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Indexing.cat(tensors, dim);
    }

    public static Tensor cat(int dim, Tensor... tensors) {
        return cat(List.of(tensors), dim);
    }

    /** Stacks equal-shaped tensors along a new dimension {@code dim} (a copy). */
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

    /** {@code this + other}, broadcast. */
    public Tensor plus(Tensor other) {
        return binary(BinaryOp.ADD, other);
    }

    /** {@code this + value} with a floating scalar: an int64 tensor gives float32, as in PyTorch. */
    public Tensor plus(double value) {
        return binary(BinaryOp.ADD, floatScalar(value));
    }

    /** {@code this + value} with an integer scalar: an int64 tensor stays int64 (wrapping on overflow). */
    public Tensor plus(long value) {
        return binary(BinaryOp.ADD, integerScalar(value));
    }

    /** {@code this − other}, broadcast. */
    public Tensor minus(Tensor other) {
        return binary(BinaryOp.SUB, other);
    }

    /** {@code this − value} with a floating scalar: an int64 tensor gives float32, as in PyTorch. */
    public Tensor minus(double value) {
        return binary(BinaryOp.SUB, floatScalar(value));
    }

    /** {@code this − value} with an integer scalar: an int64 tensor stays int64 (wrapping on overflow). */
    public Tensor minus(long value) {
        return binary(BinaryOp.SUB, integerScalar(value));
    }

    /** {@code this · other} elementwise, broadcast. */
    public Tensor times(Tensor other) {
        return binary(BinaryOp.MUL, other);
    }

    /** {@code this · value} with a floating scalar: an int64 tensor gives float32, as in PyTorch. */
    public Tensor times(double value) {
        return binary(BinaryOp.MUL, floatScalar(value));
    }

    /** {@code this · value} with an integer scalar: an int64 tensor stays int64 (wrapping on overflow). */
    public Tensor times(long value) {
        return binary(BinaryOp.MUL, integerScalar(value));
    }

    /** {@code this / other} elementwise (true division: int64 / int64 gives float32). */
    public Tensor div(Tensor other) {
        return binary(BinaryOp.DIV, other);
    }

    /** {@code this / value} with a floating scalar: an int64 tensor gives float32, as in PyTorch. */
    public Tensor div(double value) {
        return binary(BinaryOp.DIV, floatScalar(value));
    }

    /** {@code this ^ exponent} elementwise; int64 to a negative int64 power is an error, as in PyTorch. */
    public Tensor pow(Tensor exponent) {
        if (dtype() == DType.INT64 && exponent.dtype() == DType.INT64 && exponent.lt(0).sum().item() > 0) {
            throw new IllegalArgumentException("pow: Integers to negative integer powers are not allowed.");
        }
        return binary(BinaryOp.POW, exponent);
    }

    /** {@code this ^ exponent} with a floating exponent: an int64 tensor gives float32, as in PyTorch. */
    public Tensor pow(double exponent) {
        return pow(floatScalar(exponent));
    }

    /** {@code this ^ exponent} with an integer exponent: an int64 tensor stays int64 (wrapping on overflow). */
    public Tensor pow(long exponent) {
        return pow(integerScalar(exponent));
    }

    /** {@code −this}. */
    public Tensor unaryMinus() {
        return Elementwise.map(UnaryOp.NEG, this, dtype());
    }

    /** Same as {@link #unaryMinus()}. */
    public Tensor neg() {
        return unaryMinus();
    }

    public Tensor abs() {
        return Elementwise.map(UnaryOp.ABS, this, dtype());
    }

    /** −1, 0 or 1 by sign (0 for ±0, NaN for NaN). */
    public Tensor sign() {
        return Elementwise.map(UnaryOp.SIGN, this, dtype());
    }

    public Tensor exp() {
        return unary(UnaryOp.EXP);
    }

    public Tensor log() {
        return unary(UnaryOp.LOG);
    }

    /** log(1 + x), accurate for small x. */
    public Tensor log1p() {
        return unary(UnaryOp.LOG1P);
    }

    /** e^x − 1, accurate for small x. */
    public Tensor expm1() {
        return unary(UnaryOp.EXPM1);
    }

    public Tensor sqrt() {
        return unary(UnaryOp.SQRT);
    }

    public Tensor tanh() {
        return unary(UnaryOp.TANH);
    }

    /** σ(x) = 1 / (1 + e^−x), computed without overflow for any x. */
    public Tensor sigmoid() {
        return unary(UnaryOp.SIGMOID);
    }

    /** log σ(x) = min(x, 0) − log1p(e^−|x|), stable for any x. */
    public Tensor logSigmoid() {
        return unary(UnaryOp.LOG_SIGMOID);
    }

    /** max(x, 0). */
    public Tensor relu() {
        return Elementwise.map(UnaryOp.RELU, this, dtype());
    }

    /** 1 / x. */
    public Tensor reciprocal() {
        return unary(UnaryOp.RECIPROCAL);
    }

    /** x². */
    public Tensor square() {
        return Elementwise.map(UnaryOp.SQUARE, this, dtype());
    }

    /** Clamps into [min, max]; pass ±infinity for a one-sided clamp. NaN stays NaN. */
    public Tensor clamp(double min, double max) {
        if (min > max) {
            throw new IllegalArgumentException("clamp: min (" + min + ") must not be greater than max (" + max + ")");
        }
        Tensor lower = min == Double.NEGATIVE_INFINITY ? this : binary(BinaryOp.MAXIMUM, scalarOperand(min));
        return max == Double.POSITIVE_INFINITY ? lower : lower.binary(BinaryOp.MINIMUM, lower.scalarOperand(max));
    }

    /** Elementwise larger value (NaN if either is NaN). */
    public Tensor maximum(Tensor other) {
        return binary(BinaryOp.MAXIMUM, other);
    }

    /** Elementwise smaller value (NaN if either is NaN). */
    public Tensor minimum(Tensor other) {
        return binary(BinaryOp.MINIMUM, other);
    }

    /** {@code condition != 0 ? a : b}, all broadcast together. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Elementwise.where(condition, a, b, DType.promote(a.dtype(), b.dtype()));
    }

    /** int64 mask: 1 where {@code this == other}. */
    public Tensor eq(Tensor other) {
        return binary(BinaryOp.EQ, other);
    }

    /**
     * int64 mask: 1 where the element equals {@code value}. As in PyTorch, the scalar is first
     * rounded to this tensor's dtype, so a float32 {@code 0.1} equals {@code 0.1}; the other
     * scalar comparisons do the same.
     */
    public Tensor eq(double value) {
        return binary(BinaryOp.EQ, scalarOperand(value));
    }

    public Tensor ne(Tensor other) {
        return binary(BinaryOp.NE, other);
    }

    public Tensor ne(double value) {
        return binary(BinaryOp.NE, scalarOperand(value));
    }

    public Tensor lt(Tensor other) {
        return binary(BinaryOp.LT, other);
    }

    public Tensor lt(double value) {
        return binary(BinaryOp.LT, scalarOperand(value));
    }

    public Tensor le(Tensor other) {
        return binary(BinaryOp.LE, other);
    }

    public Tensor le(double value) {
        return binary(BinaryOp.LE, scalarOperand(value));
    }

    public Tensor gt(Tensor other) {
        return binary(BinaryOp.GT, other);
    }

    public Tensor gt(double value) {
        return binary(BinaryOp.GT, scalarOperand(value));
    }

    public Tensor ge(Tensor other) {
        return binary(BinaryOp.GE, other);
    }

    public Tensor ge(double value) {
        return binary(BinaryOp.GE, scalarOperand(value));
    }

    /** int64 mask: 1 where the element is NaN. */
    public Tensor isNan() {
        return Elementwise.map(UnaryOp.IS_NAN, this, DType.INT64);
    }

    /** int64 mask: 1 where the element is neither infinite nor NaN. */
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

    /** Sum of all elements, as a 0-d tensor (int64 stays int64). */
    public Tensor sum() {
        return sum(allDims(), false);
    }

    /** Sum over {@code dim}. */
    public Tensor sum(int dim, boolean keepdim) {
        return sum(new int[] {dim}, keepdim);
    }

    /** Sum over several dims (an empty array means every dim, as PyTorch's {@code dim=[]}). */
    public Tensor sum(int[] dims, boolean keepdim) {
        if (dtype() == DType.INT64) {
            return Reductions.sumLongs(this, normDims(dims, "sum"), keepdim);
        }
        return Reductions.reduce(this, normDims(dims, "sum"), keepdim, Reductions.Kind.SUM, dtype());
    }

    /** Mean of all elements (NaN for an empty tensor); floating dtypes only. */
    public Tensor mean() {
        return mean(allDims(), false);
    }

    public Tensor mean(int dim, boolean keepdim) {
        return mean(new int[] {dim}, keepdim);
    }

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

    /** Largest element (NaN if any is NaN). */
    public Tensor max() {
        requireNonEmpty("max");
        return Reductions.reduce(this, allDims(), false, Reductions.Kind.MAX, dtype());
    }

    /** Smallest element (NaN if any is NaN). */
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

    /** Values and their positions along one dimension, as {@code torch.max(x, dim)} returns them. */
    public record ValuesIndices(Tensor values, Tensor indices) {
    }

    /** Largest value along {@code dim} and its index (the first on ties). */
    public ValuesIndices max(int dim, boolean keepdim) {
        int[] d = normDims(new int[] {dim}, "max");
        return new ValuesIndices(
                Reductions.reduce(this, d, keepdim, Reductions.Kind.MAX, dtype()),
                Reductions.reduce(this, d, keepdim, Reductions.Kind.ARGMAX, DType.INT64));
    }

    /** Smallest value along {@code dim} and its index (the first on ties). */
    public ValuesIndices min(int dim, boolean keepdim) {
        int[] d = normDims(new int[] {dim}, "min");
        return new ValuesIndices(
                Reductions.reduce(this, d, keepdim, Reductions.Kind.MIN, dtype()),
                Reductions.reduce(this, d, keepdim, Reductions.Kind.ARGMIN, DType.INT64));
    }

    /** Index of the largest element in the flattened tensor (int64 0-d). */
    public Tensor argmax() {
        requireNonEmpty("argmax");
        return Reductions.reduce(flatten(), new int[] {0}, false, Reductions.Kind.ARGMAX, DType.INT64);
    }

    /** Index of the largest element along {@code dim}. */
    public Tensor argmax(int dim, boolean keepdim) {
        return max(dim, keepdim).indices();
    }

    /** Index of the smallest element along {@code dim}. */
    public Tensor argmin(int dim, boolean keepdim) {
        return min(dim, keepdim).indices();
    }

    /** log Σ exp(x) over {@code dim}, computed as m + log Σ exp(x − m) so ±1e4 stay finite. */
    public Tensor logsumexp(int dim, boolean keepdim) {
        return logsumexp(new int[] {dim}, keepdim);
    }

    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return Reductions.reduce(this, normDims(dims, "logsumexp"), keepdim, Reductions.Kind.LOGSUMEXP,
                floatResult());
    }

    /** Variance over {@code dims}: Σ(x − mean)² / (n − correction); correction 1 is PyTorch's default. */
    public Tensor var(int[] dims, int correction, boolean keepdim) {
        requireFloat("var");
        return Reductions.variance(this, normDims(dims, "var"), correction, keepdim, dtype());
    }

    /** Unbiased variance over {@code dim}. */
    public Tensor var(int dim, boolean keepdim) {
        return var(new int[] {dim}, 1, keepdim);
    }

    /** Unbiased variance of all elements. */
    public Tensor var() {
        return var(allDims(), 1, false);
    }

    /** Standard deviation: the square root of {@link #var(int[], int, boolean)}. */
    public Tensor std(int[] dims, int correction, boolean keepdim) {
        return var(dims, correction, keepdim).sqrt();
    }

    public Tensor std(int dim, boolean keepdim) {
        return var(dim, keepdim).sqrt();
    }

    public Tensor std() {
        return var().sqrt();
    }

    /**
     * The reduction that undoes a broadcast: sums this tensor down to {@code target}, which must
     * broadcast to this tensor's shape. Leading dims are summed away; dims where target has size
     * 1 are summed with keepdim. Backward passes of broadcasting ops call this.
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

    public Tensor sumTo(int... target) {
        return sumTo(Shape.of(target));
    }

    // ------------------------------------------------------------------ products

    /**
     * Matrix product with {@code torch.matmul}'s rules: 1-D·1-D is a dot product; a 1-D left
     * operand is a row vector and a 1-D right operand a column vector (the added dim is removed
     * again); otherwise the last two dims multiply and the leading (batch) dims broadcast.
     *
     * @throws IllegalArgumentException e.g. {@code matmul: shapes [2, 3] and [4, 5] cannot be multiplied (3 != 4)}
     */
    public Tensor matmul(Tensor other) {
        return Products.matmul(this, other);
    }

    /** Dot product of two 1-D tensors of equal length. */
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

    /** Outer product of two 1-D tensors: result[i, j] = this[i] · other[j]. */
    public Tensor outer(Tensor other) {
        if (dim() != 1 || other.dim() != 1) {
            throw new IllegalArgumentException("outer: 1D tensors expected, but got " + dim() + "D and "
                    + other.dim() + "D tensors");
        }
        return unsqueeze(1).times(other.unsqueeze(0));
    }

    // ------------------------------------------------------------------ indexing

    /** {@code out[i][j] = this[index[i][j]][j]} for dim 0 (and likewise for any dim), as torch.gather. */
    public Tensor gather(int dim, Tensor index) {
        return Indexing.gather(this, normDim(dim, "gather"), index);
    }

    /**
     * A copy of this tensor with {@code src} added at the positions {@code index} names along
     * {@code dim} ({@code out[index[i][j]][j] += src[i][j]} for dim 0); the adjoint of gather.
     */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return Indexing.scatterAdd(this, normDim(dim, "scatter_add"), index, src);
    }

    /** The slices at positions {@code index} (1-D int64) along {@code dim}. */
    public Tensor indexSelect(int dim, Tensor index) {
        return Indexing.indexSelect(this, normDim(dim, "index_select"), index);
    }

    /** A copy with {@code value} wherever {@code mask} (broadcast to this shape) is nonzero. */
    public Tensor maskedFill(Tensor mask, double value) {
        Shape out = Shape.broadcast("masked_fill", shape(), mask.shape());
        if (!out.equals(shape())) {
            throw new IllegalArgumentException("masked_fill: mask of shape " + mask.shape()
                    + " does not broadcast to the tensor's shape " + shape());
        }
        return where(mask, scalar(value, dtype()), this).to(dtype());
    }

    /** int64 one-hot encoding of an int64 tensor: a new last dim of size {@code numClasses} (-1: max + 1). */
    public Tensor oneHot(int numClasses) {
        return Indexing.oneHot(this, numClasses);
    }

    // ------------------------------------------------------------------ comparison and printing

    /**
     * |this − other| ≤ atol + rtol·|other| everywhere (shapes broadcast). An infinity is close
     * only to the same infinity; NaNs compare equal (unlike torch.allclose's default).
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

    /** {@link #allclose(Tensor, double, double)} with PyTorch's defaults rtol 1e-5, atol 1e-8. */
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
