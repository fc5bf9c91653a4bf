/**
 * Evaluation of a surrogate against held-out simulations: observable distributions, a correlated
 * chi-square, per-field errors for deterministic tasks and the speedup, saved as JSON.
 */
package org.twinfold.core.evaluation;
