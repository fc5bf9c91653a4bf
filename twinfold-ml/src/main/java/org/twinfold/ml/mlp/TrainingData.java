package org.twinfold.ml.mlp;

/**
 * Checks of training and prediction arrays: rectangular, non-empty, finite.
 */
final class TrainingData {

    private TrainingData() {
    }

    /**
     * Returns the common row length of {@code rows}.
     *
     * @param role the array's role, for messages ("training inputs")
     * @throws IllegalArgumentException naming the row and column of the first NaN or infinite value,
     *     or the first row with another length
     */
    static int requireFiniteMatrix(float[][] rows, String role) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(role + " are empty; at least one row is needed");
        }
        int columns = rows[0].length;
        if (columns == 0) {
            throw new IllegalArgumentException(role + " have rows of length 0");
        }
        for (int row = 0; row < rows.length; row++) {
            if (rows[row].length != columns) {
                throw new IllegalArgumentException(role + " row " + row + " has " + rows[row].length
                        + " values; row 0 has " + columns);
            }
            for (int column = 0; column < columns; column++) {
                float value = rows[row][column];
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException(role + " contain " + value + " at row " + row + ", column "
                            + column + "; remove or repair that sample before training");
                }
            }
        }
        return columns;
    }
}
