package org.twinfold.core.dataset;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinfold.core.Field;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * A complete dataset folder opened for reading: the manifest, and the shards read on request with
 * their shapes and element types checked against the schema.
 */
public final class Dataset {
    private final Path folder;
    private final Manifest manifest;

    private Dataset(Path folder, Manifest manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    /**
     * Opens a complete dataset.
     *
     * @throws DatasetFormatException when the folder is missing, its manifest is invalid or newer
     *     than this code, or the sweep that writes it has not finished
     */
    public static Dataset open(Path folder) {
        Manifest manifest = ManifestFiles.read(folder);
        if (!manifest.complete()) {
            throw new DatasetFormatException("dataset " + folder + " is incomplete: " + manifest.shards().size()
                    + " of " + manifest.shardCount() + " shards are written; rerun the command that made it "
                    + "to finish it");
        }
        return new Dataset(folder, manifest);
    }

    public Path folder() {
        return folder;
    }

    public Manifest manifest() {
        return manifest;
    }

    public Schema schema() {
        return manifest.schema();
    }

    public int size() {
        return manifest.sampleCount();
    }

    public List<ParameterPoint> points() {
        return manifest.parameterPoints();
    }

    /** Returns the SHA-256 of the manifest file, the dataset's identity in provenance records. */
    public String manifestSha256() {
        return AtomicFiles.sha256(folder.resolve(ManifestFiles.FILE_NAME));
    }

    /** Reads one shard, checking that the file's checksum matches the manifest. */
    public SampleBatch readShard(int index) {
        ShardEntry entry = manifest.shards().get(index);
        Path file = folder.resolve(entry.file());
        SampleBatch batch = ShardFiles.read(file, schema(), entry.count());
        String actual = AtomicFiles.sha256(file);
        if (!actual.equals(entry.sha256())) {
            throw new DatasetFormatException(file + " has SHA-256 " + actual + " but the manifest lists "
                    + entry.sha256() + "; the file was changed after it was written, so rerun the sweep, or, if you"
                    + " changed it on purpose, write its new SHA-256 into the manifest's entry for " + entry.file());
        }
        return batch;
    }

    /** Reads every sample into memory, in sample order. */
    public SampleBatch readAll() {
        List<SampleBatch> shards = new ArrayList<>();
        for (int i = 0; i < manifest.shards().size(); i++) {
            shards.add(readShard(i));
        }
        return concatenate(schema(), shards);
    }

    /** Joins batches of one schema into one batch, in order. */
    public static SampleBatch concatenate(Schema schema, List<SampleBatch> batches) {
        int total = batches.stream().mapToInt(SampleBatch::size).sum();
        SampleBatch.Builder builder = SampleBatch.builder(schema, total);
        for (Field field : schema.fields()) {
            int elements = field.elementsPerSample();
            Object joined = Array.newInstance(field.type().arrayClass().getComponentType(), total * elements);
            int offset = 0;
            for (SampleBatch batch : batches) {
                int length = batch.size() * elements;
                System.arraycopy(batch.array(field.name()), 0, joined, offset, length);
                offset += length;
            }
            builder.put(field.name(), joined);
        }
        return builder.build();
    }
}
