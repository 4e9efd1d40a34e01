package io.github.backprop4j.examples.train;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Reports training as it goes: one summary line per epoch on stdout, and, when a person is
 * watching a terminal, a progress bar per epoch on stderr (never in pipes, files or tests).
 */
final class ProgressReporter implements Trainer.Listener, AutoCloseable {
    private final int epochs;
    private final PrintWriter out;
    private final boolean showBar;
    private @Nullable ProgressBar bar;

    private ProgressReporter(int epochs, PrintWriter out, boolean showBar) {
        this.epochs = epochs;
        this.out = out;
        this.showBar = showBar;
    }

    static ProgressReporter open(int epochs, PrintWriter out) {
        return new ProgressReporter(epochs, out, System.console() != null);
    }

    @Override
    public void batchDone(int epoch, int batch, int batches) {
        if (!showBar) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                    .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
        }
        bar.stepTo(batch);
    }

    @Override
    public void epochDone(EpochResult r) {
        closeBar();
        out.printf(Locale.ROOT, "epoch %3d/%d  loss %.4f  train_acc %.4f  test_acc %.4f%s%n", r.epoch(), epochs,
                r.loss(), r.trainAccuracy(), r.testAccuracy(),
                Double.isNaN(r.testF1Micro()) ? "" : String.format(Locale.ROOT, "  test_f1 %.4f", r.testF1Micro()));
        out.flush();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
