package io.github.backprop4j.tensor;

import java.util.Arrays;

/**
 * The sizes of a tensor's dimensions: an immutable list of non-negative ints. A 0-d scalar has
 * the empty shape {@code []}. Prints like PyTorch's sizes in error messages: {@code [2, 3]}.
 */
public final class Shape {
    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /**
     * The shape with these sizes, as {@code torch.Size(dims)}.
     *
     * @param dims the size of each dimension, outermost first; none means a 0-d scalar
     * @return the shape (a copy of {@code dims}; later changes to the array do not affect it)
     * @throws IllegalArgumentException if a size is negative
     */
    public static Shape of(int... dims) {
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has a negative size");
            }
        }
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /**
     * The shape of a 0-d scalar.
     *
     * @return the empty shape {@code []}, of rank 0 and one element
     */
    public static Shape scalar() {
        return SCALAR;
    }

    /**
     * The number of dimensions, as {@code tensor.dim()} in PyTorch.
     *
     * @return 0 for a scalar, 1 for a vector, 2 for a matrix, and so on
     */
    public int rank() {
        return dims.length;
    }

    /**
     * The size of one dimension, as {@code tensor.size(dim)}.
     *
     * @param dim the dimension, in [-rank, rank); negative dims count from the end (-1 is the last)
     * @return the size of that dimension
     * @throws IndexOutOfBoundsException if the shape is a scalar's or {@code dim} is out of range
     */
    public int size(int dim) {
        if (dims.length == 0) {
            throw new IndexOutOfBoundsException(
                    "size: dimension specified as " + dim + " but tensor has no dimensions");
        }
        return dims[normalizeDim(dim, dims.length, "size")];
    }

    /**
     * The sizes as an array.
     *
     * @return a fresh copy of the sizes, outermost first
     */
    public int[] toArray() {
        return dims.clone();
    }

    /**
     * The number of elements a tensor of this shape holds, as {@code tensor.numel()}.
     *
     * @return the product of the sizes: 1 for a scalar, 0 if any size is 0
     */
    public int numel() {
        return numel(dims);
    }

    static int numel(int[] dims) {
        long n = 1;
        for (int d : dims) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /**
     * NumPy broadcasting: align trailing dimensions; each pair must be equal or contain a 1.
     * The missing leading dimensions of the shorter shape count as 1, and each output size is the
     * larger of the pair: {@code [3, 1]} with {@code [4]} gives {@code [3, 4]}.
     *
     * @param op the operation's name, for the error message
     * @param a the first operand's shape
     * @param b the second operand's shape
     * @return the shape both operands broadcast to
     * @throws IllegalArgumentException naming {@code op} and both shapes when they do not broadcast
     */
    public static Shape broadcast(String op, Shape a, Shape b) {
        return new Shape(broadcast(op, a.dims, b.dims));
    }

    static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(String.format(
                        "%s: shapes %s and %s cannot be broadcast (the size of tensor a (%d) must match the size"
                                + " of tensor b (%d) at non-singleton dimension %d)",
                        op, Arrays.toString(a), Arrays.toString(b), da, db, i));
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * Wraps a possibly negative dimension index into {@code [0, rank)}, as PyTorch does. A 0-d
     * tensor ({@code rank} 0) accepts dims -1 and 0, as in PyTorch.
     *
     * @param dim the dimension as given by the caller, in [-rank, rank)
     * @param rank the tensor's number of dimensions
     * @param op the operation's name, for the error message
     * @return {@code dim} if non-negative, else {@code dim + rank} (0 for a 0-d tensor)
     * @throws IndexOutOfBoundsException with PyTorch's "Dimension out of range" message if
     *     {@code dim} lies outside [-max(rank, 1), max(rank, 1))
     */
    public static int normalizeDim(int dim, int rank, String op) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IndexOutOfBoundsException(String.format(
                    "%s: Dimension out of range (expected to be in range of [%d, %d], but got %d)",
                    op, -r, r - 1, dim));
        }
        return dim < 0 ? dim + r : dim;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
