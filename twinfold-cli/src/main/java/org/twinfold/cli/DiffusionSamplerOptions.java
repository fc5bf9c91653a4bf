package org.twinfold.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twinfold.core.Generator;
import org.twinfold.ml.diffusion.ComputeOptions;
import org.twinfold.ml.diffusion.DiffusionModel;
import org.twinfold.ml.diffusion.DiffusionSettings;
import org.twinfold.ml.diffusion.DiffusionSurrogate;
import org.twinfold.ml.diffusion.SamplerSettings;
import org.twinfold.ml.diffusion.SamplingOptions;
import org.twinfold.ml.train.Checkpoint;
import picocli.CommandLine.Option;

/** Sampler settings of a diffusion checkpoint, each left at the family's default when not given. */
final class DiffusionSamplerOptions {
    /** The options of this class, as error messages list them. */
    static final String NAMES = "--sampler-steps, --churn, --guidance, --guidance-interval, --guide-checkpoint and"
            + " --guide-condition";

    @Option(names = "--sampler-steps", paramLabel = "N",
            description = "Diffusion models only: Heun steps N of the EDM sampler (2N - 1 network evaluations per "
                    + "image), at least 2. Fewer steps generate faster. Default: the checkpoint's "
                    + "diffusion.sampler-steps setting, else EDM's 18.")
    Integer steps;

    @Option(names = "--churn", paramLabel = "S",
            description = "Diffusion models only: EDM's S_churn, the noise added back at each step, 0 or more "
                    + "(0 is the deterministic sampler). Default: the checkpoint's diffusion.churn setting, else 0.")
    Double churn;

    @Option(names = "--guidance", paramLabel = "W",
            description = "Diffusion models only: guidance weight, 1 for none; above 1 weighs the model against "
                    + "its guide model when it has one (autoguidance), else against the unconditional model "
                    + "(classifier-free guidance, which needs a model trained with label dropout). Either doubles the "
                    + "network evaluations. Default: the checkpoint's diffusion.guidance setting, else 1.")
    Double guidance;

    @Option(names = "--guidance-interval", paramLabel = "LOW,HIGH",
            description = "Diffusion models only: the noise levels sigma at which guidance applies, e.g. 0.3,3 "
                    + "(HIGH may be inf); outside them the sampler uses the conditional model alone, at half the cost. "
                    + "Default: the checkpoint's diffusion.guidance-interval setting, else every level.")
    String guidanceInterval;

    @Option(names = "--guide-checkpoint", paramLabel = "DIR",
            description = "Diffusion models only: guide the sampler with this weaker model of the same data (a "
                    + "smaller network or one trained for fewer steps) in place of the unconditional model, so "
                    + "--guidance W weighs the checkpoint against this guide (autoguidance). Default: the checkpoint "
                    + "folder's guide sub-folder, which training writes with diffusion.guide-fraction above 0, else "
                    + "none.")
    Path guideCheckpoint;

    @Option(names = "--guide-condition", paramLabel = "same|none",
            description = "Diffusion models with a guide model only: 'same' gives the guide each sample's condition;"
                    + " 'none' gives it none (it must have been trained with label dropout). Guidance then pushes"
                    + " away from the weaker model and from the average of all classes in one step. Default: the"
                    + " checkpoint's setting (diffusion.guide-condition), else same.")
    String guideCondition;

    /** The checkpoint that --guide-checkpoint resolved to, once loaded. */
    private Path guideFolder;

    /** Returns true when no option was given. */
    boolean isEmpty() {
        return steps == null && churn == null && guidance == null && guidanceInterval == null
                && guideCheckpoint == null && guideCondition == null;
    }

    /**
     * Checks the options before any work starts, so that a long run does not fail at its sampling step:
     * only diffusion surrogates take them, and each value must be valid.
     *
     * @param family the surrogate family that the run trains
     * @throws InvalidInputException naming the option and the fix
     */
    void checkFor(String family) {
        if (isEmpty()) {
            return;
        }
        if (!DiffusionModel.FAMILY.equals(family)) {
            throw new InvalidInputException(NAMES + " apply to diffusion surrogates; this run trains a '" + family
                    + "' surrogate, so drop them");
        }
        checkValues();
    }

