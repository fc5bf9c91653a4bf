package org.twinfold.core.metrics;

/**
 * A reference and a generated feature matrix, each feature divided by the maximum absolute value of
 * that feature in the reference sample. The CaloChallenge scales the inputs of FPD and KPD this way,
 * so that features of very different units weigh alike. A feature that is 0 in every reference row
 * is left unscaled.
 *
 * @param reference (samples, features), scaled
 * @param generated (samples, features), scaled
 */
public record ScaledFeatures(double[][] reference, double[][] generated) {

    /** Returns copies of both matrices divided by the reference maximum of |value| per feature. */
    public static ScaledFeatures byReferenceMaximum(double[][] reference, double[][] generated) {
        int d = FeatureMatrix.requireFinite(reference, "reference features", 1);
        FeatureMatrix.requireFinite(generated, "generated features", 1);
        FeatureMatrix.requireSameWidth(reference, generated);

        double[] maximum = new double[d];
        for (double[] row : reference) {
            for (int j = 0; j < d; j++) {
                maximum[j] = Math.max(maximum[j], Math.abs(row[j]));
            }
        }
        for (int j = 0; j < d; j++) {
            if (maximum[j] == 0) {
                maximum[j] = 1;
            }
        }
        return new ScaledFeatures(divide(reference, maximum), divide(generated, maximum));
    }

    private static double[][] divide(double[][] rows, double[] divisor) {
        double[][] scaled = new double[rows.length][divisor.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < divisor.length; j++) {
                scaled[i][j] = rows[i][j] / divisor[j];
            }
        }
        return scaled;
    }
}
