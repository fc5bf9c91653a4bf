package org.twinfold.ml.bench;

/**
 * Memory after one training step.
 *
 * @param step the step just finished
 * @param residentBytes VmRSS of the process, in bytes
 * @param liveArrays NDArrays still attached to DJL managers
 */
public record MemorySample(long step, long residentBytes, int liveArrays) {
}
