package org.twinfold.ml.bench;

/**
 * Memory after one training step.
 *
 * @param step the step just finished
 * @param residentBytes VmRSS of the process, in bytes
 * @param heapCommittedBytes Java heap committed by the JVM, in bytes; part of {@code residentBytes}
 *     once touched, so heap growth shows up in VmRSS without any native leak
 * @param liveArrays NDArrays still attached to DJL managers
 */
public record MemorySample(long step, long residentBytes, long heapCommittedBytes, int liveArrays) {
}
