package org.twinfold.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.Sampling;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.Manifest;
import org.twinfold.ml.SurrogateFamilies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Generates a dataset with a trained surrogate. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Generate a dataset with a trained surrogate, at the parameter points of an existing dataset "
                + "(--points-from) or at newly sampled points (--samples).")
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR",
            description = "Checkpoint folder written by 'twinfold train'; its newest checkpoint is used.")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset folder to write.")
    Path out;

    @Option(names = "--points-from", paramLabel = "DIR",
            description = "Use the parameter points and seeds of this dataset, so that each generated sample has the "
                    + "inputs of one simulated sample, for a sample-by-sample comparison. The samples then "
                    + "depend on those seeds, not on --seed.")
    Path pointsFrom;

    @Option(names = "--samples", paramLabel = "N", description = "Number of new points to sample instead.")
    Integer samples;

    @Option(names = "--sampling", paramLabel = "METHOD", defaultValue = "lhs",
            description = "How new points are drawn: grid, uniform, log-uniform, lhs or classes. Default: ${DEFAULT-VALUE}.")
    String sampling;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256",
            description = "Samples per surrogate call; larger batches generate faster. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Mixin
    DiffusionSamplerOptions sampler;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Bad sampler values fail here, before the engine starts and the model loads.
        sampler.checkValues();
        if (pointsFrom != null && spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
            System.err.println("Note: --seed has no effect with --points-from; each sample's noise comes from the seed"
                    + " of its point in " + pointsFrom + ", so the same command gives the same samples");
        }
        Surrogates.startEngine(common.resolvedThreads());
        List<ParameterPoint> points = points();
        long[] seeds = pointsFrom == null ? null : Dataset.open(pointsFrom).manifest().seeds();
        Manifest manifest = Surrogates.sample(checkpoint, points, seeds, common.seed, batch, common.resolvedThreads(),
                sampler, out, "sample");
        System.out.printf("Wrote %d surrogate samples to %s%n", manifest.sampleCount(), out);
        return ExitCode.SUCCESS;
    }

    private List<ParameterPoint> points() throws Exception {
        if ((pointsFrom == null) == (samples == null)) {
            throw new InvalidInputException("give exactly one of --points-from DIR and --samples N");
        }
        if (pointsFrom != null) {
            return Dataset.open(pointsFrom).points();
        }
        var space = SurrogateFamilies.forCheckpoint(checkpoint).load(checkpoint).parameterSpace();
        return Sampling.parse(sampling).sample(space, samples, new SplittableRandom(common.seed).split());
    }
}
