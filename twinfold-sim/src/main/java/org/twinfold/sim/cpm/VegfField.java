package org.twinfold.sim.cpm;

/**
 * The VEGF concentration on the periodic lattice and its explicit solver for
 * {@code dc/dt = source(x) - decay(x) c + D lap(c)}, in concentration units per MCS.
 *
 * <p>One MCS is {@code substeps} forward Euler steps with the 5-point Laplacian, each with
 * {@code D / substeps}, {@code source / substeps} and {@code decay / substeps}, all evaluated at the old
 * concentration: {@code c' = c + (D/n)(c_E + c_W + c_N + c_S - 4c) + s/n - (k/n) c}, computed as
 * {@code c (1 - 4 D/n - k/n) + (D/n)(c_E + c_W + c_N + c_S) + s/n}. This is how
 * CompuCell3D's DiffusionSolverFE splits an MCS; it is stable for {@code D / n <= 0.25}. Without
 * decay the scheme conserves the total amount exactly up to float rounding.
 *
 * <p>Values are float32, as CompuCell3D and the benchmark specification store them. Not thread-safe.
 */
final class VegfField {
    private final int width;
    private final int height;
    private final double diffusion;
    private final int substeps;
    private float[] current;
    private float[] next;

    VegfField(int width, int height, double diffusion, int substeps) {
        if (substeps < 1 || diffusion < 0 || diffusion / substeps > 0.25) {
            throw new IllegalArgumentException("diffusion " + diffusion + " with " + substeps + " sub-steps per MCS"
                    + " is unstable; D / substeps must lie in [0, 0.25]");
        }
        this.width = width;
        this.height = height;
        this.diffusion = diffusion;
        this.substeps = substeps;
        this.current = new float[width * height];
        this.next = new float[width * height];
    }

    /** Returns the concentration array, row-major; it is replaced after every {@link #advance}. */
    float[] values() {
        return current;
    }

    /** Replaces the concentration with a copy of {@code values}. */
    void set(float[] values) {
        if (values.length != current.length) {
            throw new IllegalArgumentException("VEGF field has " + values.length + " values; expected "
                    + current.length + " for " + width + " x " + height);
        }
        System.arraycopy(values, 0, current, 0, values.length);
    }

    /**
     * Advances the field by one MCS.
     *
     * @param sourcePerStep production per site and sub-step (rate per MCS divided by the sub-steps)
     * @param decayPerStep decay rate per site and sub-step
     */
    void advance(float[] sourcePerStep, float[] decayPerStep) {
        float d = (float) (diffusion / substeps);
        for (int step = 0; step < substeps; step++) {
            for (int y = 0; y < height; y++) {
                int row = y * width;
                int up = ((y + height - 1) % height) * width;
                int down = ((y + 1) % height) * width;
                updateRow(row, up, down, d, sourcePerStep, decayPerStep);
            }
            float[] swap = current;
            current = next;
            next = swap;
        }
    }

    int substeps() {
        return substeps;
    }

    private void updateRow(int row, int up, int down, float d, float[] source, float[] decay) {
        float[] c = current;
        float[] out = next;
        int last = width - 1;

        out[row] = update(c[row], c[row + last] + c[row + 1] + c[up] + c[down], d, source[row], decay[row]);
        // Interior of the row: every index is i plus a loop-invariant shift, a form the JIT vectorizes.
        int upShift = up - row;
        int downShift = down - row;
        float centre = 1 - 4 * d;
        for (int i = row + 1; i < row + last; i++) {
            float neighbours = c[i - 1] + c[i + 1] + c[i + upShift] + c[i + downShift];
            out[i] = c[i] * (centre - decay[i]) + d * neighbours + source[i];
        }
        int i = row + last;
        out[i] = update(c[i], c[i - 1] + c[row] + c[up + last] + c[down + last], d, source[i], decay[i]);
    }

    private static float update(float value, float neighbours, float d, float source, float decay) {
        return value * (1 - 4 * d - decay) + d * neighbours + source;
    }
}
