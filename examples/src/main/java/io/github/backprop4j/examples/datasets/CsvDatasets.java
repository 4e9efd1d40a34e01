package io.github.backprop4j.examples.datasets;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the real datasets that ship inside the jar (see {@code datasets/NOTICE.md} for their
 * sources): lines of comma-separated features followed by an integer class label.
 */
final class CsvDatasets {
    private CsvDatasets() {
    }

    /** Features and labels of one CSV resource; {@code header} says whether its first line is the sklearn header. */
    record Table(double[][] features, long[] labels, List<String> classNames) {
    }

    static Table read(String resource, boolean header, List<String> defaultClassNames) {
        String path = "/io/github/backprop4j/examples/datasets/" + resource;
        try (InputStream raw = CsvDatasets.class.getResourceAsStream(path)) {
            if (raw == null) {
                throw new IllegalStateException("dataset resource " + path + " is missing from the jar");
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> classNames = defaultClassNames;
            String line;
            if (header) {
                String[] head = reader.readLine().split(",");
                classNames = List.of(Arrays.copyOfRange(head, 2, head.length));
            }
            List<double[]> rows = new ArrayList<>();
            List<Long> labels = new ArrayList<>();
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[cells.length - 1];
                for (int i = 0; i < row.length; i++) {
                    row[i] = Double.parseDouble(cells[i]);
                }
                rows.add(row);
                labels.add(Long.parseLong(cells[cells.length - 1].trim()));
            }
            return new Table(rows.toArray(new double[0][]), labels.stream().mapToLong(Long::longValue).toArray(),
                    classNames);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + resource, e);
        }
    }

    static Tensor featureTensor(double[][] rows) {
        return Tensor.fromArray(rows).to(DType.FLOAT32);
    }
}
