package org.twinfold.core.dataset;

/**
 * One complete shard as listed in a manifest.
 *
 * @param index shard number, from 0
 * @param file file name inside the dataset folder
 * @param first index of the shard's first sample in the dataset
 * @param count number of samples in the shard
 * @param sha256 hex SHA-256 of the file's bytes
 * @param wallSeconds generation wall time of each sample, in seconds; for batched generation the
 *     batch's time divided evenly among its samples
 */
public record ShardEntry(int index, String file, int first, int count, String sha256, double[] wallSeconds) {
}
