package io.github.backprop4j.nn.io;

import io.github.backprop4j.tensor.DType;
import java.util.Set;

/** The safetensors dtypes backprop4j reads and writes, with their element sizes. */
enum SafeDType {
    F32(DType.FLOAT32, 4),
    F64(DType.FLOAT64, 8),
    I64(DType.INT64, 8);

    /** Dtypes the safetensors format defines that have no backprop4j counterpart. */
    private static final Set<String> UNSUPPORTED = Set.of(
            "BOOL", "U8", "I8", "I16", "U16", "F16", "BF16", "I32", "U32", "U64",
            "F8_E5M2", "F8_E4M3", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2", "C64");

    final DType dtype;
    final int itemSize;

    SafeDType(DType dtype, int itemSize) {
        this.dtype = dtype;
        this.itemSize = itemSize;
    }

    static SafeDType of(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> F32;
            case FLOAT64 -> F64;
            case INT64 -> I64;
        };
    }

    /** The dtype named {@code name} in a header, or a message saying why it cannot be read. */
    static SafeDType parse(String name, String tensor) {
        for (SafeDType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        if (UNSUPPORTED.contains(name)) {
            throw new SafeTensorsException(String.format(
                    "tensor '%s' has dtype %s, which backprop4j does not support (supported: F32, F64, I64)",
                    tensor, name));
        }
        throw new SafeTensorsException(String.format("tensor '%s' has unknown dtype \"%s\"", tensor, name));
    }
}
