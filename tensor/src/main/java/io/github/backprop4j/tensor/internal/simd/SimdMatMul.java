package io.github.backprop4j.tensor.internal.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 matrix-product kernel on vectors: C = A·B for rows {@code [i0, i1)} of C (m×n,
 * row-major at {@code cOff}), {@code A[i][p] = a[aOff + i·ars + p·acs]} and
 * {@code B[p][j] = b[bOff + p·brs + j·bcs]}.
 *
 * <p>Columns go in panels of two vectors (2·L floats, L = lanes); a rest of more than one vector
 * (10 logits with 8 lanes) in one more panel padded with zero columns ({@link #paddedPanel});
 * a rest of at most one vector as one vector padded with zeros ({@link #oneVectorOfColumns}),
 * 8 rows at a time (then 4, then 1). Within a panel, 6 rows of C at a time: per step p, two
 * row-slices of B are loaded as vectors and each of the 6 values of A is broadcast and
 * fused-multiply-added into 12 vector accumulators (6×2 measured 10–15% faster than 4×2 at
 * 1024³ with AVX-512; 14 of the 32 vector registers, 15 of AVX2's 16). Bands of at least 6 rows
 * are packed, {@link #STEPS} steps of k at a time, GotoBLAS-style: the band's A, 6 rows at a
 * time, step-major ({@code [p][row]}), and each panel of B (steps × 2L floats, read through
 * B's strides, so a transposed B is never copied whole) into buffers that stay in L2 and L1. The packed tile reads A at {@code p·6 + row} and
 * B at {@code p·2L + j}, contiguously. At 1024³ on 2 threads this ran at 122–123 products/s in
 * three JMH forks, against 91–123 with A read through its strides and full-length k; at
 * 128×784·784×256 (an MLP layer), 161–169 against 144–150 GFLOP/s (AVX-512). The band's last
 * {@code rows mod 6} rows go in one more block, padded with zero rows, into a buffer: a 1×1
 * tile's single chain of multiply-adds waits on itself, and the 2 rows left of 128 took 15% of
 * a 128×784·784×256 product that way (8 lanes, one thread). Bands of fewer than 6 rows take
 * 4×2 and 1×1 tiles unpacked, reading B's rows in place.
 *
 * <p>Every element of C is the chain {@code s = fma(A[i][p], B[p][j], s)} for p = 0, 1, ...,
 * whichever tile computes it, and the plain kernel's formula is the same. So the result depends
 * neither on how the rows are split between threads nor on the kernel path.
 */
final class SimdMatMul {
    private static final VectorSpecies<Float> S = SimdFloatKernels.S;

    /**
     * Steps of k per pass over the packed operands: B's panel of 256 × 2L floats (32 KB with
     * AVX-512) stays in L1 while A's band of 256 steps streams from L2.
     */
    private static final int STEPS = 256;

    /**
     * A transposed A (ars = 1: each step's rows side by side, as in the weight gradient gᵀ·x)
     * of at most this many floats (64 KB) is read in place rather than packed: its 6 rows of a
     * step are already contiguous, but each step is a new cache line, and the same lines come
     * back for every panel of B, which pays only while they stay near L1. A 64-128-10 step's
     * 128×64 gᵀ (32 KB) took 15–16 µs in place against 24 packed; a 784-256-10 step's 256×128
     * gᵀ (128 KB, in place under the earlier limit of 256 KB) is faster packed: 256×128·128×784
     * took 831–923 against 925–1205 µs on one thread (3 alternating JVMs each), and the whole
     * step 1.75 against 1.98 ms (medians of 10 alternating JVMs on 2 threads, faster in 7 of
     * the 10 pairs).
     */
    private static final long A_IN_PLACE = 1 << 14;

    /**
     * Scratch buffers of at most this many floats (64 KB) are kept by their thread for its next
     * product, so a thread holds at most three; larger ones are allocated for the one product,
     * whose multiply-adds outweigh zeroing them.
     */
    private static final int SCRATCH_KEPT = 1 << 14;

    /** {@link #packedPanels}' buffers, per thread: a block of C's last rows, packed A, B's panel. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][0]);
    private static final int LAST = 0;
    private static final int PACKED_A = 1;
    private static final int PANEL = 2;

    /** The tiles' starting sums: {@link #zero} loads accumulator i's from its own place. */
    private static final float[] ZEROS = new float[12 * S.length()];

    private SimdMatMul() {
    }

    /**
     * This thread's buffer {@code slot} of at least {@code size} floats, with whatever an earlier
     * product left in it: {@link #packedPanels} writes every float it reads. Reusing them spares
     * zeroing fresh arrays on every product: a 64-128-10 step's five products, the class against
     * its previous version in one JVM (medians of 11 interleaved rounds, both ways round, two
     * JVMs each), 4–11% faster; its first layer's 64×64·64×128 23.2–25.9 against 25.4–26.6 µs.
     */
    private static float[] scratch(int slot, int size) {
        float[][] buffers = SCRATCH.get();
        if (buffers[slot].length >= size) {
            return buffers[slot];
        }
        float[] fresh = new float[size];
        if (size <= SCRATCH_KEPT) {
            buffers[slot] = fresh;
        }
        return fresh;
    }

    /**
     * A zero vector for a tile's accumulator {@code i}, loaded from its own place in
     * {@link #ZEROS}. Written {@code c00 = zero, c01 = c00, ...}, all of a tile's sums would start
     * as one value, and C2's register allocator then sometimes kept copies of them in the stack,
     * reloaded on every step of the loop (seen in the disassembly): about every other JVM ran
     * the 6×2 tile 1.5–1.9× slower (two copies of the same class in one JVM, 6 JVMs: one copy
     * slow in each; a 64-128-10 step's products 97–99 against 64–73 µs in the 4 JVMs run without
     * a profiler). With distinct starting values no copy of the class was slow in 6 JVMs (12
     * copies).
     */
    private static FloatVector zero(int i) {
        return FloatVector.fromArray(S, ZEROS, i * S.length());
    }

    /**
     * Rows [i0, i1) of C = A·B, {@code B[p][j] = b[bOff + p·brs + j·bcs]}, C's rows {@code ldc}
     * apart (n, or more for a band of C's columns): a transposed B (Wᵀ in Linear's forward) is
     * read through its strides while it is packed, not copied first.
     */
    static void rows(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                     float[] c, int cOff, int ldc, int i0, int i1, int k, int n) {
        int lanes = S.length();
        int width = 2 * lanes;
        int j = 0;
        if (i1 - i0 >= 6 && n >= width && k > 0) { // with k = 0 no tile of the packed path would store C
            packedPanels(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, i0, i1, k, n);
            j = n - n % width;
        } else if (bcs != 1 && n >= width) { // a few rows: the tiles below read B's rows in place
            float[] rowMajor = columnsRowMajor(b, bOff, brs, bcs, k, n, n);
            rows(a, aOff, ars, acs, rowMajor, 0, n, 1, c, cOff, ldc, i0, i1, k, n);
            return;
        } else {
            for (; j + width <= n; j += width) {
                int r = i0;
                for (; r + 4 <= i1; r += 4) {
                    tile4x2(a, aOff + r * ars, ars, acs, b, bOff + j, brs, c, cOff + r * ldc + j, k, ldc);
                }
                for (; r < i1; r++) {
                    tile1x1(a, aOff + r * ars, acs, b, bOff + j, brs, c, cOff + r * ldc + j, k);
                    tile1x1(a, aOff + r * ars, acs, b, bOff + j + lanes, brs, c, cOff + r * ldc + j + lanes, k);
                }
            }
        }
        if (n - j > lanes) {
            paddedPanel(a, aOff, ars, acs, b, bOff + j * bcs, brs, bcs, c, cOff + j, ldc, i0, i1, k, n - j);
            j = n;
        }
        for (; j < n; j += lanes) {
            oneVectorOfColumns(a, aOff, ars, acs, b, bOff + j * bcs, brs, bcs, c, cOff + j, ldc, i0, i1, k,
                    Math.min(lanes, n - j));
        }
    }

    /**
     * Every row of [i0, i1) (at least 6) and the columns of whole panels (2L wide), packed, in
     * steps of at most {@link #STEPS} of k: A's rows × those steps in blocks of 6 (step-major, in
     * L2; a last block of fewer rows padded with zero rows, its tiles writing into a buffer whose
     * real rows are copied to C at the end), then for each panel B's steps × 2L (in L1), then the
     * 6×2 tiles, each continuing the sums it stored for the earlier steps. A small transposed A
     * ({@link #A_IN_PLACE}) is read in place, but for its last, padded block.
     */
    private static void packedPanels(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                                     float[] c, int cOff, int ldc, int i0, int i1, int k, int n) {
        int width = 2 * S.length();
        int rows = i1 - i0;
        int whole = rows / 6;
        int lastRows = rows - 6 * whole;
        int panelsWidth = n - n % width;
        boolean aInPlace = ars == 1 && (long) acs * k <= A_IN_PLACE;
        int firstPacked = aInPlace ? i0 + 6 * whole : i0; // the rows from here are packed, the last block padded
        int packedRows = 6 * ((i1 - firstPacked + 5) / 6);
        float[] last = lastRows > 0 ? scratch(LAST, 6 * panelsWidth) : null;
        float[] packedA = scratch(PACKED_A, packedRows * Math.min(k, STEPS));
        float[] panel = scratch(PANEL, Math.min(k, STEPS) * width);
        for (int p0 = 0; p0 < k; p0 += STEPS) {
            int steps = Math.min(STEPS, k - p0);
            packSixRowBlocks(a, aOff + firstPacked * ars + p0 * acs, ars, acs, i1 - firstPacked, steps, packedA);
            for (int j = 0; j < panelsWidth; j += width) {
                packPanel(b, bOff + p0 * brs + j * bcs, brs, bcs, steps, panel);
                for (int block = 0; block < whole; block++) {
                    int cAt = cOff + (i0 + 6 * block) * ldc + j;
                    if (aInPlace) {
                        tile6x2Packed(a, aOff + i0 + 6 * block + p0 * acs, acs, panel, c, cAt, steps, ldc, p0 > 0);
                    } else {
                        tile6x2Packed(packedA, block * 6 * steps, 6, panel, c, cAt, steps, ldc, p0 > 0);
                    }
                }
                if (last != null) {
                    tile6x2Packed(packedA, (packedRows - 6) * steps, 6, panel, last, j, steps, panelsWidth, p0 > 0);
                }
            }
        }
        for (int r = 0; last != null && r < lastRows; r++) {
            System.arraycopy(last, r * panelsWidth, c, cOff + (i0 + 6 * whole + r) * ldc, panelsWidth);
        }
    }

    /**
     * {@code rows} rows of A (row r, step p at {@code a0 + r·ars + p·acs}, steps [0, steps)) as
     * blocks of 6 rows, each step-major: {@code packed[block·6·steps + p·6 + row]}; a last,
     * partial block's missing rows are zeros. (The whole blocks' six copies are written out: as
     * a loop over the rows, packing a transposed A took 40% longer.)
     */
    private static void packSixRowBlocks(float[] a, int a0, int ars, int acs, int rows, int steps, float[] packed) {
        int whole = rows / 6;
        int at = 0;
        for (int block = 0; block < whole; block++) {
            int from = a0 + block * 6 * ars;
            for (int p = 0; p < steps; p++, at += 6, from += acs) {
                packed[at] = a[from];
                packed[at + 1] = a[from + ars];
                packed[at + 2] = a[from + 2 * ars];
                packed[at + 3] = a[from + 3 * ars];
                packed[at + 4] = a[from + 4 * ars];
                packed[at + 5] = a[from + 5 * ars];
            }
        }
        int inBlock = rows - 6 * whole;
        if (inBlock > 0) {
            int rowStart = a0 + whole * 6 * ars;
            for (int p = 0; p < steps; p++, at += 6) {
                for (int row = 0, from = rowStart + p * acs; row < 6; row++, from += ars) {
                    packed[at + row] = row < inBlock ? a[from] : 0f;
                }
            }
        }
    }

    /** B's {@code steps} × 2L panel at b0 ({@code B[p][q] = b[b0 + p·brs + q·bcs]}) into {@code panel[p·2L + q]}. */
    private static void packPanel(float[] b, int b0, int brs, int bcs, int steps, float[] panel) {
        int width = 2 * S.length();
        if (bcs == 1) {
            for (int p = 0; p < steps; p++) {
                System.arraycopy(b, b0 + p * brs, panel, p * width, width);
            }
            return;
        }
        for (int q = 0; q < width; q++) { // a transposed B: each column of the panel is contiguous
            for (int p = 0, src = b0 + q * bcs; p < steps; p++, src += brs) {
                panel[p * width + q] = b[src];
            }
        }
    }

    /**
     * B's first {@code cols} columns ({@code B[p][q] = b[bOff + p·brs + q·bcs]}) copied into k
     * rows of {@code width} floats, zeros after the first {@code cols} of each.
     */
    private static float[] columnsRowMajor(float[] b, int bOff, int brs, int bcs, int k, int cols, int width) {
        float[] rowMajor = new float[k * width];
        for (int p = 0; p < k; p++) {
            for (int q = 0, src = bOff + p * brs; q < cols; q++, src += bcs) {
                rowMajor[p * width + q] = b[src];
            }
        }
        return rowMajor;
    }

    /**
     * The last {@code cols} columns of C, more than one vector but less than two (10 logits with
     * 8 lanes), as one panel: B's columns copied into a k×2L panel padded with zero columns, 4
     * rows of C at a time (then 1) with A read through its strides, into a buffer whose first
     * {@code cols} floats of each row are copied into C. Two passes of one vector each read
     * every row of A twice and load 8 values of A per vector of B instead of 2: a 64×128·128×10
     * product (64-128-10's logits) took 7.7 against 11.3 µs, 128×256·256×10 25.7 against 35.6
     * (medians of 9 interleaved rounds in one JVM, one thread, 8 lanes, measured with 6×2 tiles;
     * the 4×2 tiles, which need no second copy of the 6×2 code, are 5–8% slower there: 0.3 µs of
     * a 64-128-10 step).
     */
    private static void paddedPanel(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                                    float[] c, int cOff, int ldc, int i0, int i1, int k, int cols) {
        int lanes = S.length();
        int width = 2 * lanes;
        float[] panel = columnsRowMajor(b, bOff, brs, bcs, k, cols, width);
        float[] out = new float[(i1 - i0) * width];
        int r = i0;
        for (; r + 4 <= i1; r += 4) {
            tile4x2(a, aOff + r * ars, ars, acs, panel, 0, width, out, (r - i0) * width, k, width);
        }
        for (; r < i1; r++) {
            tile1x1(a, aOff + r * ars, acs, panel, 0, width, out, (r - i0) * width, k);
            tile1x1(a, aOff + r * ars, acs, panel, lanes, width, out, (r - i0) * width + lanes, k);
        }
        for (int i = i0; i < i1; i++) {
            System.arraycopy(out, (i - i0) * width, c, cOff + i * ldc, cols);
        }
    }

    /**
     * {@code cols} (at most L) columns of C, at {@code c[cOff + i·ldc]}, as one vector: 8 rows at a
     * time (then 4, then 1). B's columns are read in place when they are one whole contiguous
     * vector per step; otherwise they are copied into a k×L panel padded with zeros, the tiles
     * write rows of L into a buffer, and the first {@code cols} of each are copied into C.
     * (Element by element, as the plain kernel would do them, each column's sum is one chain of k
     * multiply-adds waiting on each other: a third of a 64-128-10 step with 8 lanes went there.)
     */
    private static void oneVectorOfColumns(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs,
                                           int bcs, float[] c, int cOff, int ldc, int i0, int i1, int k, int cols) {
        int lanes = S.length();
        boolean inPlace = bcs == 1 && cols == lanes;
        float[] panel = b;
        int panelOff = bOff;
        int panelStride = brs;
        if (!inPlace) {
            panel = columnsRowMajor(b, bOff, brs, bcs, k, cols, lanes);
            panelOff = 0;
            panelStride = lanes;
        }
        float[] out = inPlace ? c : new float[(i1 - i0) * lanes];
        int outOff = inPlace ? cOff + i0 * ldc : 0;
        int outStride = inPlace ? ldc : lanes;
        int r = i0;
        for (; r + 8 <= i1; r += 8) {
            tile8x1(a, aOff + r * ars, ars, acs, panel, panelOff, panelStride, out, outOff + (r - i0) * outStride, k, outStride);
        }
        for (; r + 4 <= i1; r += 4) {
            tile4x1(a, aOff + r * ars, ars, acs, panel, panelOff, panelStride, out, outOff + (r - i0) * outStride, k, outStride);
        }
        for (; r < i1; r++) {
            tile1x1(a, aOff + r * ars, acs, panel, panelOff, panelStride, out, outOff + (r - i0) * outStride, k);
        }
        for (int i = i0; !inPlace && i < i1; i++) {
            System.arraycopy(out, (i - i0) * lanes, c, cOff + i * ldc, cols);
        }
    }

    /**
     * C[r.., 6 rows × 2 vectors] from packed operands: A's block at {@code a0}, its 6 rows of a
     * step side by side and steps {@code aStep} apart (6 as {@link #packSixRowBlocks} writes
     * it, or a transposed A's row length in place), B's panel with rows of 2L floats from 0. With
     * {@code resume}, the sums start from C's values: a stored float continues the chain
     * {@code s = fma(a, b, s)} exactly, so splitting k changes no bit.
     */
    private static void tile6x2Packed(float[] a, int a0, int aStep, float[] b, float[] c, int r, int k, int n,
                                      boolean resume) {
        int lanes = S.length();
        int width = 2 * lanes;
        FloatVector c00 = zero(0), c01 = zero(1), c10 = zero(2), c11 = zero(3), c20 = zero(4), c21 = zero(5);
        FloatVector c30 = zero(6), c31 = zero(7), c40 = zero(8), c41 = zero(9), c50 = zero(10), c51 = zero(11);
        if (resume) {
            c00 = FloatVector.fromArray(S, c, r);
            c01 = FloatVector.fromArray(S, c, r + lanes);
            c10 = FloatVector.fromArray(S, c, r + n);
            c11 = FloatVector.fromArray(S, c, r + n + lanes);
            c20 = FloatVector.fromArray(S, c, r + 2 * n);
            c21 = FloatVector.fromArray(S, c, r + 2 * n + lanes);
            c30 = FloatVector.fromArray(S, c, r + 3 * n);
            c31 = FloatVector.fromArray(S, c, r + 3 * n + lanes);
            c40 = FloatVector.fromArray(S, c, r + 4 * n);
            c41 = FloatVector.fromArray(S, c, r + 4 * n + lanes);
            c50 = FloatVector.fromArray(S, c, r + 5 * n);
            c51 = FloatVector.fromArray(S, c, r + 5 * n + lanes);
        }
        // the 12 accumulators are named and the rows unrolled: vectors kept in an array, or passed
        // to a method C2 does not inline, are boxed on every step
        for (int p = 0; p < k; p++) {
            FloatVector v0 = FloatVector.fromArray(S, b, p * width);
            FloatVector v1 = FloatVector.fromArray(S, b, p * width + lanes);
            int pa = a0 + p * aStep;
            FloatVector x = FloatVector.broadcast(S, a[pa]);
            c00 = x.fma(v0, c00);
            c01 = x.fma(v1, c01);
            x = FloatVector.broadcast(S, a[pa + 1]);
            c10 = x.fma(v0, c10);
            c11 = x.fma(v1, c11);
            x = FloatVector.broadcast(S, a[pa + 2]);
            c20 = x.fma(v0, c20);
            c21 = x.fma(v1, c21);
            x = FloatVector.broadcast(S, a[pa + 3]);
            c30 = x.fma(v0, c30);
            c31 = x.fma(v1, c31);
            x = FloatVector.broadcast(S, a[pa + 4]);
            c40 = x.fma(v0, c40);
            c41 = x.fma(v1, c41);
            x = FloatVector.broadcast(S, a[pa + 5]);
            c50 = x.fma(v0, c50);
            c51 = x.fma(v1, c51);
        }
        c00.intoArray(c, r);
        c01.intoArray(c, r + lanes);
        c10.intoArray(c, r + n);
        c11.intoArray(c, r + n + lanes);
        c20.intoArray(c, r + 2 * n);
        c21.intoArray(c, r + 2 * n + lanes);
        c30.intoArray(c, r + 3 * n);
        c31.intoArray(c, r + 3 * n + lanes);
        c40.intoArray(c, r + 4 * n);
        c41.intoArray(c, r + 4 * n + lanes);
        c50.intoArray(c, r + 5 * n);
        c51.intoArray(c, r + 5 * n + lanes);
    }

    /** C[r.., 4 rows × 2 vectors] from A's 4 rows at a0 and B's columns at b0. */
    private static void tile4x2(float[] a, int a0, int ars, int acs, float[] b, int b0, int brs,
                                float[] c, int r, int k, int n) {
        int lanes = S.length();
        FloatVector c00 = zero(0), c01 = zero(1), c10 = zero(2), c11 = zero(3);
        FloatVector c20 = zero(4), c21 = zero(5), c30 = zero(6), c31 = zero(7);
        for (int p = 0, pa = a0, pb = b0; p < k; p++, pa += acs, pb += brs) {
            FloatVector v0 = FloatVector.fromArray(S, b, pb);
            FloatVector v1 = FloatVector.fromArray(S, b, pb + lanes);
            FloatVector x = FloatVector.broadcast(S, a[pa]);
            c00 = x.fma(v0, c00);
            c01 = x.fma(v1, c01);
            x = FloatVector.broadcast(S, a[pa + ars]);
            c10 = x.fma(v0, c10);
            c11 = x.fma(v1, c11);
            x = FloatVector.broadcast(S, a[pa + 2 * ars]);
            c20 = x.fma(v0, c20);
            c21 = x.fma(v1, c21);
            x = FloatVector.broadcast(S, a[pa + 3 * ars]);
            c30 = x.fma(v0, c30);
            c31 = x.fma(v1, c31);
        }
        c00.intoArray(c, r);
        c01.intoArray(c, r + lanes);
        c10.intoArray(c, r + n);
        c11.intoArray(c, r + n + lanes);
        c20.intoArray(c, r + 2 * n);
        c21.intoArray(c, r + 2 * n + lanes);
        c30.intoArray(c, r + 3 * n);
        c31.intoArray(c, r + 3 * n + lanes);
    }

    /** C[r.., 8 rows × 1 vector]: eight independent sums, enough to keep the multiply-adds busy. */
    private static void tile8x1(float[] a, int a0, int ars, int acs, float[] b, int b0, int brs,
                                float[] c, int r, int k, int n) {
        FloatVector c0 = zero(0), c1 = zero(1), c2 = zero(2), c3 = zero(3);
        FloatVector c4 = zero(4), c5 = zero(5), c6 = zero(6), c7 = zero(7);
        for (int p = 0, pa = a0, pb = b0; p < k; p++, pa += acs, pb += brs) {
            FloatVector v = FloatVector.fromArray(S, b, pb);
            c0 = FloatVector.broadcast(S, a[pa]).fma(v, c0);
            c1 = FloatVector.broadcast(S, a[pa + ars]).fma(v, c1);
            c2 = FloatVector.broadcast(S, a[pa + 2 * ars]).fma(v, c2);
            c3 = FloatVector.broadcast(S, a[pa + 3 * ars]).fma(v, c3);
            c4 = FloatVector.broadcast(S, a[pa + 4 * ars]).fma(v, c4);
            c5 = FloatVector.broadcast(S, a[pa + 5 * ars]).fma(v, c5);
            c6 = FloatVector.broadcast(S, a[pa + 6 * ars]).fma(v, c6);
            c7 = FloatVector.broadcast(S, a[pa + 7 * ars]).fma(v, c7);
        }
        c0.intoArray(c, r);
        c1.intoArray(c, r + n);
        c2.intoArray(c, r + 2 * n);
        c3.intoArray(c, r + 3 * n);
        c4.intoArray(c, r + 4 * n);
        c5.intoArray(c, r + 5 * n);
        c6.intoArray(c, r + 6 * n);
        c7.intoArray(c, r + 7 * n);
    }

    /** C[r.., 4 rows × 1 vector]. */
    private static void tile4x1(float[] a, int a0, int ars, int acs, float[] b, int b0, int brs,
                                float[] c, int r, int k, int n) {
        FloatVector c0 = zero(0), c1 = zero(1), c2 = zero(2), c3 = zero(3);
        for (int p = 0, pa = a0, pb = b0; p < k; p++, pa += acs, pb += brs) {
            FloatVector v = FloatVector.fromArray(S, b, pb);
            c0 = FloatVector.broadcast(S, a[pa]).fma(v, c0);
            c1 = FloatVector.broadcast(S, a[pa + ars]).fma(v, c1);
            c2 = FloatVector.broadcast(S, a[pa + 2 * ars]).fma(v, c2);
            c3 = FloatVector.broadcast(S, a[pa + 3 * ars]).fma(v, c3);
        }
        c0.intoArray(c, r);
        c1.intoArray(c, r + n);
        c2.intoArray(c, r + 2 * n);
        c3.intoArray(c, r + 3 * n);
    }

    /** C[r.., 1 row × 1 vector]. */
    private static void tile1x1(float[] a, int a0, int acs, float[] b, int b0, int brs, float[] c, int r, int k) {
        FloatVector acc = FloatVector.zero(S);
        for (int p = 0, pa = a0, pb = b0; p < k; p++, pa += acs, pb += brs) {
            acc = FloatVector.broadcast(S, a[pa]).fma(FloatVector.fromArray(S, b, pb), acc);
        }
        acc.intoArray(c, r);
    }
}
