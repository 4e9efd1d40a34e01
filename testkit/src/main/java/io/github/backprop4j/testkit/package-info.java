/**
 * Test support shared by every module: one reference-file loader ({@link
 * io.github.backprop4j.testkit.ReferenceFiles}), one JSON tensor decoder ({@link
 * io.github.backprop4j.testkit.TensorData}), one tolerance assertion ({@link
 * io.github.backprop4j.testkit.Tolerance}), and QuickTheories generators that shrink ({@link
 * io.github.backprop4j.testkit.Gens}, {@link io.github.backprop4j.testkit.LossShapes}).
 *
 * <p>The kit knows nothing of backprop4j's types, so that tensor's own tests can use it; the
 * adapter to {@code Tensor} is {@code io.github.backprop4j.tensor.testkit.TensorKit}, shipped in
 * tensor's test-jar.
 */
package io.github.backprop4j.testkit;
