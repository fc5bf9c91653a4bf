package org.twinfold.cli;

import java.util.concurrent.Callable;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.EngineOptions;
import org.twinfold.ml.vae.VaeBenchmarkResult;
import org.twinfold.ml.vae.VaeGenerationBenchmark;
import org.twinfold.ml.vae.VaeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generation time per shower of the calorimeter VAE at the CaloChallenge's batch sizes. */
@Command(name = "vae", mixinStandardHelpOptions = true,
        description = "Time generation by the default VAE on a calorimeter-sized field (6,480 voxels) with untrained "
                + "weights: drawing the latents, the decoder, and the inverse logit preprocessing with division by a "
                + "log-uniform incident energy. Prints milliseconds per shower at batch 1, 100 and 10,000.")
final class BenchVae implements Callable<Integer> {
    private static final int[] BATCH_SIZES = {1, 100, 10_000};

    @Option(names = "--threads", defaultValue = "2", description = "libtorch intra-op threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seconds", defaultValue = "3",
            description = "Timed seconds per batch size, at least (0 times one call). Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads is " + threads + "; give at least 1");
        }
        if (!(seconds >= 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("--seconds is " + seconds + "; give a finite value of 0 or more");
        }
        DjlEngine.start(EngineOptions.threads(threads));
        VaeBenchmarkResult result = VaeGenerationBenchmark.run(VaeOptions.builder().build(),
                VaeGenerationBenchmark.CALORIMETER_FIELD_SIZE, BATCH_SIZES, seconds);
        System.out.print(result.describe());
        return ExitCode.SUCCESS;
    }
}
