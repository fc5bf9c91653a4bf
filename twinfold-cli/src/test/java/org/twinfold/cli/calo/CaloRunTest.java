package org.twinfold.cli.calo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.twinfold.cli.ChildJvm;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.evaluation.EvaluationFiles;
import org.twinfold.core.metrics.MetricResult;

/**
 * Runs the calorimeter twin end to end on the smoke preset (64 training and 32 test showers, 20
 * training steps) through the command line in a JVM of its own, as a user would.
 */
class CaloRunTest {
    private static final String READ_CHALLENGE_FILE = String.join("\n",
            "import sys, h5py",
            "with h5py.File(sys.argv[1], 'r') as f:",
            "    print(f['incident_energies'].shape, f['showers'].shape)");

    @TempDir
    Path temp;

    @Test
    void smokeRunWritesCalorimeterMetrics() throws Exception {
        Path out = temp.resolve("run");
        ChildJvm.Result run = ChildJvm.run("run", "calorimeter", "--preset", "smoke", "--out", out.toString(),
                "--threads", "1");
        assertEquals(0, run.exitCode(), run.output());

        Map<String, MetricResult> metrics = EvaluationFiles.read(out.resolve("evaluation.json")).metrics().stream()
                .collect(Collectors.toMap(MetricResult::name, Function.identity()));
        List<String> expected = new ArrayList<>(List.of("separation_power/energy_ratio",
                "separation_power/layer_energy/layer_00", "separation_power/layer_energy/layer_44",
                "separation_power/layer_energy/mean", "separation_power/centre_eta/mean",
                "separation_power/centre_phi/mean", "separation_power/width_eta/mean", "separation_power/width_phi/mean",
                "separation_power/sparsity/mean", "separation_power/voxel_energy", "energy_ratio/wasserstein",
                "energy_ratio/ks_statistic", "energy_ratio/ks_p_value", "fpd", "kpd", "cls-low/auc", "cls-low/jsd",
                "cls-high/auc", "cls-high/jsd", "generation_time/batch_1", "generation_time/batch_100",
                "generation_time/batch_10000"));
        for (String name : expected) {
            assertTrue(metrics.containsKey(name), name + " missing from " + metrics.keySet());
            assertTrue(Double.isFinite(metrics.get(name).value()), name + " = " + metrics.get(name).value());
        }
        // A layer that is empty in every held-out shower but not in the generated ones makes chi2 infinite.
        for (String name : List.of("chi2/layer_profile", "chi2_diagonal/layer_profile")) {
            assertTrue(metrics.containsKey(name), name + " missing from " + metrics.keySet());
            assertFalse(Double.isNaN(metrics.get(name).value()), name + " is NaN");
        }
        assertTrue(metrics.get("cls-high/auc").definition().contains("[256, 256, 256]"));
        assertEquals("ms", metrics.get("generation_time/batch_100").unit());
        assertTrue(run.output().contains("calorimeter evaluation 4/6: classifier two-sample tests"), run.output());
        assertTrue(run.output().contains("cls-high/auc"), run.output());

        assertEquals("(32, 1) (32, 6480)", python(READ_CHALLENGE_FILE, out.resolve("challenge/reference.hdf5")));
        assertEquals("(32, 1) (32, 6480)", python(READ_CHALLENGE_FILE, out.resolve("challenge/generated.hdf5")));

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h2>Calorimeter (CaloChallenge 2022, Dataset 2 geometry)</h2>"));
        assertTrue(html.contains("<h2>Task metrics</h2>"));
        assertTrue(html.contains("Generation time per shower"));
        assertTrue(html.contains("MDMA (published)"));
        for (String alt : List.of("mean energy per layer", "mean centre of energy in eta", "mean centre of energy in phi",
                "mean width in eta", "mean width in phi", "mean sparsity per layer", "histogram of E_tot / E_inc",
                "histogram of the energy in layer 8", "histogram of the voxel energies")) {
            assertTrue(html.contains("<img alt=\"" + alt + "\" src=\"data:image/png;base64,"), alt);
        }
    }

    @Test
    void challengeFilesRejectedForOtherTasks() throws Exception {
        ChildJvm.Result evaluate = ChildJvm.run("evaluate", "oscillator", "--reference", temp.resolve("a").toString(),
                "--generated", temp.resolve("b").toString(), "--out", temp.resolve("e.json").toString(),
                "--challenge-files", temp.resolve("challenge").toString());

        assertEquals(2, evaluate.exitCode(), evaluate.output());
        assertTrue(evaluate.output().contains("--challenge-files applies to task calorimeter only"), evaluate.output());
    }


    private static String python(String script, Path file) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), "python3 with h5py failed (is python3-h5py installed?):\n" + output);
        return output.strip();
    }

}
