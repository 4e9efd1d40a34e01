package io.github.backprop4j.examples.library

import io.github.backprop4j.kotlin.times
import io.github.backprop4j.losses.CrossEntropyLoss
import io.github.backprop4j.nn.Linear
import io.github.backprop4j.nn.ReLU
import io.github.backprop4j.nn.Sequential
import io.github.backprop4j.nn.data.DataLoader
import io.github.backprop4j.nn.data.TensorDataset
import io.github.backprop4j.nn.io.SafeTensors
import io.github.backprop4j.nn.metrics.Metrics
import io.github.backprop4j.nn.optim.Adam
import io.github.backprop4j.tensor.Generator
import io.github.backprop4j.tensor.Tensor
import java.nio.file.Path

private val centers = Tensor.of(arrayOf(floatArrayOf(0f, 2f), floatArrayOf(-2f, -1f), floatArrayOf(2f, -1f)))

/** `n` points around the three centres, with their int64 class labels. */
fun blobs(n: Int): Pair<Tensor, Tensor> {
    val labels = Tensor.randint(0, 3, n)
    return centers.indexSelect(0, labels) + 0.7 * Tensor.randn(n, 2) to labels
}

fun newModel() = Sequential(Linear(2, 16), ReLU(), Linear(16, 3))

/** Trains, saves to `file`, reloads; returns the reloaded model's test accuracy. */
fun quickStart(file: Path): Double {
    Generator.manualSeed(0)
    val (x, y) = blobs(600)
    val (xTest, yTest) = blobs(200)

    val model = newModel()
    val lossFn = CrossEntropyLoss()
    val optimizer = Adam(model.parameters(), 0.02)
    val loader = DataLoader(TensorDataset(x, y), DataLoader.Options.batchSize(32).shuffled())
    for (epoch in 1..10) {
        var total = 0.0
        for ((xb, yb) in loader) {
            optimizer.zeroGrad()
            val loss = lossFn(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item() * xb.size(0)
        }
        println("epoch $epoch  loss ${"%.4f".format(total / x.size(0))}")
    }

    model.eval()
    println("test accuracy ${"%.3f".format(Metrics.accuracy(model(xTest), yTest))}")

    SafeTensors.save(file, model.stateDict())
    val restored = newModel()
    restored.loadStateDict(SafeTensors.load(file))
    restored.eval()
    return Metrics.accuracy(restored(xTest), yTest)
}

fun main(args: Array<String>) {
    quickStart(Path.of(args.getOrElse(0) { "quickstart.safetensors" }))
}
