/**
 * The engine-neutral API of twinfold: schemas, parameter spaces, generators and tasks.
 *
 * <p>A {@link org.twinfold.core.Generator} maps parameter points and seeds to samples that follow a
 * {@link org.twinfold.core.Schema}. Reference simulators and trained surrogates both implement it, so
 * every sweep, dataset and evaluation works on either.
 */
package org.twinfold.core;
