package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Schema;
import org.twinfold.core.SampleBatch;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.EngineOptions;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;

/**
 * Speed and memory of the diffusion engine on random 64 x 64 masks with 25 classes (the CPM task's
 * shape), with the default U-Net at base 24 (multipliers [1, 2, 2], 1 block per level, attention at
 * 16 x 16, circular padding; 0.60 M parameters):
 * <ul>
 *   <li>{@code step}: seconds per training step (EDM loss, Adam, EMA) at batch 32, after warm-up;</li>
 *   <li>{@code memory}: VmRSS at every 1,000th step of a longer run (batch and lattice as given);</li>
 *   <li>{@code sample}: seconds per image with 18 deterministic Heun steps at batch 1 and 64.</li>
 * </ul>
 * Usage: {@code DiffusionBenchmark step|memory|sample [threads=2] [steps] [batch] [side] [base channels=24]}. The output
 * is one line per measurement; {@code bench/diffusion_step.py} measures the same network in PyTorch.
 */
public final class DiffusionBenchmark {
    private static final int CLASSES = 25;
    private static final int BASE_CHANNELS = 24;
    private static int baseChannels = BASE_CHANNELS;
    private static final Path STATUS = Path.of("/proc/self/status");

    private DiffusionBenchmark() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "step";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        DjlEngine.start(EngineOptions.threads(threads));
        baseChannels = intArg(args, 5, BASE_CHANNELS);
        switch (mode) {
            case "step" -> step(args.length > 2 ? Integer.parseInt(args[2]) : 10, intArg(args, 3, 32), intArg(args, 4, 64));
            case "memory" -> memory(args.length > 2 ? Integer.parseInt(args[2]) : 5000, intArg(args, 3, 32),
                    intArg(args, 4, 64));
            case "sample" -> sample(intArg(args, 4, 64));
            default -> throw new IllegalArgumentException("mode '" + mode + "' is unknown; use step, memory or sample");
        }
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static void step(int steps, int batch, int side) {
        List<Double> seconds = new ArrayList<>();
        long[] last = {System.nanoTime()};
        TrainingListener timer = report -> {
            long now = System.nanoTime();
            seconds.add((now - last[0]) * 1e-9);
            last[0] = now;
        };
        int warmup = 3;
        long start = System.nanoTime();
        try (DiffusionModel model = train(warmup + steps, batch, side, timer)) {
            long parameters = model.network().getParameters().stream().mapToLong(p -> p.getValue().getArray().size())
                    .sum();
            List<Double> timed = seconds.subList(warmup, seconds.size());
            double mean = timed.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double min = timed.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            System.out.printf(Locale.ROOT, "parameters %d%ntraining step, batch %d of 1x%dx%d: mean %.3f s, min %.3f s"
                    + " over %d steps (total run %.1f s)%n", parameters, batch, side, side, mean, min, timed.size(),
                    (System.nanoTime() - start) * 1e-9);
        }
    }

    private static void memory(int steps, int batch, int side) {
        TrainingListener recorder = report -> {
            if (report.step() % 1000 == 0 || report.step() == 100) {
                System.out.printf(Locale.ROOT, "step %d: VmRSS %.1f MiB, heap committed %.1f MiB, live arrays %d%n",
                        report.step(), residentBytes() / 1048576.0, Runtime.getRuntime().totalMemory() / 1048576.0,
                        liveArrays());
            }
        };
        long start = System.nanoTime();
        train(steps, batch, side, recorder).close();
        System.out.printf(Locale.ROOT, "%d steps at batch %d of 1x%dx%d in %.1f s%n", steps, batch, side, side,
                (System.nanoTime() - start) * 1e-9);
    }

    private static void sample(int side) {
        try (DiffusionModel model = train(1, 2, side, report -> { })) {
            for (int batch : new int[] {1, 64}) {
                SamplingOptions options = new SamplingOptions(SamplerSettings.deterministic(18), batch, 1);
                int[] labels = new int[batch];
                long[] seeds = LongStream.range(0, batch).toArray();
                model.sample(new ConditionBatch(labels, null), seeds, options);
                long start = System.nanoTime();
                int rounds = batch == 1 ? 5 : 1;
                for (int r = 0; r < rounds; r++) {
                    model.sample(new ConditionBatch(labels, null), seeds, options);
                }
                double perImage = (System.nanoTime() - start) * 1e-9 / (rounds * batch);
                System.out.printf(Locale.ROOT, "sampling, 18 Heun steps (35 evaluations), batch %d: %.3f s per image%n",
                        batch, perImage);
            }
        }
    }

    private static DiffusionModel train(int steps, int batch, int side, TrainingListener listener) {
        DiffusionOptions options = DiffusionOptions.builder().optBaseChannels(baseChannels).build();
        TrainingConfig config = TrainingConfig.builder().setTotalSteps(steps).setSeed(1)
                .setSchedule(LearningRateSchedule.constant(2e-4)).optEmaDecay(options.emaDecay())
                .optCheckpointEvery(Long.MAX_VALUE).build();
        return DiffusionModel.train(randomMasks(256, side), options.unet(1, CLASSES, 0), options, config, batch, null,
                listener, null);
    }

    /** Returns {@code count} random masks (each site a cell with probability 0.3) in 25 classes. */
    private static TrainingImages randomMasks(int count, int side) {
        Field field = new Field("cell_type", List.of(side, side), ElementType.UINT8, "1", "random mask");
        SplittableRandom random = new SplittableRandom(5);
        byte[] masks = new byte[count * side * side];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = (byte) (random.nextDouble() < 0.3 ? 1 : 0);
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % CLASSES;
        }
        SampleBatch samples = SampleBatch.builder(Schema.of(field), count).put(field.name(), masks).build();
        return new TrainingImages(samples, field, new FieldScaling(ElementType.UINT8, 0, 1),
                new ConditionBatch(labels, null));
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.trim().split("\\s+")[1]) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STATUS + "; the memory benchmark needs Linux", e);
        }
        throw new IllegalStateException(STATUS + " has no VmRSS line");
    }

    private static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }
}
