package io.github.backprop4j.examples.train;

import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.examples.datasets.Task;
import io.github.backprop4j.nn.io.SafeFiles;
import io.github.backprop4j.tensor.Tensor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The {@code --plot} picture: the loss curve and the accuracy curves side by side (drawn with
 * XChart) and, for 2-D datasets, a third panel with the model's decision regions over the
 * training points.
 */
final class TrainingPlot {
    private static final int PANEL = 480;
    private static final int GRID = 160;
    private static final Color[] CLASS_COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)};

    private TrainingPlot() {
    }

    static void write(Trainer.Result result, Path file) {
        List<BufferedImage> panels = new java.util.ArrayList<>();
        panels.add(BitmapEncoder.getBufferedImage(lossChart(result)));
        panels.add(BitmapEncoder.getBufferedImage(accuracyChart(result)));
        if (result.data().featureCount() == 2) {
            panels.add(decisionRegions(result));
        }
        BufferedImage image = new BufferedImage(PANEL * panels.size(), PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(panels.get(i), i * PANEL, 0, null);
        }
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file + ": " + e.getMessage(), e);
        }
        createParent(file);
        SafeFiles.write(file, png.toByteArray());
    }

    /** Creates missing directories on the way to {@code file}, then checks it can be written ({@link SafeFiles}). */
    static void checkWritable(Path file) {
        createParent(file);
        SafeFiles.checkWritable(file);
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": cannot create the directory " + parent
                    + " (" + SafeFiles.reason(e) + ")", e);
        }
    }

    private static double[] epochs(Trainer.Result r) {
        return r.epochs().stream().mapToDouble(EpochResult::epoch).toArray();
    }

    private static XYChart lossChart(Trainer.Result r) {
        XYChart chart = new XYChartBuilder().width(PANEL).height(PANEL).title(r.data().name() + ": training loss")
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(0);
        chart.addSeries("loss", epochs(r), r.epochs().stream().mapToDouble(EpochResult::loss).toArray())
                .setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static XYChart accuracyChart(Trainer.Result r) {
        XYChart chart = new XYChartBuilder().width(PANEL).height(PANEL).title(r.data().name() + ": accuracy")
                .xAxisTitle("epoch").yAxisTitle("accuracy").build();
        chart.getStyler().setMarkerSize(0);
        chart.addSeries("train", epochs(r), r.epochs().stream().mapToDouble(EpochResult::trainAccuracy).toArray())
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("test", epochs(r), r.epochs().stream().mapToDouble(EpochResult::testAccuracy).toArray())
                .setMarker(SeriesMarkers.NONE);
        if (r.data().task() == Task.MULTILABEL) {
            chart.addSeries("test micro-F1", epochs(r),
                    r.epochs().stream().mapToDouble(EpochResult::testF1Micro).toArray()).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Each pixel coloured by the class the model predicts there (in standardised coordinates), points on top. */
    private static BufferedImage decisionRegions(Trainer.Result r) {
        double[] xy = r.trainFeatures().toDoubleArray();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : xy) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        lo -= 0.5;
        hi += 0.5;
        float[] grid = new float[GRID * GRID * 2];
        for (int row = 0; row < GRID; row++) {
            for (int col = 0; col < GRID; col++) {
                int at = 2 * (row * GRID + col);
                grid[at] = (float) (lo + (hi - lo) * (col + 0.5) / GRID);
                grid[at + 1] = (float) (hi - (hi - lo) * (row + 0.5) / GRID);
            }
        }
        long[] predicted = predict(r, Tensor.fromFlat(grid, GRID * GRID, 2));
        BufferedImage image = new BufferedImage(PANEL, PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double cell = (double) PANEL / GRID;
        for (int i = 0; i < predicted.length; i++) {
            g.setColor(blend(CLASS_COLORS[(int) predicted[i] % CLASS_COLORS.length], Color.WHITE, 0.65));
            g.fillRect((int) Math.floor(i % GRID * cell), (int) Math.floor(i / GRID * cell),
                    (int) Math.ceil(cell), (int) Math.ceil(cell));
        }
        long[] labels = r.trainClasses();
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < labels.length; i++) {
            int px = (int) ((xy[2 * i] - lo) / (hi - lo) * PANEL);
            int py = (int) ((hi - xy[2 * i + 1]) / (hi - lo) * PANEL);
            g.setColor(CLASS_COLORS[(int) labels[i] % CLASS_COLORS.length]);
            g.fillOval(px - 3, py - 3, 7, 7);
            g.setColor(Color.DARK_GRAY);
            g.drawOval(px - 3, py - 3, 7, 7);
        }
        g.setColor(Color.BLACK);
        g.drawString(r.data().name() + ": decision regions (standardised features)", 10, 18);
        g.dispose();
        return image;
    }

    private static long[] predict(Trainer.Result r, Tensor points) {
        r.model().eval();
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Tensor logits = r.model().forward(Variable.of(points)).value();
            if (r.data().task() == Task.MULTICLASS) {
                return logits.argmax(1, false).toLongArray();
            }
            return logits.reshape(-1).gt(0.0).toLongArray();
        }
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) (a.getRed() * (1 - t) + b.getRed() * t), (int) (a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) (a.getBlue() * (1 - t) + b.getBlue() * t));
    }
}
