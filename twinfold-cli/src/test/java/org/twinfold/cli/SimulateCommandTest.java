package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.testkit.H5py;

class SimulateCommandTest {
    @TempDir
    Path temp;

    private static void assertContains(CliRunner.Result result, String text) {
        assertTrue(result.all().contains(text), "output lacks '" + text + "':\n" + result.all());
    }

    @Test
    void simulateWritesDatasetAndInspectPrintsIt() {
        Path out = temp.resolve("osc");
        CliRunner.Result simulate = CliRunner.run("simulate", "oscillator", "--samples", "20", "--threads", "2",
                "--out", out.toString());
        assertEquals(0, simulate.exitCode(), simulate.all());
        assertEquals(20, Dataset.open(out).size());

        CliRunner.Result inspect = CliRunner.run("inspect", out.toString());
        assertEquals(0, inspect.exitCode(), inspect.all());
        assertContains(inspect, "20 samples in 1 shard (1 complete)");
        assertContains(inspect, "\"commandLine\" : \"twinfold simulate oscillator --samples 20");
    }

    @Test
    void tasksListsOscillator() {
        CliRunner.Result result = CliRunner.run("tasks");
        assertEquals(0, result.exitCode());
        assertContains(result, "oscillator");
        assertContains(result, "(127,488 training and 5,000 test samples, 9,960 training steps)");
        assertContains(result, "(for 'simulate' only: 25 runs)");
        assertContains(result, "(24 training and 12 test samples, 30 training steps)");
    }

    @Test
    void unknownTaskExitsWithTwo() {
        CliRunner.Result result = CliRunner.run("simulate", "pendulum", "--out", temp.resolve("x").toString());
        assertEquals(2, result.exitCode());
        assertContains(result, "unknown task 'pendulum'");
    }

    @Test
    void unknownCommandExitsWithTwo() {
        CliRunner.Result result = CliRunner.run("simulat", "oscillator");
        assertEquals(2, result.exitCode());
        assertContains(result, "unknown command 'simulat'");
        assertContains(result, "simulate");
    }

    @Test
    void badSampleCountExitsWithTwo() {
        CliRunner.Result result = CliRunner.run("simulate", "oscillator", "--samples", "0", "--out",
                temp.resolve("x").toString());
        assertEquals(2, result.exitCode());
        assertContains(result, "sample count is 0");
    }

    @Test
    void unwritableOutputExitsWithOneAndLeavesNothing() throws Exception {
        Path blocker = Files.writeString(temp.resolve("file"), "x");
        CliRunner.Result result = CliRunner.run("simulate", "oscillator", "--samples", "5", "--out",
                blocker.resolve("data").toString());
        assertEquals(1, result.exitCode());
        assertContains(result, "cannot create output folder");
        assertEquals("x", Files.readString(blocker));
    }

    @Test
    void missingDatasetInspectExitsWithTwo() {
        CliRunner.Result result = CliRunner.run("inspect", temp.resolve("missing").toString());
        assertEquals(2, result.exitCode());
        assertContains(result, "does not exist");
    }

    @Test
    void nonHdf5FileInspectExitsWithTwo() throws Exception {
        Path text = Files.writeString(temp.resolve("data.h5"), "not hdf5");
        CliRunner.Result result = CliRunner.run("inspect", text.toString());
        assertEquals(2, result.exitCode());
        assertContains(result, "is not a readable HDF5 file");
    }

    @Test
    void inspectNamesH5pyUnsignedBytes() throws Exception {
        Path file = temp.resolve("masks.h5");
        H5py.run("import sys, h5py, numpy; h5py.File(sys.argv[1], 'w').create_dataset('cell_type',"
                + " data=numpy.zeros((2, 4, 4), numpy.uint8))", file.toString());

        CliRunner.Result result = CliRunner.run("inspect", file.toString());
        assertEquals(0, result.exitCode(), result.all());
        assertContains(result, "cell_type        uint8    [2, 4, 4]");
    }

    @Test
    void configFileSetsOptions() throws Exception {
        Path config = Files.writeString(temp.resolve("sweep.yaml"), "samples: 7\nshard-size: 3\nseed: 9\n");
        Path out = temp.resolve("osc");
        CliRunner.Result result = CliRunner.run("simulate", "oscillator", "--config", config.toString(), "--out",
                out.toString());
        assertEquals(0, result.exitCode(), result.all());
        assertEquals(7, Dataset.open(out).size());
        assertEquals(3, Dataset.open(out).manifest().shardCount());
    }

    @Test
    void configFileWithUnknownKeyExitsWithTwo() throws Exception {
        Path config = Files.writeString(temp.resolve("sweep.json"), "{\"sample\": 7}");
        CliRunner.Result result = CliRunner.run("simulate", "oscillator", "--config", config.toString(), "--out",
                temp.resolve("x").toString());
        assertEquals(2, result.exitCode());
        assertContains(result, "unknown key 'sample'");
        assertContains(result, "samples");
    }

    /** Runs {@code simulate oscillator} with a config file, then any further options, into a folder of its own. */
    private CliRunner.Result simulateWithConfig(Path config, String... options) {
        List<String> args = new ArrayList<>(List.of("simulate", "oscillator", "--config", config.toString(), "--out",
                temp.resolve("config-run").toString()));
        args.addAll(List.of(options));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void malformedConfigNamesLineAndFix() throws Exception {
        Path config = Files.writeString(temp.resolve("broken.yaml"), "samples: 7\nseed: [9\n");
        CliRunner.Result result = simulateWithConfig(config);
        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "config file " + config + " is not valid YAML or JSON at line ");
        assertContains(result, "write one 'option: value' per line");
        assertEquals(1, result.all().strip().lines().count(), "one line: " + result.all());
        assertFalse(Files.exists(temp.resolve("config-run")));
    }

    @Test
    void badValueFromConfigNamesTheFile() throws Exception {
        Path config = Files.writeString(temp.resolve("threads.yaml"), "threads: -2\n");
        CliRunner.Result result = simulateWithConfig(config);
        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "--threads is -2");
        assertContains(result, "(--threads came from config file " + config + ")");

        CliRunner.Result onCommandLine = simulateWithConfig(config, "--threads", "-3");
        assertEquals(2, onCommandLine.exitCode(), onCommandLine.all());
        assertFalse(onCommandLine.all().contains("came from config file"), onCommandLine.all());

        // A value that picocli cannot convert names the file too.
        Path letters = Files.writeString(temp.resolve("seed.yaml"), "seed: abc\n");
        CliRunner.Result unconverted = simulateWithConfig(letters);
        assertEquals(2, unconverted.exitCode(), unconverted.all());
        assertContains(unconverted, "'abc' is not a whole number (--seed came from config file " + letters + ")");
        assertFalse(Files.exists(temp.resolve("config-run")));
    }
}
