package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.sim.calo.CaloChallengeReader;

class CaloChallengeCommandsTest {
    @TempDir
    Path temp;

    private static void assertContains(CliRunner.Result result, String text) {
        assertTrue(result.all().contains(text), "output lacks '" + text + "':\n" + result.all());
    }

    private long entries() throws Exception {
        try (Stream<Path> files = Files.list(temp)) {
            return files.count();
        }
    }

    @Test
    void exportThenImportRoundTrips() throws Exception {
        Path simulated = temp.resolve("simulated");
        CliRunner.Result simulate = CliRunner.run("simulate", "calorimeter", "--preset", "smoke", "--samples", "10",
                "--shard-size", "4", "--threads", "2", "--out", simulated.toString());
        assertEquals(0, simulate.exitCode(), simulate.all());
        assertTrue(Files.exists(simulated.resolve("previews/sample-00000.png")));

        Path file = temp.resolve("files/showers.hdf5");
        CliRunner.Result export = CliRunner.run("export", "--format", "calochallenge", "--out", file.toString(),
                simulated.toString());
        assertEquals(0, export.exitCode(), export.all());
        Dataset original = Dataset.open(simulated);
        float[] showers = original.readAll().floats("showers");
        try (CaloChallengeReader reader = CaloChallengeReader.open(file, 6480)) {
            assertEquals(10, reader.showerCount());
            assertArrayEquals(showers, reader.showers(0, 10));
        }

        Path imported = temp.resolve("imported");
        CliRunner.Result result = CliRunner.run("import", "--format", "calochallenge", "--shard-size", "3", "--out",
                imported.toString(), file.toString());
        assertEquals(0, result.exitCode(), result.all());
        Dataset copy = Dataset.open(imported);
        assertEquals("calorimeter", copy.manifest().task());
        assertEquals(4, copy.manifest().shardCount());
        assertArrayEquals(showers, copy.readAll().floats("showers"));
        for (int i = 0; i < 10; i++) {
            double energy = original.points().get(i).value(0);
            assertEquals(energy, copy.points().get(i).value(0), 1e-6 * energy);
        }
        assertFalse(Files.exists(temp.resolve("imported.tmp")));
    }

    @Test
    void importOfMissingFileExitsWithTwo() throws Exception {
        CliRunner.Result result = CliRunner.run("import", "--format", "calochallenge", "--out",
                temp.resolve("out").toString(), temp.resolve("absent.hdf5").toString());
        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "does not exist");
        assertEquals(0, entries());
    }

    @Test
    void importOfWrongShapeExitsWithTwo() throws Exception {
        Path file = temp.resolve("narrow.hdf5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("incident_energies", new double[][] {{1e3}, {2e3}});
            hdf.putDataset("showers", new double[2][368]);
        }
        CliRunner.Result result = CliRunner.run("import", "--format", "calochallenge", "--out",
                temp.resolve("out").toString(), file.toString());
        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "expected (N, 6480)");
        assertEquals(1, entries());
    }

    @Test
    void importWithNanLeavesNoPartialOutput() throws Exception {
        Path file = temp.resolve("nan.hdf5");
        double[][] showers = new double[3][6480];
        showers[2][100] = Double.NaN;
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("incident_energies", new double[][] {{1e3}, {2e3}, {3e3}});
            hdf.putDataset("showers", showers);
        }
        CliRunner.Result result = CliRunner.run("import", "--format", "calochallenge", "--shard-size", "1", "--out",
                temp.resolve("out").toString(), file.toString());
        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "showers[2, 100] is NaN");
        assertEquals(1, entries());
    }

    @Test
    void exportOfOtherTaskExitsWithTwo() throws Exception {
        Path oscillator = temp.resolve("osc");
        assertEquals(0, CliRunner.run("simulate", "oscillator", "--samples", "3", "--out", oscillator.toString())
                .exitCode());
        Path file = temp.resolve("out.hdf5");
        CliRunner.Result result = CliRunner.run("export", "--format", "calochallenge", "--out", file.toString(),
                oscillator.toString());
        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "has no field 'showers'");
        assertFalse(Files.exists(file));
    }

    @Test
    void unknownFormatAndMissingDatasetExitWithTwo() {
        CliRunner.Result format = CliRunner.run("export", "--format", "root", "--out", temp.resolve("x.h5").toString(),
                temp.toString());
        assertEquals(2, format.exitCode());
        assertContains(format, "only supported format is calochallenge");

        CliRunner.Result missing = CliRunner.run("export", "--format", "calochallenge", "--out",
                temp.resolve("x.h5").toString(), temp.resolve("absent").toString());
        assertEquals(2, missing.exitCode(), missing.all());
    }

    @Test
    void benchCaloPrintsRates() {
        CliRunner.Result result = CliRunner.run("bench", "calo", "--showers", "20", "--threads", "1", "--calibration-showers", "3");
        assertEquals(0, result.exitCode(), result.all());
        assertContains(result, "showers/s on 1 thread(s)");
        assertContains(result, "100 GeV - 1 TeV");
        assertContains(result, "peak layer");
    }
}