    /**
     * Checks each given value on its own, without a checkpoint, so that {@code sample} rejects a bad value
     * before it loads the model.
     *
     * @throws InvalidInputException naming the option and the fix
     */
    void checkValues() {
        if (isEmpty()) {
            return;
        }
        if (churn != null && !(churn >= 0 && Double.isFinite(churn))) {
            throw new InvalidInputException("--churn is " + churn + "; give 0 or more, e.g. 10 (0 is the"
                    + " deterministic sampler)");
        }
        // Each value is checked on its own, so that the message names the option at fault.
        check("--sampler-steps", () -> SamplerSettings.deterministic(steps == null ? 18 : steps));
        check("--guidance", () -> new SamplingOptions(SamplerSettings.deterministic(18), 1,
                guidance == null ? 1 : guidance));
        if (guidanceInterval != null) {
            check("--guidance-interval", () -> {
                double[] bounds = DiffusionSettings.guidanceInterval(guidanceInterval);
                new SamplingOptions(SamplerSettings.deterministic(18), 1, 2).withGuidanceInterval(bounds[0],
                        bounds[1]);
            });
        }
        if (guideCondition != null) {
            check("--guide-condition", () -> DiffusionSettings.unconditionalGuide(guideCondition));
        }
        if (guideCheckpoint != null) {
            requireGuideFolder();
        }
    }

    /**
     * Returns the surrogate with these settings applied.
     *
     * @throws InvalidInputException when an option was given for a checkpoint that is not a diffusion model
     */
    Generator apply(Generator surrogate) {
        if (isEmpty()) {
            return surrogate;
        }
        if (!(surrogate instanceof DiffusionSurrogate diffusion)) {
            throw new InvalidInputException(NAMES + " apply to diffusion checkpoints; "
                    + "this checkpoint holds a '" + surrogate.info().id() + "' surrogate, so drop them");
        }
        SamplingOptions current = diffusion.sampling();
        try {
            SamplerSettings sampler = current.sampler();
            if (steps != null) {
                sampler = SamplerSettings.deterministic(steps).withChurn(sampler.sChurn(), sampler.sNoise());
            }
            if (churn != null) {
                sampler = sampler.withChurn(churn, sampler.sNoise());
            }
            double scale = guidance == null ? current.guidanceScale() : guidance;
            SamplingOptions options = new SamplingOptions(sampler, current.batchSize(), scale,
                    current.guidanceSigmaMin(), current.guidanceSigmaMax(), current.unconditionalGuide());
            if (guideCondition != null) {
                options = options.withUnconditionalGuide(DiffusionSettings.unconditionalGuide(guideCondition));
            }
            if (guidanceInterval != null) {
                double[] bounds = DiffusionSettings.guidanceInterval(guidanceInterval);
                options = options.withGuidanceInterval(bounds[0], bounds[1]);
            }
            DiffusionSurrogate sampled = diffusion.withSampling(options);
            if (guideCheckpoint == null) {
                return sampled;
            }
            DiffusionModel weaker = loadGuide();
            return sampled.withGuide(weaker, guideFolder.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** Runs a check of one option's value and prefixes its error with the option's name. */
    private static void check(String option, Runnable validation) {
        try {
            validation.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option + ": " + e.getMessage());
        }
    }

    private void requireGuideFolder() {
        if (!Files.exists(guideCheckpoint)) {
            throw new InvalidInputException("--guide-checkpoint " + guideCheckpoint + " does not exist; give the"
                    + " checkpoint folder of a diffusion model trained on the same data");
        }
        if (!Files.isDirectory(guideCheckpoint)) {
            throw new InvalidInputException("--guide-checkpoint " + guideCheckpoint + " is not a folder; give the"
                    + " checkpoint folder of a diffusion model trained on the same data");
        }
    }

    /** Loads the newest checkpoint of --guide-checkpoint and remembers its folder for the provenance. */
    private DiffusionModel loadGuide() {
        requireGuideFolder();
        try {
            guideFolder = Checkpoint.read(guideCheckpoint).folder();
            return DiffusionModel.load(guideFolder, ComputeOptions.cpu());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("--guide-checkpoint " + guideCheckpoint + " cannot guide this model: "
                    + e.getMessage() + "; give the checkpoint folder of a diffusion model trained on the same data");
        }
    }
}
