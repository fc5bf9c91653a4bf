package org.twinfold.core.testkit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Element-wise closeness assertion: |actual - expected| <= atol + rtol * |expected| for every element,
 * with lengths checked first. A failure lists the first differing elements of both arrays.
 */
public final class AllClose {
    private static final int SHOWN = 5;

    private AllClose() {
    }

    public static void assertAllClose(double[] expected, double[] actual, double rtol, double atol) {
        if (expected.length != actual.length) {
            fail("length differs: expected " + expected.length + ", actual " + actual.length);
        }
        StringBuilder differences = new StringBuilder();
        int count = 0;
        for (int i = 0; i < expected.length; i++) {
            double tolerance = atol + rtol * Math.abs(expected[i]);
            boolean close = Math.abs(actual[i] - expected[i]) <= tolerance
                    || (Double.isNaN(expected[i]) && Double.isNaN(actual[i]));
            if (!close) {
                if (count < SHOWN) {
                    differences.append(String.format("%n  [%d] expected %.9g, actual %.9g (tolerance %.3g)",
                            i, expected[i], actual[i], tolerance));
                }
                count++;
            }
        }
        if (count > 0) {
            fail(count + " of " + expected.length + " elements differ (rtol " + rtol + ", atol " + atol + "):"
                    + differences);
        }
    }

    public static void assertAllClose(float[] expected, float[] actual, double rtol, double atol) {
        assertAllClose(toDoubles(expected), toDoubles(actual), rtol, atol);
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
