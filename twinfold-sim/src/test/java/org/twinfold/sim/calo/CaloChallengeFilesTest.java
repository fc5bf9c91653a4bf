package org.twinfold.sim.calo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.dataset.DatasetFormatException;

class CaloChallengeFilesTest {
    private static final int VOXELS = 6480;

    @TempDir
    Path temp;

    private static float[] simulated(double... energies) {
        List<ParameterPoint> points = Arrays.stream(energies).mapToObj(ParameterPoint::of).toList();
        long[] seeds = new long[energies.length];
        Arrays.setAll(seeds, i -> i + 1);
        return CaloShowerGenerator.builder().build().generate(points, seeds).floats("showers");
    }

    private String failure(Path file) {
        return assertThrows(DatasetFormatException.class, () -> {
            try (CaloChallengeReader reader = CaloChallengeReader.open(file, VOXELS)) {
                reader.incidentEnergiesMeV();
                reader.showers(0, reader.showerCount());
            }
        }).getMessage();
    }

    @Test
    void writeThenReadRoundTrips() throws Exception {
        double[] energies = {1500.0, 2.5e4, 8e5};
        float[] showers = simulated(energies);
        Path file = temp.resolve("showers.hdf5");
        CaloChallengeFiles.write(file, energies, showers, VOXELS);

        assertFalse(Files.exists(temp.resolve("showers.hdf5.tmp")));
        try (CaloChallengeReader reader = CaloChallengeReader.open(file, VOXELS)) {
            assertEquals(3, reader.showerCount());
            assertArrayEquals(energies, reader.incidentEnergiesMeV(), 1e-3);
            assertArrayEquals(showers, reader.showers(0, 3));
            assertArrayEquals(Arrays.copyOfRange(showers, VOXELS, 3 * VOXELS), reader.showers(1, 2));
        }
        try (HdfFile hdf = new HdfFile(file)) {
            assertFalse(hdf.getDatasetByPath("showers").getFilters().isEmpty(), "showers are not compressed");
        }
    }

    @Test
    void mismatchedInputIsRejectedBeforeWriting() {
        Path file = temp.resolve("bad.hdf5");
        assertThrows(IllegalArgumentException.class,
                () -> CaloChallengeFiles.write(file, new double[] {1e3, 2e3}, new float[VOXELS], VOXELS));
        float[] withNan = new float[VOXELS];
        withNan[17] = Float.NaN;
        String message = assertThrows(IllegalArgumentException.class,
                () -> CaloChallengeFiles.write(file, new double[] {1e3}, withNan, VOXELS)).getMessage();
        assertTrue(message.contains("voxel 17 is NaN"), message);
        assertFalse(Files.exists(file));
    }

    @Test
    void missingFileAndDatasetAreNamed() throws Exception {
        assertTrue(failure(temp.resolve("absent.hdf5")).contains("does not exist"));

        Path noShowers = temp.resolve("no-showers.hdf5");
        try (WritableHdfFile hdf = HdfFile.write(noShowers)) {
            hdf.putDataset("incident_energies", new double[][] {{1e3}});
        }
        assertTrue(failure(noShowers).contains("has no dataset 'showers'"));
    }

    @Test
    void wrongShapesAreNamed() throws Exception {
        Path narrow = temp.resolve("narrow.hdf5");
        try (WritableHdfFile hdf = HdfFile.write(narrow)) {
            hdf.putDataset("incident_energies", new double[][] {{1e3}});
            hdf.putDataset("showers", new double[1][368]);
        }
        assertTrue(failure(narrow).contains("showers has shape [1, 368], expected (N, 6480)"), failure(narrow));

        Path flatEnergies = temp.resolve("flat.hdf5");
        try (WritableHdfFile hdf = HdfFile.write(flatEnergies)) {
            hdf.putDataset("incident_energies", new double[] {1e3});
            hdf.putDataset("showers", new double[1][VOXELS]);
        }
        assertTrue(failure(flatEnergies).contains("incident_energies has shape [1], expected (N, 1)"));

        Path mismatch = temp.resolve("mismatch.hdf5");
        try (WritableHdfFile hdf = HdfFile.write(mismatch)) {
            hdf.putDataset("incident_energies", new double[][] {{1e3}, {2e3}});
            hdf.putDataset("showers", new double[1][VOXELS]);
        }
        assertTrue(failure(mismatch).contains("2 incident energies but 1 showers"));
    }

    @Test
    void float64NanAndBadEnergiesAreRejected() throws Exception {
        Path nan = temp.resolve("nan.hdf5");
        double[][] showers = new double[2][VOXELS];
        showers[1][5] = Double.NaN;
        try (WritableHdfFile hdf = HdfFile.write(nan)) {
            hdf.putDataset("incident_energies", new double[][] {{1e3}, {2e3}});
            hdf.putDataset("showers", showers);
        }
        assertTrue(failure(nan).contains("showers[1, 5] is NaN"), failure(nan));

        Path negative = temp.resolve("negative.hdf5");
        try (WritableHdfFile hdf = HdfFile.write(negative)) {
            hdf.putDataset("incident_energies", new double[][] {{-1.0}});
            hdf.putDataset("showers", new double[1][VOXELS]);
        }
        assertTrue(failure(negative).contains("incident_energies[0] is -1.0"));
    }

    @Test
    void float64FilesAreRead() throws Exception {
        Path file = temp.resolve("float64.hdf5");
        double[][] showers = new double[2][VOXELS];
        showers[0][0] = 12.5;
        showers[1][6479] = 0.25;
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("incident_energies", new double[][] {{1e3}, {1e6}});
            hdf.putDataset("showers", showers);
        }
        try (CaloChallengeReader reader = CaloChallengeReader.open(file, VOXELS)) {
            assertArrayEquals(new double[] {1e3, 1e6}, reader.incidentEnergiesMeV());
            float[] read = reader.showers(0, 2);
            assertEquals(12.5f, read[0]);
            assertEquals(0.25f, read[2 * VOXELS - 1]);
        }
    }

    @Test
    void truncatedFileIsUnreadable() throws Exception {
        Path file = temp.resolve("whole.hdf5");
        CaloChallengeFiles.write(file, new double[] {1e3, 1e4}, simulated(1e3, 1e4), VOXELS);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(temp.resolve("truncated.hdf5"), Arrays.copyOf(bytes, bytes.length / 2));
        String message = failure(truncated);
        assertTrue(message.contains("is not a readable HDF5 file"), message);

        Path text = Files.writeString(temp.resolve("text.hdf5"), "not hdf5");
        assertTrue(failure(text).contains("is not a readable HDF5 file"));
    }
}
