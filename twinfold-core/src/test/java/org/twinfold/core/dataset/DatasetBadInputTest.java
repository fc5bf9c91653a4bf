package org.twinfold.core.dataset;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.sweep.Sweep;
import org.twinfold.core.testkit.NoisySineGenerator;

class DatasetBadInputTest {
    @TempDir
    Path temp;
    Path folder;
    Path shard;

    @BeforeEach
    void writeDataset() throws Exception {
        folder = temp.resolve("data");
        Sweep.builder().generator(new NoisySineGenerator())
                .points(List.of(ParameterPoint.of(0.5), ParameterPoint.of(1.0), ParameterPoint.of(1.5)))
                .seed(5).shardSize(4).build().run(folder);
        shard = folder.resolve("shard-00000.h5");
    }

    private static void assertMessage(RuntimeException error, String... parts) {
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), "message lacks '" + part + "': " + error.getMessage());
        }
    }

    @Test
    void missingFolderNamesThePath() {
        DatasetFormatException error = assertThrows(DatasetFormatException.class,
                () -> Dataset.open(temp.resolve("nowhere")));
        assertMessage(error, "nowhere", "does not exist");
    }

    @Test
    void newerFormatVersionNamesBothVersions() throws Exception {
        Path manifest = folder.resolve(ManifestFiles.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> Dataset.open(folder));
        assertMessage(error, "format version 9", "versions up to 1", "upgrade twinfold");
    }

    @Test
    void truncatedManifestIsReported() throws Exception {
        Path manifest = folder.resolve(ManifestFiles.FILE_NAME);
        byte[] bytes = Files.readAllBytes(manifest);
        Files.write(manifest, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> Dataset.open(folder));
        assertMessage(error, "is not a valid manifest");
    }

    @Test
    void truncatedShardIsReported() throws Exception {
        byte[] bytes = Files.readAllBytes(shard);
        Files.write(shard, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        DatasetFormatException error = assertThrows(DatasetFormatException.class,
                () -> Dataset.open(folder).readAll());
        assertMessage(error, "shard-00000.h5", "may be truncated");
    }

    @Test
    void nonHdf5ShardIsReported() throws Exception {
        Files.writeString(shard, "signal,mask\n1,0\n");
        DatasetFormatException error = assertThrows(DatasetFormatException.class,
                () -> Dataset.open(folder).readAll());
        assertMessage(error, "is not a readable HDF5 file");
    }

    @Test
    void wrongShapeNamesExpectedAndFound() {
        rewriteShard(new float[3][5], new byte[3][2][2]);
        DatasetFormatException error = assertThrows(DatasetFormatException.class,
                () -> Dataset.open(folder).readShard(0));
        assertMessage(error, "'signal' has shape [3, 5], expected [3, 8]");
    }

    @Test
    void wrongElementTypeNamesExpectedAndFound() {
        rewriteShard(new double[3][8], new byte[3][2][2]);
        DatasetFormatException error = assertThrows(DatasetFormatException.class,
                () -> Dataset.open(folder).readShard(0));
        assertMessage(error, "'signal' contains double values, expected float32");
    }

    @Test
    void changedShardFailsChecksum() {
        rewriteShard(new float[3][8], new byte[3][2][2]);
        DatasetFormatException error = assertThrows(DatasetFormatException.class,
                () -> Dataset.open(folder).readShard(0));
        assertMessage(error, "SHA-256", "write its new SHA-256 into the manifest's entry for shard-00000.h5");
    }

    @Test
    void incompleteDatasetIsNotOpened() throws Exception {
        Path manifest = folder.resolve(ManifestFiles.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"complete\" : true", "\"complete\" : false"));
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> Dataset.open(folder));
        assertMessage(error, "is incomplete", "rerun the command");
    }

    private void rewriteShard(Object signal, Object mask) {
        try (WritableHdfFile hdf = HdfFile.write(shard)) {
            hdf.putDataset("signal", signal);
            hdf.putDataset("mask", mask);
            hdf.putDataset("seeds", new long[3]);
        }
    }
}
