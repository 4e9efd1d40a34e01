package io.github.backprop4j.tensor.internal;

import java.util.Random;
import java.util.zip.CRC32;

/**
 * A fixed run of every float32 kernel whose result could depend on how it was compiled (e^x,
 * row sums, products of each size class), summarised as a CRC-32 of all the result bits. Its
 * {@link #main} prints that checksum, for {@link KernelBitsAcrossJitTest}'s second JVM.
 */
final class KernelWorkload {
    private final float[] x;
    private final float[] a;
    private final float[] b;

    KernelWorkload() {
        Random r = new Random(42);
        x = new float[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (i % 50 == 0 ? 60 * r.nextGaussian() : 3 * r.nextGaussian());
        }
        a = new float[96 * 70];
        b = new float[70 * 83];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextGaussian();
        }
    }

    /** The checksum of one run on the {@link Kernels#active() active} kernels. */
    long checksum() {
        FloatKernels k = Kernels.active();
        CRC32 crc = new CRC32();
        float[] out = new float[x.length];
        k.unary(UnaryOp.EXP, x, 0, out, 0, x.length);
        add(crc, out);
        for (int row = 0, n = 37; row + n <= x.length; row += n) { // softmax rows, tails included
            float max = k.max(x, row, n);
            add(crc, (float) k.expSum(x, row, max, out, row, n));
            add(crc, (float) k.sumExp(x, row, max, n));
            k.expScale(x, row, max, 0.5f, out, row, n);
        }
        add(crc, out);
        for (int[] mkn : new int[][] {{96, 70, 83}, {32, 64, 10}, {5, 3, 17}, {64, 8, 3}}) {
            int m = mkn[0];
            int kk = mkn[1];
            int n = mkn[2];
            float[] c = new float[m * n];
            MatMul.multiply(a, 0, kk, 1, b, 0, n, 1, c, 0, m, kk, n); // A·B
            add(crc, c);
            MatMul.multiply(a, 0, 1, m, b, 0, 1, kk, c, 0, m, kk, n); // Aᵀ·Bᵀ, read in place
            add(crc, c);
        }
        return crc.getValue();
    }

    private static void add(CRC32 crc, float... values) {
        for (float v : values) {
            int bits = Float.floatToIntBits(v);
            crc.update(bits);
            crc.update(bits >>> 8);
            crc.update(bits >>> 16);
            crc.update(bits >>> 24);
        }
    }

    /** Prints the checksum of one run, in a JVM that has run nothing else. */
    public static void main(String[] args) {
        System.out.println(Long.toHexString(new KernelWorkload().checksum()));
    }
}
