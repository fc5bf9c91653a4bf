package org.twinfold.core.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.Schema;
import org.twinfold.core.provenance.Provenance;

/**
 * The JSON description of a dataset folder, {@code manifest.json}: what made the data, from which
 * parameter points and seeds, how the samples are split into shards, and which shards are complete.
 *
 * @param formatVersion version of this layout; readers reject newer versions
 * @param task name of the task, or an empty string
 * @param generator identity of the generator
 * @param fields the schema's fields
 * @param parameters the parameter space's parameters, in the order of {@code points} columns
 * @param points one row of parameter values per sample
 * @param classLabels class label per sample, or null when the points were not drawn from classes
 * @param seeds seed per sample
 * @param shardSize samples per shard (the last shard may hold fewer)
 * @param shards the complete shards, by index
 * @param complete true once every shard is written
 * @param provenance where the dataset came from
 */
public record Manifest(int formatVersion, String task, GeneratorInfo generator, List<FieldEntry> fields,
                       List<Parameter> parameters, double[][] points, int[] classLabels, long[] seeds,
                       int shardSize, List<ShardEntry> shards, boolean complete, Provenance provenance) {

    /** The layout version that this code writes. Version 1: one HDF5 file per shard plus this manifest. */
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        shards = List.copyOf(shards);
    }

    public Schema schema() {
        return new Schema(fields.stream().map(FieldEntry::toField).toList());
    }

    public ParameterSpace parameterSpace() {
        return new ParameterSpace(parameters, List.of());
    }

    public int sampleCount() {
        return seeds.length;
    }

    public int shardCount() {
        return (seeds.length + shardSize - 1) / shardSize;
    }

    public List<ParameterPoint> parameterPoints() {
        List<ParameterPoint> result = new ArrayList<>(points.length);
        for (int i = 0; i < points.length; i++) {
            OptionalInt label = classLabels == null ? OptionalInt.empty() : OptionalInt.of(classLabels[i]);
            result.add(new ParameterPoint(points[i], label));
        }
        return result;
    }

    /** Returns a copy with one more complete shard, shards kept in index order. */
    Manifest withShard(ShardEntry shard) {
        List<ShardEntry> updated = new ArrayList<>(shards);
        updated.removeIf(existing -> existing.index() == shard.index());
        updated.add(shard);
        updated.sort(Comparator.comparingInt(ShardEntry::index));
        return new Manifest(formatVersion, task, generator, fields, parameters, points, classLabels, seeds,
                shardSize, updated, complete, provenance);
    }

    Manifest asComplete() {
        return new Manifest(formatVersion, task, generator, fields, parameters, points, classLabels, seeds,
                shardSize, shards, true, provenance);
    }

    /** Returns the wall seconds of every sample, in sample order, over the complete shards. */
    public double[] wallSeconds() {
        double[] result = new double[sampleCount()];
        for (ShardEntry shard : shards) {
            System.arraycopy(shard.wallSeconds(), 0, result, shard.first(), shard.count());
        }
        return result;
    }

    /** Returns the manifest entries of a schema's fields. */
    public static List<FieldEntry> fieldsOf(Schema schema) {
        return schema.fields().stream().map(FieldEntry::of).toList();
    }
}
