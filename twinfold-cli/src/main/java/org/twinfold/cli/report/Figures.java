package org.twinfold.cli.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.twinfold.core.metrics.Binning;
import org.twinfold.core.metrics.Histogram;

/** PNG figures of a report, drawn with XChart, returned as PNG bytes. */
final class Figures {
    static final Color REFERENCE = new Color(0x1f, 0x77, 0xb4);
    static final Color GENERATED = new Color(0xd6, 0x27, 0x28);
    private static final int WIDTH = 520;
    private static final int HEIGHT = 360;

    private Figures() {
    }

    /** Draws normalized histograms of reference and generated values on common bins. */
    static byte[] histogram(String title, String unit, double[] reference, double[] generated, int bins) {
        double[] edges = edges(reference, generated, bins);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(unit.equals("1") ? title : title + " [" + unit + "]").yAxisTitle("density").build();
        style(chart);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        addStep(chart, "simulated", edges, Histogram.of(edges, reference).densities(), REFERENCE);
        addStep(chart, "surrogate", edges, Histogram.of(edges, generated).densities(), GENERATED);
        return png(chart);
    }

    /**
     * Returns at most {@code bins} uniform bins over both samples. For whole-number values (counts) the
     * edges sit halfway between integers and every bin spans the same number of integers, because bins
     * of fractional width leave some bins empty and draw a saw-tooth.
     */
    static double[] edges(double[] reference, double[] generated, int bins) {
        double[] finite = Arrays.stream(new double[][] {reference, generated}).flatMapToDouble(Arrays::stream)
                .filter(Double::isFinite).toArray();
        boolean counts = finite.length > 0 && Arrays.stream(finite).allMatch(x -> x == Math.rint(x));
        if (!counts) {
            return Binning.commonRange(reference, generated, bins);
        }
        double min = Arrays.stream(finite).min().orElseThrow();
        long span = (long) (Arrays.stream(finite).max().orElseThrow() - min) + 1;
        long width = Math.max(1, (span + bins - 1) / bins);
        int count = (int) ((span + width - 1) / width);
        double[] edges = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            edges[i] = min - 0.5 + i * width;
        }
        return edges;
    }

    private static void addStep(XYChart chart, String name, double[] edges, double[] densities, Color color) {
        // A step outline: each bin contributes its left and right edge at its height.
        double[] x = new double[2 * densities.length];
        double[] y = new double[2 * densities.length];
        for (int i = 0; i < densities.length; i++) {
            x[2 * i] = edges[i];
            x[2 * i + 1] = edges[i + 1];
            y[2 * i] = densities[i];
            y[2 * i + 1] = densities[i];
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
    }

    /** Draws reference curves solid and generated curves dashed over their index axis. */
    static byte[] curves(String title, String xTitle, double[] x, double[][] reference, double[][] generated,
                         String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH * 2).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        for (int i = 0; i < reference.length; i++) {
            XYSeries simulated = chart.addSeries("simulated " + (i + 1), x, reference[i]);
            simulated.setMarker(SeriesMarkers.NONE);
            simulated.setLineColor(REFERENCE);
            XYSeries surrogate = chart.addSeries("surrogate " + (i + 1), x, generated[i]);
            surrogate.setMarker(SeriesMarkers.NONE);
            surrogate.setLineColor(GENERATED);
            surrogate.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        style(chart);
        chart.getStyler().setLegendVisible(false);
        return png(chart);
    }

    private static void style(XYChart chart) {
        chart.getStyler().setXAxisDecimalPattern("0.###");
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
    }

    /** Renders a 2-D field as a grey-scale image, scaled to its own minimum and maximum, enlarged by {@code zoom}. */
    static byte[] image(double[] values, int height, int width, int zoom) {
        double min = Arrays.stream(values).min().orElse(0);
        double max = Arrays.stream(values).max().orElse(1);
        double range = max > min ? max - min : 1;
        BufferedImage image = new BufferedImage(width * zoom, height * zoom, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < height * zoom; row++) {
            for (int column = 0; column < width * zoom; column++) {
                int grey = (int) Math.round(255 * (values[(row / zoom) * width + column / zoom] - min) / range);
                image.setRGB(column, row, grey << 16 | grey << 8 | grey);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG image: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG: " + e.getMessage(), e);
        }
    }
}
