package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;

/** FLOAT32 storage over a {@code float[]}. */
public final class FloatStorage extends Storage {
    private final float[] data;

    public FloatStorage(float[] data) {
        this.data = data;
    }

    /** The backing array itself, for kernels. */
    public float[] data() {
        return data;
    }

    @Override public DType dtype() { return DType.FLOAT32; }
    @Override public int length() { return data.length; }
    @Override public double get(int i) { return data[i]; }
    @Override public void set(int i, double v) { data[i] = (float) v; }
    @Override public long getLong(int i) { return (long) data[i]; }
    @Override public void setLong(int i, long v) { data[i] = v; }
}
