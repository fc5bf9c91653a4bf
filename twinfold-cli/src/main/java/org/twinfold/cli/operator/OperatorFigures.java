package org.twinfold.cli.operator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line figures of the operator report, drawn with XChart and returned as PNG bytes. */
final class OperatorFigures {
    static final Color[] PALETTE = {new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28),
        new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd), new Color(0xff, 0x7f, 0x0e),
        new Color(0x8c, 0x56, 0x4b)};
    private static final int WIDTH = 1040;
    private static final int HEIGHT = 360;
    private static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private OperatorFigures() {
    }

    /**
     * One curve of a figure.
     *
     * @param name legend text
     * @param x abscissae
     * @param y ordinates; non-finite points are dropped
     * @param color line color
     * @param dashed dashed rather than solid
     * @param markers circles at the points
     */
    record Line(String name, double[] x, double[] y, Color color, boolean dashed, boolean markers) {
    }

    /** Draws the lines; with {@code logarithmic}, the y axis is logarithmic and points at or below zero are dropped. */
    static byte[] lines(String title, String xTitle, String yTitle, List<Line> lines, boolean logarithmic) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setXAxisDecimalPattern("0.###");
        // Wide tick spacing: labels such as 13.1 and 17.3 overlap at the default spacing.
        styler.setXAxisTickMarkSpacingHint(100);
        styler.setYAxisLogarithmic(logarithmic);
        // One notation for every decade: the default mixes 0.001 with 1E-4 on a logarithmic axis.
        styler.setYAxisDecimalPattern(logarithmic ? "0E0" : "0.###");
        for (Line line : lines) {
            double[][] points = finitePoints(line, logarithmic);
            if (points[0].length == 0) {
                continue;
            }
            XYSeries series = chart.addSeries(line.name(), points[0], points[1]);
            series.setLineColor(line.color());
            series.setMarker(line.markers() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            series.setMarkerColor(line.color());
            if (line.dashed()) {
                series.setLineStyle(DASHED);
            }
        }
        return png(chart);
    }

    private static double[][] finitePoints(Line line, boolean positiveOnly) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < line.x().length; i++) {
            double y = line.y()[i];
            if (Double.isFinite(y) && (!positiveOnly || y > 0)) {
                kept.add(new double[] {line.x()[i], y});
            }
        }
        double[][] result = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            result[0][i] = kept.get(i)[0];
            result[1][i] = kept.get(i)[1];
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
