/**
 * The SIMD kernels, on the incubating {@code jdk.incubator.vector} API. Nothing names these
 * classes: {@link io.github.backprop4j.tensor.internal.Kernels} loads them reflectively, and only
 * when the JVM was started with {@code --add-modules jdk.incubator.vector}, so without that flag
 * they are never loaded and their missing imports never matter.
 */
@NullMarked
package io.github.backprop4j.tensor.internal.simd;

import org.jspecify.annotations.NullMarked;
