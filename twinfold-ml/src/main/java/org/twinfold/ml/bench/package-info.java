/**
 * Benchmarks that are too slow for unit tests: {@link org.twinfold.ml.bench.TrainingMemoryBenchmark}
 * checks that native memory stays flat over thousands of training steps.
 */
package org.twinfold.ml.bench;
