package org.twinfold.cli.calo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.evaluation.Evaluation;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.sim.calo.CaloChallengeFiles;
import org.twinfold.sim.calo.CaloFeatures;
import org.twinfold.sim.calo.ShowerSettings;

/**
 * Adds the CaloChallenge 2022 metrics to the evaluation of a {@code calorimeter} surrogate:
 * separation powers of the challenge's histograms ({@link ChallengeHistograms}), W1 and KS of
 * E_tot / E_inc and the correlated chi-square of the layer profile and FPD and KPD
 * ({@link ShowerDistances}), classifier AUC and JSD on low- and high-level features
 * ({@link ClassifierMetrics}), and the surrogate's generation time per shower at batch 1, 100 and
 * 10,000 ({@link GenerationTiming}). It can also write both samples as challenge HDF5 files, so the
 * challenge's own {@code evaluate.py} can judge them.
 */
public final class CaloEvaluationStep {
    /** Name of the task this step serves. */
    public static final String TASK = "calorimeter";
    /** File names of the challenge files in their folder. */
    public static final String REFERENCE_FILE = "reference.hdf5";
    public static final String GENERATED_FILE = "generated.hdf5";
    private static final int STAGES = 6;
    private static final Logger LOG = LoggerFactory.getLogger(CaloEvaluationStep.class);

    private CaloEvaluationStep() {
    }

    /**
     * Input datasets, output folder and settings of the step.
     *
     * @param reference held-out simulated dataset
     * @param generated the surrogate's dataset at the same incident energies
     * @param checkpoints the surrogate's checkpoint folder, or null to skip the generation timing
     * @param challengeFolder folder for {@value #REFERENCE_FILE} and {@value #GENERATED_FILE}, or null
     *     to write no challenge files
     * @param seed seed of the classifiers, the FPD and KPD batches and the timing's latents
     * @param threads how the neural engine's threads were set, for the timing's definition
     */
    public record Inputs(Path reference, Path generated, Path checkpoints, Path challengeFolder, long seed,
                         String threads) {
    }

    /** Returns true for the calorimeter task. */
    public static boolean applies(Task task) {
        return task.name().equals(TASK);
    }

    /**
     * Computes the calorimeter metrics and returns the evaluation with them appended.
     *
     * @param progress receives one line at the start of each stage
     */
    public static Evaluation extend(Evaluation evaluation, Inputs inputs, Consumer<String> progress)
            throws IOException {
        CaloFeatures calculator = CaloFeatures.dataset2();
        double threshold = ShowerSettings.CHALLENGE_THRESHOLD_MEV;
        long start = System.nanoTime();

        stage(progress, 1, "features of the held-out and generated showers");
        ShowerSample reference = ShowerSample.read(Dataset.open(inputs.reference()), calculator);
        ShowerSample generated = ShowerSample.read(Dataset.open(inputs.generated()), calculator);
        if (inputs.challengeFolder() != null) {
            writeChallengeFiles(inputs.challengeFolder(), reference, generated);
        }

        List<MetricResult> metrics = new ArrayList<>();
        stage(progress, 2, "separation power of the challenge's histograms");
        metrics.addAll(new ChallengeHistograms(threshold).separationPowers(reference, generated));
        metrics.addAll(ShowerDistances.energyRatio(reference, generated));
        metrics.addAll(ShowerDistances.layerProfileChiSquare(reference, generated));

        stage(progress, 3, "FPD and KPD of the high-level features");
        metrics.addAll(ShowerDistances.physicsDistances(reference, generated, inputs.seed()));

        stage(progress, 4, "classifier two-sample tests cls-low and cls-high");
        metrics.addAll(ClassifierMetrics.run(reference, generated, threshold, inputs.seed()));

        if (inputs.checkpoints() != null) {
            stage(progress, 5, "generation time per shower at batch 1, 100 and 10,000");
            metrics.addAll(GenerationTiming.measure(inputs.checkpoints(), Dataset.open(inputs.generated()).points(),
                    GenerationTiming.CHALLENGE_BATCHES, inputs.threads(), inputs.seed()));
        }
        stage(progress, STAGES, String.format(Locale.ROOT, "done in %.1f s",
                (System.nanoTime() - start) * 1e-9));
        return evaluation.withMetrics(metrics);
    }

    /** Prints the headline numbers of the calorimeter metrics, when present. */
    public static void printSummary(Evaluation evaluation) {
        for (String name : List.of("cls-low/auc", "cls-high/auc", "fpd", "kpd", "chi2/layer_profile",
                "chi2_diagonal/layer_profile", "energy_ratio/wasserstein", "separation_power/energy_ratio",
                "separation_power/layer_energy/mean", "generation_time/batch_1", "generation_time/batch_100",
                "generation_time/batch_10000")) {
            evaluation.metrics().stream().filter(m -> m.name().equals(name)).findFirst().ifPresent(m ->
                    System.out.printf(Locale.ROOT, "  %-36s %.4g%s %s%n", m.name(), m.value(),
                            m.hasUncertainty() ? String.format(Locale.ROOT, " +- %.2g", m.uncertainty()) : "",
                            m.unit().equals("1") ? "" : m.unit()));
        }
    }

    private static void writeChallengeFiles(Path folder, ShowerSample reference, ShowerSample generated)
            throws IOException {
        Files.createDirectories(folder);
        CaloChallengeFiles.write(folder.resolve(REFERENCE_FILE), reference.incidentEnergiesMeV(), reference.showers(),
                reference.voxels());
        CaloChallengeFiles.write(folder.resolve(GENERATED_FILE), generated.incidentEnergiesMeV(), generated.showers(),
                generated.voxels());
        LOG.info("wrote challenge files of {} held-out and {} generated showers to {}", reference.size(),
                generated.size(), folder);
    }

    private static void stage(Consumer<String> progress, int index, String text) {
        progress.accept(String.format(Locale.ROOT, "calorimeter evaluation %d/%d: %s", index, STAGES, text));
    }
}
