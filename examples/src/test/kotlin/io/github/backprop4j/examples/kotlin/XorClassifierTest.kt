package io.github.backprop4j.examples.kotlin

import io.github.backprop4j.tensor.Tensor
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Runs the Kotlin example inside `mvn verify`: if the Java API reads badly from Kotlin, this stops compiling. */
class XorClassifierTest {
    @Test
    fun learnsXorWithOperatorsOnly() {
        val (x, y) = XorClassifier.xorData(400, seed = 1)
        val (xTest, yTest) = XorClassifier.xorData(200, seed = 2)
        val model = XorClassifier(seed = 0, hidden = 16)
        val losses = (1..300).map { model.step(x, y, lr = 0.5) }
        assertTrue(losses.last() < losses.first() / 4, "loss fell from ${losses.first()} to ${losses.last()}")
        assertTrue(model.accuracy(xTest, yTest) >= 0.95, "held-out accuracy ${model.accuracy(xTest, yTest)}")
    }

    @Test
    fun operatorsMeanWhatTheJavaMethodsMean() {
        val a = Tensor.of(1.0, 2.0)
        val b = Tensor.of(10.0, 20.0)
        assertEquals(a.plus(b), a + b)
        assertEquals(Tensor.of(-1.0, -2.0), -a)
        assertEquals(40.0, (a * b)[1].item())
        val m = Tensor.of(arrayOf(doubleArrayOf(1.0, 2.0), doubleArrayOf(3.0, 4.0)))
        assertEquals(3.0, m[1, 0].item())
    }
}
