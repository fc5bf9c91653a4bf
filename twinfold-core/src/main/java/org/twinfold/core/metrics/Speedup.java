package org.twinfold.core.metrics;

/**
 * Speedup of a surrogate over the simulator it replaces.
 *
 * <p>Plain speedup, per generated sample: S_plain = T_seq / T_lookup.
 *
 * <p>Effective speedup, which charges the surrogate for the simulations and the training it needed:
 *
 * <pre>
 *   S = T_seq (N_lookup + N_train) / (T_lookup N_lookup + (T_train + T_learn) N_train)
 * </pre>
 *
 * The numerator is the time the simulator alone needs for all N_lookup + N_train samples. The
 * denominator is the time spent with the surrogate, which generates N_lookup samples and needs N_train
 * simulated training samples plus their share of the training. S approaches S_plain as N_lookup grows, and is
 * below 1 until the surrogate has been used enough to pay for its training. Symbols are those of
 * {@link SpeedupInputs}; all times are wall-clock seconds per sample.
 */
public final class Speedup {

    /** Definition text of the effective speedup for a {@link MetricResult}. */
    public static final String EFFECTIVE_DEFINITION = "S = T_seq (N_lookup + N_train) / (T_lookup N_lookup"
            + " + (T_train + T_learn) N_train), times in wall seconds per sample";

    /** Definition text of the plain speedup for a {@link MetricResult}. */
    public static final String PLAIN_DEFINITION = "S = T_seq / T_lookup, simulator over surrogate wall seconds"
            + " per sample";

    private Speedup() {
    }

    /** Returns the effective speedup S defined above; it is dimensionless. */
    public static double effective(SpeedupInputs inputs) {
        double lookups = inputs.lookupCount();
        double trainings = inputs.trainingCount();

        double simulatorOnlySeconds = inputs.simulatorSecondsPerSample() * (lookups + trainings);
        double surrogateSeconds = inputs.surrogateSecondsPerSample() * lookups
                + (inputs.trainingSimulationSecondsPerSample() + inputs.learningSecondsPerTrainingSample())
                        * trainings;
        return simulatorOnlySeconds / surrogateSeconds;
    }

    /** Returns T_seq / T_lookup; both times must be finite and > 0. */
    public static double plain(double simulatorSecondsPerSample, double surrogateSecondsPerSample) {
        SpeedupInputs.requirePositiveFinite(simulatorSecondsPerSample, "simulatorSecondsPerSample");
        SpeedupInputs.requirePositiveFinite(surrogateSecondsPerSample, "surrogateSecondsPerSample");
        return simulatorSecondsPerSample / surrogateSecondsPerSample;
    }
}
