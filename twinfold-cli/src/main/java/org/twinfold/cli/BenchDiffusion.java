package org.twinfold.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.EngineOptions;
import org.twinfold.ml.diffusion.DiffusionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Training step time, training memory and generation time of the diffusion U-Net. */
@Command(name = "diffusion", mixinStandardHelpOptions = true,
        description = "Time the diffusion U-Net on random masks with 25 classes: 'step' prints seconds per training "
                + "step, 'memory' prints resident memory every 1,000 steps, 'sample' prints seconds per generated "
                + "image at batch 1 and at --batch. bench/diffusion_step.py times the same network in PyTorch.")
final class BenchDiffusion implements Callable<Integer> {
    enum Mode { step, memory, sample }

    @Option(names = "--mode", defaultValue = "step", description = "step, memory or sample. Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(names = "--side", defaultValue = "32", description = "Image side in pixels. Default: ${DEFAULT-VALUE}.")
    int side;

    @Option(names = "--base", defaultValue = "16",
            description = "Channels of the first U-Net level. Default: ${DEFAULT-VALUE}.")
    int base;

    @Option(names = "--multipliers", split = ",", defaultValue = "1,2,2",
            description = "Channel multiplier per level; one level more halves the lowest resolution once more, where "
                    + "the attention sits. Default: ${DEFAULT-VALUE}.")
    List<Integer> multipliers;

    @Option(names = "--batch", defaultValue = "32",
            description = "Training batch (step, memory) or largest sampling batch (sample). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--steps", defaultValue = "20",
            description = "Training steps to time (step) or to run (memory, e.g. 5000). Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--warmup", defaultValue = "50",
            description = "Untimed training steps before 'step' starts timing, while the JIT compiler warms up. "
                    + "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--heun-steps", defaultValue = "18",
            description = "Sampler steps for 'sample' (2 x steps - 1 network evaluations). Default: ${DEFAULT-VALUE}.")
    int heunSteps;

    @Option(names = "--patch", defaultValue = "1",
            description = "Side of the pixel patches folded into channels at the U-Net's input; 1 for none. "
                    + "Default: ${DEFAULT-VALUE}.")
    int patch;

    @Option(names = "--pixel-head", defaultValue = "0",
            description = "Hidden channels of the full-resolution refinement after a patched U-Net; 0 for none. "
                    + "Default: ${DEFAULT-VALUE}.")
    int pixelHead;

    @Option(names = "--self-condition",
            description = "Feed the network its previous estimate of the clean image (diffusion.self-condition=true).")
    boolean selfCondition;

    @Option(names = "--threads", defaultValue = "2", description = "libtorch threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() {
        DiffusionBenchmark.Settings settings = new DiffusionBenchmark.Settings(side, base, multipliers, batch, steps,
                heunSteps, patch, pixelHead, selfCondition);
        DjlEngine.start(EngineOptions.threads(threads));
        System.out.printf("bench diffusion --mode %s: %d libtorch thread(s), images of 1 x %d x %d%n", mode, threads,
                side, side);
        switch (mode) {
            case step -> DiffusionBenchmark.step(settings, warmup);
            case memory -> DiffusionBenchmark.memory(settings);
            case sample -> DiffusionBenchmark.sample(settings);
        }
        return ExitCode.SUCCESS;
    }
}
