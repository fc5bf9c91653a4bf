package org.twinfold.core.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;

/**
 * Writes a dataset folder shard by shard so that a killed run loses nothing: each shard goes to a
 * temporary file that is renamed when complete, and the manifest, rewritten atomically after each
 * shard, lists the complete shards. Reopening the folder with the same plan resumes: shards listed
 * in the manifest whose files are intact are kept and never rewritten.
 *
 * <p>Thread-safe: several threads may write different shards at once.
 */
public final class DatasetWriter {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetWriter.class);

    private final Path folder;
    private Manifest manifest;

    private DatasetWriter(Path folder, Manifest manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    /**
     * Opens a dataset folder for writing: creates it with the planned manifest, or resumes the
     * dataset already there when its plan is the same.
     *
     * @param folder the dataset folder, created if missing
     * @param plan the manifest with every point and seed and no shards
     * @throws IOException when the folder cannot be created or written
     * @throws IllegalArgumentException when the folder contains a dataset with a different plan
     */
    public static DatasetWriter open(Path folder, Manifest plan) throws IOException {
        Objects.requireNonNull(plan, "plan");
        prepareFolder(folder);
        deleteTemporaryFiles(folder);

        Path manifestFile = folder.resolve(ManifestFiles.FILE_NAME);
        if (!Files.exists(manifestFile)) {
            ManifestFiles.write(folder, plan);
            return new DatasetWriter(folder, plan);
        }

        Manifest existing = ManifestFiles.read(folder);
        requireSamePlan(folder, existing, plan);
        Manifest kept = keepIntactShards(folder, existing, plan);
        LOG.info("Resuming dataset {}: {} of {} shards already complete", folder, kept.shards().size(),
                kept.shardCount());
        ManifestFiles.write(folder, kept);
        return new DatasetWriter(folder, kept);
    }

    public Path folder() {
        return folder;
    }

    public synchronized Manifest manifest() {
        return manifest;
    }

    /** Returns the indices of the shards that are not yet complete, in order. */
    public synchronized List<Integer> pendingShards() {
        Set<Integer> done = new HashSet<>();
        manifest.shards().forEach(shard -> done.add(shard.index()));
        List<Integer> pending = new ArrayList<>();
        for (int index = 0; index < manifest.shardCount(); index++) {
            if (!done.contains(index)) {
                pending.add(index);
            }
        }
        return pending;
    }

    /** Returns the index of the first sample of a shard. */
    public int firstSample(int shard) {
        return shard * manifest.shardSize();
    }

    /** Returns the number of samples in a shard; the last shard may be shorter. */
    public int shardLength(int shard) {
        return Math.min(manifest.shardSize(), manifest.sampleCount() - firstSample(shard));
    }

    public static String shardFileName(int index) {
        return String.format("shard-%05d.h5", index);
    }

    /**
     * Writes one shard and records it in the manifest. On any failure the temporary file is deleted
     * and the shard stays pending.
     *
     * @param index shard number
     * @param batch the shard's samples, in sample order
     * @param wallSeconds generation wall time of each sample, in seconds
     */
    public void writeShard(int index, SampleBatch batch, double[] wallSeconds) throws IOException {
        int first = firstSample(index);
        int length = shardLength(index);
        if (batch.size() != length || wallSeconds.length != length) {
            throw new IllegalArgumentException("shard " + index + " needs " + length + " samples, got a batch of "
                    + batch.size() + " and " + wallSeconds.length + " wall times");
        }
        List<ParameterPoint> points = manifest.parameterPoints().subList(first, first + length);
        long[] seeds = Arrays.copyOfRange(manifest.seeds(), first, first + length);

        Path target = folder.resolve(shardFileName(index));
        Path temporary = AtomicFiles.temporaryFor(target);
        try {
            List<String> names = manifest.parameters().stream().map(Parameter::name).toList();
            ShardFiles.write(temporary, batch, names, points, seeds);
            String sha256 = AtomicFiles.sha256(temporary);
            AtomicFiles.move(temporary, target);
            record(new ShardEntry(index, target.getFileName().toString(), first, length, sha256,
                    wallSeconds.clone()));
        } catch (IOException | RuntimeException e) {
            ShardFiles.deleteQuietly(temporary);
            throw new IOException("writing shard " + index + " to " + target + " failed: " + e.getMessage()
                    + "; check free disk space and permissions under " + folder
                    + ", then rerun the same command to resume", e);
        }
    }

    /** Marks the dataset complete once every shard is written, and returns the final manifest. */
    public synchronized Manifest finish() throws IOException {
        List<Integer> pending = pendingShards();
        if (!pending.isEmpty()) {
            throw new IllegalStateException("cannot finish dataset " + folder + ": shards " + pending
                    + " are not written");
        }
        manifest = manifest.asComplete();
        ManifestFiles.write(folder, manifest);
        return manifest;
    }

    private synchronized void record(ShardEntry shard) throws IOException {
        Manifest updated = manifest.withShard(shard);
        ManifestFiles.write(folder, updated);
        manifest = updated;
    }

    private static void prepareFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot create output folder " + folder + " (" + e + "); choose a writable "
                    + "folder with --out", e);
        }
        if (!Files.isWritable(folder)) {
            throw new IOException("output folder " + folder + " is not writable; choose a writable folder "
                    + "with --out or fix its permissions");
        }
    }

    private static void deleteTemporaryFiles(Path folder) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, "*" + AtomicFiles.TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                LOG.info("Deleting {} left by an interrupted run", leftover.getFileName());
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static void requireSamePlan(Path folder, Manifest existing, Manifest plan) {
        boolean same = existing.generator().equals(plan.generator())
                && existing.fields().equals(plan.fields())
                && existing.shardSize() == plan.shardSize()
                && Arrays.deepEquals(existing.points(), plan.points())
                && Arrays.equals(existing.seeds(), plan.seeds())
                && Arrays.equals(existing.classLabels(), plan.classLabels());
        if (!same) {
            throw new IllegalArgumentException("output folder " + folder + " already contains a different dataset (generator "
                    + existing.generator().id() + " " + existing.generator().version() + ", "
                    + existing.sampleCount() + " samples" + settingChanges(existing.generator(), plan.generator())
                    + "); to resume, repeat its original command, or choose a new folder with --out");
        }
    }

    /**
     * Returns the generator settings that differ between the folder's dataset and the planned one, with
     * both values, as a clause of an error message. Returns an empty text when the generators differ or
     * no setting does.
     */
    private static String settingChanges(GeneratorInfo existing, GeneratorInfo planned) {
        if (!existing.id().equals(planned.id())) {
            return "";
        }
        List<String> changes = new ArrayList<>();
        Set<String> keys = new TreeSet<>(existing.settings().keySet());
        keys.addAll(planned.settings().keySet());
        for (String key : keys) {
            String before = existing.settings().get(key);
            String now = planned.settings().get(key);
            if (!Objects.equals(before, now)) {
                changes.add(key + " was '" + before + "' and is '" + now + "' now");
            }
        }
        return changes.isEmpty() ? "" : "; " + String.join(", ", changes);
    }

    // A listed shard whose file is missing or changed is dropped from the list and written again.
    private static Manifest keepIntactShards(Path folder, Manifest existing, Manifest plan) {
        Manifest kept = new Manifest(existing.formatVersion(), existing.task(), existing.generator(),
                existing.fields(), existing.parameters(), existing.points(), existing.classLabels(),
                existing.seeds(), existing.shardSize(), List.of(), false, existing.provenance());
        for (ShardEntry shard : existing.shards()) {
            Path file = folder.resolve(shard.file());
            if (Files.isRegularFile(file) && AtomicFiles.sha256(file).equals(shard.sha256())) {
                kept = kept.withShard(shard);
            } else {
                LOG.warn("Shard {} is missing or does not match its checksum; it will be written again", file);
            }
        }
        return kept;
    }
}
