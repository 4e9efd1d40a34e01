package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;

/** INT64 storage over a {@code long[]}. */
public final class LongStorage extends Storage {
    private final long[] data;

    public LongStorage(long[] data) {
        this.data = data;
    }

    /** The backing array itself, for kernels. */
    public long[] data() {
        return data;
    }

    @Override public DType dtype() { return DType.INT64; }
    @Override public int length() { return data.length; }
    @Override public double get(int i) { return data[i]; }
    @Override public void set(int i, double v) { data[i] = (long) v; }
    @Override public long getLong(int i) { return data[i]; }
    @Override public void setLong(int i, long v) { data[i] = v; }
}
