package io.github.backprop4j.examples.kotlin

import io.github.backprop4j.autograd.GradMode
import io.github.backprop4j.autograd.Variable
import io.github.backprop4j.losses.LossOptions
import io.github.backprop4j.losses.Losses
import io.github.backprop4j.tensor.Generator
import io.github.backprop4j.tensor.Tensor

/**
 * A two-layer classifier for XOR written from Kotlin with nothing but operators: `a + b`,
 * `x.matmul(w)`, `p - g * lr`, and `x[i, j]` to read single entries. No extension functions are
 * needed; the Java API's method names (plus, minus, times, get) are Kotlin's operator names.
 */
class XorClassifier(seed: Long = 0, hidden: Int = 8) {
    private val gen = Generator(seed)
    val w1 = Variable.parameter(Tensor.randn(gen, 2, hidden) * 0.7)
    val b1 = Variable.parameter(Tensor.zeros(hidden))
    val w2 = Variable.parameter(Tensor.randn(gen, hidden, 2) * 0.7)
    val b2 = Variable.parameter(Tensor.zeros(2))
    private val parameters = listOf(w1, b1, w2, b2)

    /** Logits for a batch of points (n, 2): relu(x·W1 + b1)·W2 + b2. */
    fun logits(x: Variable): Variable = (x.matmul(w1) + b1).relu().matmul(w2) + b2

    /** One step of plain gradient descent on the cross-entropy; returns the loss before the step. */
    fun step(x: Tensor, labels: Tensor, lr: Double): Double {
        val loss = Losses.crossEntropy(logits(Variable.of(x)), Variable.of(labels), LossOptions.defaults())
        parameters.forEach { it.zeroGrad() }
        loss.backward()
        GradMode.noGrad().use {
            for (p in parameters) {
                p.assign(p.value() - p.grad()!!.value() * lr)
            }
        }
        return loss.item()
    }

    /** Fraction of points whose larger logit is their label, read entry by entry with `[i, j]`. */
    fun accuracy(x: Tensor, labels: Tensor): Double {
        val z = GradMode.noGrad().use { logits(Variable.of(x)).value() }
        var right = 0
        for (i in 0 until z.size(0)) {
            val predicted = if (z[i, 1].item() > z[i, 0].item()) 1L else 0L
            if (predicted == labels[i].item().toLong()) right++
        }
        return right.toDouble() / z.size(0)
    }

    companion object {
        /** Points in [−1, 1]², labelled 1 when both coordinates have the same sign. */
        fun xorData(count: Int, seed: Long): Pair<Tensor, Tensor> {
            val gen = Generator(seed)
            val points = Tensor.rand(gen, count, 2) * 2.0 - 1.0
            val labels = LongArray(count) { i ->
                if ((points[i, 0].item() > 0) == (points[i, 1].item() > 0)) 1L else 0L
            }
            return points to Tensor.of(*labels)
        }
    }
}

/** Trains on 400 XOR points and prints the loss as it falls and the final accuracy. */
fun main() {
    val (x, y) = XorClassifier.xorData(400, seed = 1)
    val model = XorClassifier(seed = 0, hidden = 16)
    for (epoch in 1..300) {
        val loss = model.step(x, y, lr = 0.5)
        if (epoch % 50 == 0) println("epoch $epoch  loss ${"%.4f".format(loss)}")
    }
    println("training accuracy ${"%.4f".format(model.accuracy(x, y))}")
}
