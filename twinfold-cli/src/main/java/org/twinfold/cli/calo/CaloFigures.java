package org.twinfold.cli.calo;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The CaloChallenge's standard plots as PNG bytes, drawn with XChart: per-layer means and
 * normalized histograms, simulated (blue) and generated (red) overlaid.
 */
final class CaloFigures {
    static final Color SIMULATED = new Color(0x1f, 0x77, 0xb4);
    static final Color GENERATED = new Color(0xd6, 0x27, 0x28);
    private static final int WIDTH = 520;
    private static final int HEIGHT = 360;

    private CaloFigures() {
    }

    /** Draws a per-layer mean of both samples against the layer index; {@code logY} for energies. */
    static byte[] perLayer(String title, String yTitle, double[] simulated, double[] generated, boolean logY) {
        XYChart chart = chart(title, "layer", yTitle);
        double[] layers = new double[simulated.length];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = l;
        }
        double floor = logY ? positiveFloor(simulated, generated) : Double.NaN;
        line(chart, "simulated", layers, logY ? clamped(simulated, floor) : simulated, SIMULATED, true);
        line(chart, "surrogate", layers, logY ? clamped(generated, floor) : generated, GENERATED, true);
        chart.getStyler().setYAxisLogarithmic(logY);
        return png(chart);
    }

    /**
     * Draws two histograms with the same {@code edges} as step outlines of their bin fractions.
     *
     * @param logX for logarithmic bins
     * @param logY draws empty bins at a tenth of the smallest filled one
     */
    static byte[] histogram(String title, String xTitle, double[] edges, double[] simulatedCounts,
                            double[] generatedCounts, boolean logX, boolean logY) {
        XYChart chart = chart(title, xTitle, "fraction of entries");
        double[] simulated = fractions(simulatedCounts);
        double[] generated = fractions(generatedCounts);
        double floor = logY ? positiveFloor(simulated, generated) : Double.NaN;
        step(chart, "simulated", edges, logY ? clamped(simulated, floor) : simulated, SIMULATED);
        step(chart, "surrogate", edges, logY ? clamped(generated, floor) : generated, GENERATED);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        return png(chart);
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisDecimalPattern("0.###");
        chart.getStyler().setYAxisDecimalPattern("0.###E0");
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, boolean markers) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    private static void step(XYChart chart, String name, double[] edges, double[] heights, Color color) {
        // A step outline: each bin contributes its left and right edge at its height.
        double[] x = new double[2 * heights.length];
        double[] y = new double[2 * heights.length];
        for (int i = 0; i < heights.length; i++) {
            x[2 * i] = edges[i];
            x[2 * i + 1] = edges[i + 1];
            y[2 * i] = heights[i];
            y[2 * i + 1] = heights[i];
        }
        line(chart, name, x, y, color, false);
    }

    private static double[] fractions(double[] counts) {
        double total = 0;
        for (double count : counts) {
            total += count;
        }
        double[] fractions = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            fractions[i] = total > 0 ? counts[i] / total : 0;
        }
        return fractions;
    }

    /** Returns a tenth of the smallest positive value of both arrays, or 1e-12 when none is positive. */
    private static double positiveFloor(double[] first, double[] second) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] values : new double[][] {first, second}) {
            for (double value : values) {
                if (value > 0 && value < min) {
                    min = value;
                }
            }
        }
        return Double.isInfinite(min) ? 1e-12 : min / 10;
    }

    /** Returns the values with those below {@code floor} (zeros and NaN included) raised to it, for a log axis. */
    private static double[] clamped(double[] values, double floor) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] >= floor ? values[i] : floor;
        }
        return result;
    }

    private static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG: " + e.getMessage(), e);
        }
    }
}
