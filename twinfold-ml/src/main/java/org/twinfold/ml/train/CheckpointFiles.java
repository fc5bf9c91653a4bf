package org.twinfold.ml.train;

/** File names inside one checkpoint folder. */
public final class CheckpointFiles {
    /** Network weights, DJL NDList encoding, keyed by parameter name. */
    public static final String WEIGHTS = "weights.ndlist";
    /** EMA weights, same layout as {@link #WEIGHTS}; present only when EMA is on. */
    public static final String EMA_WEIGHTS = "ema-weights.ndlist";
    /** Optimizer moments, keyed {@code m/<parameter>} and {@code v/<parameter>}. */
    public static final String OPTIMIZER = "optimizer.ndlist";
    /** {@link TrainingState} as JSON. */
    public static final String STATE = "state.json";
    /** Data normalization supplied by the caller, as JSON. */
    public static final String NORMALIZATION = "normalization.json";
    /** Metadata supplied by the caller (schema, dataset provenance), as JSON. */
    public static final String METADATA = "metadata.json";
    /** Trainer, configuration and environment, as JSON. */
    public static final String PROVENANCE = "provenance.json";

    private CheckpointFiles() {
    }
}
