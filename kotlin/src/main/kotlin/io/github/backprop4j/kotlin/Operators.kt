/**
 * Operators Kotlin cannot get from the Java API: Java methods become Kotlin operators only on the
 * left operand's own class, so `t * 2.0` works out of the box but `2.0 * t` needs an extension on
 * [Double], and `variable + tensor` one on [Variable]. Each one here is the PyTorch expression of
 * the same name: `2.0 - t` is `torch.rsub(t, 2.0)`, `v + t` adds `t` as a constant.
 *
 * Import them with `import io.github.backprop4j.kotlin.*`.
 */
@file:JvmName("Operators")

package io.github.backprop4j.kotlin

import io.github.backprop4j.autograd.Variable
import io.github.backprop4j.tensor.DType
import io.github.backprop4j.tensor.Tensor

// ---------------------------------------------------------------- scalar on the left of a Tensor

/** `a + t`, the same as `t + a`. */
operator fun Double.plus(t: Tensor): Tensor = t.plus(this)

/** `a − t` elementwise, computed as `(−t) + a` (bit-for-bit `a − t` in IEEE arithmetic). */
operator fun Double.minus(t: Tensor): Tensor = t.unaryMinus().plus(this)

/** `a · t`, the same as `t · a`. */
operator fun Double.times(t: Tensor): Tensor = t.times(this)

/** `a / t` elementwise (true division: an int64 `t` gives float32, as in PyTorch). */
operator fun Double.div(t: Tensor): Tensor = Tensor.scalar(this, floatingTypeOf(t.dtype())).div(t)

/** `n + t`; an int64 `t` stays int64. */
operator fun Long.plus(t: Tensor): Tensor = t.plus(this)

/** `n − t`; an int64 `t` stays int64 (wrapping around as `long` does). */
operator fun Long.minus(t: Tensor): Tensor = t.unaryMinus().plus(this)

/** `n · t`; an int64 `t` stays int64. */
operator fun Long.times(t: Tensor): Tensor = t.times(this)

/** `n / t`, true division. */
operator fun Long.div(t: Tensor): Tensor = toDouble() / t

/** `n + t`; an int64 `t` stays int64. */
operator fun Int.plus(t: Tensor): Tensor = toLong() + t

/** `n − t`; an int64 `t` stays int64. */
operator fun Int.minus(t: Tensor): Tensor = toLong() - t

/** `n · t`; an int64 `t` stays int64. */
operator fun Int.times(t: Tensor): Tensor = toLong() * t

/** `n / t`, true division. */
operator fun Int.div(t: Tensor): Tensor = toDouble() / t

// -------------------------------------------------------------- scalar on the left of a Variable

/** `a + v`. */
operator fun Double.plus(v: Variable): Variable = v.plus(this)

/** `a − v`, as `(−v) + a`; the gradient with respect to `v` is −1. */
operator fun Double.minus(v: Variable): Variable = v.unaryMinus().plus(this)

/** `a · v`. */
operator fun Double.times(v: Variable): Variable = v.times(this)

/** `a / v`; the gradient with respect to `v` is `−a / v²`. */
operator fun Double.div(v: Variable): Variable = Variable.of(Tensor.scalar(this, v.dtype())).div(v)

/** `n + v`. */
operator fun Int.plus(v: Variable): Variable = toDouble() + v

/** `n − v`. */
operator fun Int.minus(v: Variable): Variable = toDouble() - v

/** `n · v`. */
operator fun Int.times(v: Variable): Variable = toDouble() * v

/** `n / v`. */
operator fun Int.div(v: Variable): Variable = toDouble() / v

// ------------------------------------------------------------------- Variable with a Tensor

/** `v + t`: `t` joins the graph as a constant (no gradient flows into it). */
operator fun Variable.plus(t: Tensor): Variable = plus(Variable.of(t))

/** `v − t`, `t` a constant. */
operator fun Variable.minus(t: Tensor): Variable = minus(Variable.of(t))

/** `v · t`, `t` a constant. */
operator fun Variable.times(t: Tensor): Variable = times(Variable.of(t))

/** `v / t`, `t` a constant. */
operator fun Variable.div(t: Tensor): Variable = div(Variable.of(t))

/** `t + v`, `t` a constant. */
operator fun Tensor.plus(v: Variable): Variable = Variable.of(this).plus(v)

/** `t − v`, `t` a constant. */
operator fun Tensor.minus(v: Variable): Variable = Variable.of(this).minus(v)

/** `t · v`, `t` a constant. */
operator fun Tensor.times(v: Variable): Variable = Variable.of(this).times(v)

/** `t / v`, `t` a constant. */
operator fun Tensor.div(v: Variable): Variable = Variable.of(this).div(v)

/** The dtype a floating scalar takes next to a tensor of `dtype`: int64 tensors give float32. */
private fun floatingTypeOf(dtype: DType): DType = if (dtype.isFloatingPoint) dtype else DType.FLOAT32
