/**
 * A small convolutional classifier of binary masks, the judge of a class-conditional image surrogate:
 * trained on simulated images with their class labels, its accuracy on generated images, class by
 * class, is set against its accuracy on held-out simulations.
 */
package org.twinfold.ml.classifier;
