package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;

/** FLOAT64 storage over a {@code double[]}. */
public final class DoubleStorage extends Storage {
    private final double[] data;

    public DoubleStorage(double[] data) {
        this.data = data;
    }

    /** The backing array itself, for kernels. */
    public double[] data() {
        return data;
    }

    @Override public DType dtype() { return DType.FLOAT64; }
    @Override public int length() { return data.length; }
    @Override public double get(int i) { return data[i]; }
    @Override public void set(int i, double v) { data[i] = v; }
    @Override public long getLong(int i) { return (long) data[i]; }
    @Override public void setLong(int i, long v) { data[i] = v; }
}
