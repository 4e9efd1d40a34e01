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

/**
 * `a + t` elementwise, the same as `t + a`. The result has `t`'s dtype, except that an int64 `t`
 * gives float32 (a floating scalar promotes an integer tensor, as in PyTorch).
 */
operator fun Double.plus(t: Tensor): Tensor = t.plus(this)

/**
 * `a − t` elementwise (PyTorch's `torch.rsub(t, a)`). Dtype as for [Double.plus]: an int64 `t` is
 * converted to float32 first, then negated, so `Long.MIN_VALUE` cannot wrap; `(−t) + a` is bit for
 * bit `a − t` in IEEE arithmetic.
 */
operator fun Double.minus(t: Tensor): Tensor = t.to(floatingTypeOf(t.dtype())).unaryMinus().plus(this)

/**
 * `a · t` elementwise, the same as `t · a`. The result has `t`'s dtype; an int64 `t` gives
 * float32.
 */
operator fun Double.times(t: Tensor): Tensor = t.times(this)

/**
 * `a / t` elementwise, true division: `a` is taken in `t`'s floating dtype (float32 for an int64
 * `t`, as in PyTorch) and divided by each element; division by 0 gives ±∞ or NaN.
 */
operator fun Double.div(t: Tensor): Tensor = Tensor.scalar(this, floatingTypeOf(t.dtype())).div(t)

/**
 * `n + t` elementwise. An int64 `t` stays int64 and wraps around on overflow as `long` does; a
 * floating `t` keeps its dtype.
 */
operator fun Long.plus(t: Tensor): Tensor = t.plus(this)

/**
 * `n − t` elementwise, computed as `(−t) + n`. An int64 `t` stays int64 and the result is exact
 * modulo 2⁶⁴ (it wraps as `long` does); a floating `t` keeps its dtype.
 */
operator fun Long.minus(t: Tensor): Tensor = t.unaryMinus().plus(this)

/**
 * `n · t` elementwise. An int64 `t` stays int64 and wraps on overflow; a floating `t` keeps its
 * dtype.
 */
operator fun Long.times(t: Tensor): Tensor = t.times(this)

/**
 * `n / t` elementwise, true division as [Double.div]: `n` is converted to a `Double` first
 * (exact up to 2⁵³), and an int64 `t` gives float32.
 */
operator fun Long.div(t: Tensor): Tensor = toDouble() / t

/** `n + t` elementwise, as [Long.plus]: an int64 `t` stays int64. */
operator fun Int.plus(t: Tensor): Tensor = toLong() + t

/** `n − t` elementwise, as [Long.minus]: an int64 `t` stays int64. */
operator fun Int.minus(t: Tensor): Tensor = toLong() - t

/** `n · t` elementwise, as [Long.times]: an int64 `t` stays int64. */
operator fun Int.times(t: Tensor): Tensor = toLong() * t

/** `n / t` elementwise, true division as [Double.div]: an int64 `t` gives float32. */
operator fun Int.div(t: Tensor): Tensor = toDouble() / t

// -------------------------------------------------------------- scalar on the left of a Variable

/**
 * `a + v` elementwise, the same as `v + a`, recorded in `v`'s graph; `a` is taken in `v`'s
 * floating dtype. The gradient with respect to `v` is the incoming gradient, unchanged.
 */
operator fun Double.plus(v: Variable): Variable = v.plus(this)

/**
 * `a − v` elementwise: `a` becomes a constant of `v`'s floating dtype (float32 for an int64 `v`,
 * as in PyTorch). The gradient with respect to `v` is −1 times the incoming gradient.
 */
operator fun Double.minus(v: Variable): Variable = Variable.of(Tensor.scalar(this, floatingTypeOf(v.dtype()))).minus(v)

/**
 * `a · v` elementwise, the same as `v · a`. The gradient with respect to `v` is `a` times the
 * incoming gradient.
 */
operator fun Double.times(v: Variable): Variable = v.times(this)

/**
 * `a / v` elementwise, true division: `a` becomes a constant of `v`'s floating dtype (float32 for
 * an int64 `v`, as in PyTorch, never truncated to an integer), divided by each element. The
 * gradient with respect to `v` is `−a / v²` times the incoming gradient.
 */
operator fun Double.div(v: Variable): Variable = Variable.of(Tensor.scalar(this, floatingTypeOf(v.dtype()))).div(v)

/** `n + v` elementwise, as `n.toDouble() + v` ([Double.plus]); gradient 1. */
operator fun Int.plus(v: Variable): Variable = toDouble() + v

/** `n − v` elementwise, as `n.toDouble() − v` ([Double.minus]); gradient −1. */
operator fun Int.minus(v: Variable): Variable = toDouble() - v

/** `n · v` elementwise, as `n.toDouble() · v` ([Double.times]); gradient `n`. */
operator fun Int.times(v: Variable): Variable = toDouble() * v

/** `n / v` elementwise, as `n.toDouble() / v` ([Double.div]); gradient `−n / v²`. */
operator fun Int.div(v: Variable): Variable = toDouble() / v

// ------------------------------------------------------------------- Variable with a Tensor

/**
 * `v + t`, broadcast as in PyTorch: `t` joins the graph as a constant (no gradient flows into it).
 * The gradient with respect to `v` is the incoming gradient summed back to `v`'s shape.
 */
operator fun Variable.plus(t: Tensor): Variable = plus(Variable.of(t))

/**
 * `v − t`, broadcast, `t` a constant. The gradient with respect to `v` is the incoming gradient
 * summed back to `v`'s shape.
 */
operator fun Variable.minus(t: Tensor): Variable = minus(Variable.of(t))

/**
 * `v · t` elementwise, broadcast, `t` a constant. The gradient with respect to `v` is `t` times
 * the incoming gradient, summed back to `v`'s shape.
 */
operator fun Variable.times(t: Tensor): Variable = times(Variable.of(t))

/**
 * `v / t` elementwise, broadcast, `t` a constant. The gradient with respect to `v` is the incoming
 * gradient divided by `t`, summed back to `v`'s shape.
 */
operator fun Variable.div(t: Tensor): Variable = div(Variable.of(t))

/**
 * `t + v`, broadcast, `t` a constant. The gradient with respect to `v` is the incoming gradient
 * summed back to `v`'s shape.
 */
operator fun Tensor.plus(v: Variable): Variable = Variable.of(this).plus(v)

/**
 * `t − v`, broadcast, `t` a constant. The gradient with respect to `v` is −1 times the incoming
 * gradient, summed back to `v`'s shape.
 */
operator fun Tensor.minus(v: Variable): Variable = Variable.of(this).minus(v)

/**
 * `t · v` elementwise, broadcast, `t` a constant. The gradient with respect to `v` is `t` times
 * the incoming gradient, summed back to `v`'s shape.
 */
operator fun Tensor.times(v: Variable): Variable = Variable.of(this).times(v)

/**
 * `t / v` elementwise, broadcast, `t` a constant. The gradient with respect to `v` is `−t / v²`
 * times the incoming gradient, summed back to `v`'s shape.
 */
operator fun Tensor.div(v: Variable): Variable = Variable.of(this).div(v)

/** The dtype a floating scalar takes next to a tensor of `dtype`: int64 tensors give float32. */
private fun floatingTypeOf(dtype: DType): DType = if (dtype.isFloatingPoint) dtype else DType.FLOAT32
