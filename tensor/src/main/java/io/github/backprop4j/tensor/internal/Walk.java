package io.github.backprop4j.tensor.internal;

/**
 * Walks a shape in row-major order, keeping one storage offset per operand, row by row: the
 * caller runs the last dimension itself as a tight loop ({@link #rowLength()} elements, operand
 * {@code k} stepping by {@link #innerStride(int)}) and then calls {@link #nextRow()}.
 *
 * <p>A stride of 0 repeats an element, which is how broadcast operands are read.
 */
public final class Walk {
    private final int[] shape;
    private final int[][] strides;
    private final int[] offsets;
    private final int[] counter;
    private final int rows;

    /**
     * @param shape the shape walked (the output's)
     * @param startOffsets each operand's storage offset of element [0, 0, ...]
     * @param strides each operand's strides, one per dimension of {@code shape}
     */
    public Walk(int[] shape, int[] startOffsets, int[]... strides) {
        this.shape = shape;
        this.strides = strides;
        this.offsets = startOffsets.clone();
        this.counter = new int[shape.length];
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        int inner = rowLength();
        this.rows = inner == 0 ? 0 : n / inner;
    }

    /** Elements in one row: the size of the last dimension (1 for a scalar). */
    public int rowLength() {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    /** How many rows there are in all (0 when the shape is empty). */
    public int rows() {
        return rows;
    }

    /** Operand {@code k}'s stride along the last dimension. */
    public int innerStride(int k) {
        return shape.length == 0 ? 0 : strides[k][shape.length - 1];
    }

    /** Operand {@code k}'s offset of the first element of the current row. */
    public int offset(int k) {
        return offsets[k];
    }

    /** Moves every operand to the start of the next row (an odometer over all but the last dim). */
    public void nextRow() {
        for (int d = shape.length - 2; d >= 0; d--) {
            counter[d]++;
            if (counter[d] < shape[d]) {
                for (int k = 0; k < offsets.length; k++) {
                    offsets[k] += strides[k][d];
                }
                return;
            }
            counter[d] = 0;
            for (int k = 0; k < offsets.length; k++) {
                offsets[k] -= strides[k][d] * (shape[d] - 1);
            }
        }
    }
}
