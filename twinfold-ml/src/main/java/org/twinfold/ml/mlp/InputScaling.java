package org.twinfold.ml.mlp;

/** Input map that {@link Normalization} applies before the network. */
public enum InputScaling {
    /** Linearly from each parameter's range [min, max] to [-1, 1]; a fixed parameter maps to 0. */
    PARAMETER_RANGES,
    /** To zero mean and unit standard deviation over the training inputs. */
    MEAN_STD
}
