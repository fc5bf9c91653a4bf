/**
 * The {@code vae} surrogate family: a conditional variational autoencoder of a task's one float
 * field, conditioned on its continuous parameters (log10 where the task or the dataset's sampling
 * requests it, then standardized), with the field preprocessing that calorimeter showers need (division
 * by a parameter such as the incident energy, a log or logit transform, global or per-element
 * standardization, a threshold on generated
 * values). {@link org.twinfold.ml.vae.VaeFamily} is the service entry point,
 * {@link org.twinfold.ml.vae.VaeSurrogate} the trained generator and
 * {@link org.twinfold.ml.vae.VaeGenerationBenchmark} times generation.
 */
package org.twinfold.ml.vae;
