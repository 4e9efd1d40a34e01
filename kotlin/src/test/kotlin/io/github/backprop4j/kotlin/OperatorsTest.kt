package io.github.backprop4j.kotlin

import io.github.backprop4j.autograd.Variable
import io.github.backprop4j.tensor.DType
import io.github.backprop4j.tensor.Tensor
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

/**
 * Each operator against the value worked out elementwise in Kotlin, and the gradients against
 * their closed forms (d(a − v)/dv = −1, d(a / v)/dv = −a / v²).
 */
class OperatorsTest {
    private val values = doubleArrayOf(0.5, -2.0, 4.0)
    private val t = Tensor.of(*values)

    @Test
    fun doubleOnTheLeftOfATensor() {
        assertArrayEquals(values.map { 2.0 + it }.toDoubleArray(), (2.0 + t).toDoubleArray())
        assertArrayEquals(values.map { 2.0 - it }.toDoubleArray(), (2.0 - t).toDoubleArray())
        assertArrayEquals(values.map { 2.0 * it }.toDoubleArray(), (2.0 * t).toDoubleArray())
        assertArrayEquals(values.map { 2.0 / it }.toDoubleArray(), (2.0 / t).toDoubleArray())
        assertEquals(DType.FLOAT64, (2.0 / t).dtype())
    }

    @Test
    fun integersOnTheLeftKeepInt64Exact() {
        val big = Tensor.of((1L shl 53) + 1, Long.MAX_VALUE)
        assertArrayEquals(longArrayOf((1L shl 53) + 2, Long.MIN_VALUE), (1 + big).toLongArray())
        assertArrayEquals(longArrayOf(1 - ((1L shl 53) + 1), 1 - Long.MAX_VALUE), (1L - big).toLongArray())
        assertEquals(DType.INT64, (3 * big).dtype())
        assertEquals(DType.FLOAT32, (1.0 - big).dtype(), "a floating scalar promotes int64 to float32, as in PyTorch")
        assertArrayEquals(floatArrayOf(0.5f, 0.25f), (1 / Tensor.of(2L, 4L)).toFloatArray())
    }

    @Test
    fun doubleOnTheLeftOfInt64IsComputedInFloat32WithoutWrapping() {
        val extremes = Tensor.of(Long.MIN_VALUE, 3L)
        // PyTorch: 1.0 - torch.tensor([-2**63, 3]) == tensor([9.2234e+18, -2.0])
        assertArrayEquals(floatArrayOf(9.223372E18f, -2f), (1.0 - extremes).toFloatArray())
        // 2.5 / torch.tensor([2, 4]) == tensor([1.2500, 0.6250]): 2.5 is not truncated to 2
        val ints = Variable.of(Tensor.of(2L, 4L))
        assertArrayEquals(floatArrayOf(1.25f, 0.625f), (2.5 / ints).value().toFloatArray())
        assertArrayEquals(floatArrayOf(0.5f, -1.5f), (2.5 - ints).value().toFloatArray())
        assertEquals(DType.FLOAT32, (2.5 - ints).dtype())
    }

    @Test
    fun scalarOnTheLeftOfAVariableHasTheRightGradient() {
        val v = Variable.parameter(t)
        (3.0 - v).sum().backward()
        assertArrayEquals(doubleArrayOf(-1.0, -1.0, -1.0), v.grad()!!.value().toDoubleArray())
        v.zeroGrad()
        (3.0 / v).sum().backward()
        assertArrayEquals(values.map { -3.0 / (it * it) }.toDoubleArray(), v.grad()!!.value().toDoubleArray(), 1e-15)
        v.zeroGrad()
        (2 * v + 1.0).sum().backward()
        assertArrayEquals(doubleArrayOf(2.0, 2.0, 2.0), v.grad()!!.value().toDoubleArray())
    }

    @Test
    fun variableWithTensorTreatsTheTensorAsAConstant() {
        val v = Variable.parameter(t)
        val c = Tensor.of(1.0, 2.0, 3.0)
        assertArrayEquals(doubleArrayOf(1.5, 0.0, 7.0), (v + c).value().toDoubleArray())
        assertArrayEquals(doubleArrayOf(0.5, 4.0, -1.0), (c - v).value().toDoubleArray())
        assertArrayEquals(doubleArrayOf(0.5, -4.0, 12.0), (v * c).value().toDoubleArray())
        assertArrayEquals(doubleArrayOf(2.0, -1.0, 0.75), (c / v).value().toDoubleArray())
        (v * c + c / 1.0).sum().backward()
        assertArrayEquals(doubleArrayOf(1.0, 2.0, 3.0), v.grad()!!.value().toDoubleArray())
        assertArrayEquals(doubleArrayOf(0.5, -1.0, 4.0 / 3), (v / c).value().toDoubleArray(), 1e-15)
    }

    @Test
    fun nullabilityComesFromTheJSpecifyAnnotations() {
        // With -Xjspecify-annotations=strict, grad() is Variable? (the compiler forces the !! above)
        // and value() is Tensor, never Tensor!: a nullable assignment compiles, a dereference would not.
        val v = Variable.parameter(t)
        val g: Variable? = v.grad()
        assertNull(g)
        val value: Tensor = v.value()
        assertEquals(3, value.numel())
    }
}
