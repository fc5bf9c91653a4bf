package org.twinfold.ml.lstm;

/**
 * The quantity the network predicts, a residual over a base value computed from the window:
 * {@code x(t + Delta_R) = base(window) + unscale(network output)}.
 *
 * <ul>
 *   <li>{@link #NEXT_FRAME}: base 0, the network predicts the next frame itself (the reference work).
 *   <li>{@link #INCREMENT}: base {@code x_n}, the network predicts {@code x_{n+1} - x_n}.
 *   <li>{@link #EXTRAPOLATION_CORRECTION}: base {@code 2 x_n - x_{n-1}}, the constant-velocity
 *       (linear) extrapolation, and the network predicts the correction
 *       {@code x_{n+1} - 2 x_n + x_{n-1}}, about {@code a Delta_R^2} for a particle with acceleration a.
 *       Needs a window of at least two frames.
 *   <li>{@link #STEP_CORRECTION}: base {@link FrameFeatures#step}, a physical step from the last frame
 *       that the task supplies (such as one velocity Verlet step of Delta_R), and the network predicts its
 *       error. Needs features that offer a step.
 * </ul>
 *
 * <p>The residual is small next to the frame, so the same relative network error costs far less
 * position error with a residual target.
 */
public enum PredictionTarget {
    NEXT_FRAME(1),
    INCREMENT(1),
    EXTRAPOLATION_CORRECTION(2),
    STEP_CORRECTION(1);

    private final int minimumWindow;

    PredictionTarget(int minimumWindow) {
        this.minimumWindow = minimumWindow;
    }

    /** Returns the fewest window frames this target needs. */
    public int minimumWindow() {
        return minimumWindow;
    }

    /**
     * Returns the base of component {@code k} for the frame after {@code frames[last]}.
     *
     * @param frames trajectory or window frames, oldest first
     * @param last index of the window's last frame; {@code last - 1} must exist for
     *     {@link #EXTRAPOLATION_CORRECTION}
     * @throws IllegalStateException for {@link #STEP_CORRECTION}, whose base comes from the features
     */
    public double base(float[][] frames, int last, int k) {
        return switch (this) {
            case NEXT_FRAME -> 0;
            case INCREMENT -> frames[last][k];
            case EXTRAPOLATION_CORRECTION -> 2.0 * frames[last][k] - frames[last - 1][k];
            case STEP_CORRECTION -> throw new IllegalStateException("the base of " + this + " is the step of the"
                    + " operator's features; compute it with FrameFeatures.step");
        };
    }
}
