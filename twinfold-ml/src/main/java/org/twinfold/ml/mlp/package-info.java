/**
 * A multilayer perceptron that maps a parameter vector to a flattened deterministic field, with
 * input and output normalization fitted on the training data, and {@link
 * org.twinfold.ml.mlp.MlpSurrogate}, which serves a trained regressor as a {@link
 * org.twinfold.core.Generator}.
 */
package org.twinfold.ml.mlp;
