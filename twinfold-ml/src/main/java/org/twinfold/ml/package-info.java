/**
 * Neural surrogates on DJL with the PyTorch engine, CPU float32.
 *
 * <p>{@link org.twinfold.ml.DjlEngine} configures DJL once per JVM (offline, no usage tracking,
 * thread counts) and must run before any other DJL call. The training loop lives in
 * {@code org.twinfold.ml.train}, one network family per sub-package ({@code mlp}, ...), and the
 * memory benchmark in {@code org.twinfold.ml.bench}.
 */
package org.twinfold.ml;
