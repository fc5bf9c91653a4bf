/**
 * The class-by-class step of {@code twinfold run} for class-conditional image surrogates: a
 * classifier trained on the simulated training masks, and per-class distances against a noise floor.
 */
package org.twinfold.cli.classes;
