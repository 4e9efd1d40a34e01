package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;

/**
 * A flat, typed array that one or more tensors view. Kernels that care about speed reach the
 * primitive array through {@link FloatStorage#data()} and friends; generic kernels read and write
 * through {@link #get}/{@link #set} in double precision.
 */
public abstract sealed class Storage permits FloatStorage, DoubleStorage, LongStorage {

    /** A zero-filled storage of {@code length} elements. */
    public static Storage allocate(DType dtype, int length) {
        return switch (dtype) {
            case FLOAT32 -> new FloatStorage(new float[length]);
            case FLOAT64 -> new DoubleStorage(new double[length]);
            case INT64 -> new LongStorage(new long[length]);
        };
    }

    public abstract DType dtype();

    public abstract int length();

    /** Element {@code i} as a double. */
    public abstract double get(int i);

    /** Stores {@code v}, rounded to float for FLOAT32 and truncated toward zero for INT64. */
    public abstract void set(int i, double v);

    public abstract long getLong(int i);

    public abstract void setLong(int i, long v);
}
