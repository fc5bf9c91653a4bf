package org.twinfold.ml.mlp;

/** How {@link Normalization} maps the input parameters before the network sees them. */
public enum InputScaling {
    /** Linearly from each parameter's range [min, max] to [-1, 1]; a fixed parameter maps to 0. */
    PARAMETER_RANGES,
    /** To zero mean and unit standard deviation over the training inputs. */
    MEAN_STD
}
