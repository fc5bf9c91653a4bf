package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;

/**
 * Speed and memory of the diffusion engine on random masks with 25 classes (the CPM task's shape), for
 * a U-Net described by {@link Settings}:
 * <ul>
 *   <li>{@link #step}: seconds per training step (EDM loss, Adam, EMA) after warm-up steps;</li>
 *   <li>{@link #memory}: VmRSS at step 100 and every 1,000th step of a longer run;</li>
 *   <li>{@link #sample}: seconds per generated image with the deterministic Heun sampler, per batch
 *       size, after one warm-up batch.</li>
 * </ul>
 * The weights are barely trained, which changes no timing. {@code bench/diffusion_step.py} builds the
 * same network in PyTorch. The command {@code twinfold bench diffusion} calls these methods; the
 * output is one line per measurement.
 */
public final class DiffusionBenchmark {
    private static final int CLASSES = 25;
    private static final Path STATUS = Path.of("/proc/self/status");

    /**
     * The network and sizes to measure.
     *
     * @param side image side in pixels (square, one channel)
     * @param baseChannels channels of the first U-Net level
     * @param multipliers per-level channel multipliers; attention sits at the lowest level
     * @param batch training batch, or the largest sampling batch
     * @param steps training steps to time (step, memory)
     * @param heunSteps sampler steps (2 x steps - 1 network evaluations)
     * @param patch side of the pixel patches folded into channels at the U-Net's input, 1 for none
     * @param pixelHead hidden channels of the full-resolution {@link PixelHead}, 0 for none
     * @param selfCondition whether the network also takes its previous estimate (self-conditioning);
     *     training then runs a second forward pass on half of the steps
     */
    public record Settings(int side, int baseChannels, List<Integer> multipliers, int batch, int steps,
                           int heunSteps, int patch, int pixelHead, boolean selfCondition) {
        public Settings {
            if (side < 8 || baseChannels < 1 || batch < 1 || steps < 1 || heunSteps < 1 || patch < 1) {
                throw new IllegalArgumentException("benchmark settings must be positive (side at least 8): side "
                        + side + ", base " + baseChannels + ", batch " + batch + ", steps " + steps + ", Heun steps "
                        + heunSteps + ", patch " + patch);
            }
            if (pixelHead < 0) {
                throw new IllegalArgumentException("--pixel-head is " + pixelHead + "; give 0 for no head or a"
                        + " positive count of hidden channels, such as 8");
            }
            int multiple = patch << (multipliers.size() - 1);
            if (side % multiple != 0) {
                throw new IllegalArgumentException("side " + side + " cannot be folded into patches of " + patch
                        + " and halved " + (multipliers.size() - 1) + " times for multipliers " + multipliers
                        + "; use a side divisible by " + multiple);
            }
            multipliers = List.copyOf(multipliers);
        }

        Settings withBatch(int newBatch) {
            return new Settings(side, baseChannels, multipliers, newBatch, steps, heunSteps, patch, pixelHead,
                    selfCondition);
        }
    }

    private DiffusionBenchmark() {
    }

    /**
     * Times training steps and prints the parameter count, the mean and fastest wall time per step,
     * and the CPU time of the calling thread per step. With one libtorch thread the calling thread
     * does all the arithmetic, so its CPU time is the cost of a step even on a busy machine. The CPU
     * time of the whole process adds the garbage collector and the JIT compiler.
     *
     * @param warmupSteps steps run before timing starts. The JIT compiler needs a few dozen steps to
     *     compile DJL's Java side. Over steps 4 to 33 the quick U-Net's mean step took 1.2 times its
     *     steady-state time, and a tiny network's twice its own.
     */
    public static void step(Settings settings, int warmupSteps) {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warm-up steps " + warmupSteps + " is negative; give 0 or more");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        List<Double> processSeconds = new ArrayList<>();
        long[] last = {System.nanoTime(), threads.getCurrentThreadCpuTime(), system.getProcessCpuTime()};
        TrainingListener timer = report -> {
            long now = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            long process = system.getProcessCpuTime();
            seconds.add((now - last[0]) * 1e-9);
            cpuSeconds.add((cpu - last[1]) * 1e-9);
            processSeconds.add((process - last[2]) * 1e-9);
            last[0] = now;
            last[1] = cpu;
            last[2] = process;
        };
        long start = System.nanoTime();
        try (DiffusionModel model = train(settings, warmupSteps + settings.steps(), timer)) {
            List<Double> timed = seconds.subList(warmupSteps, seconds.size());
            List<Double> cpuTimed = cpuSeconds.subList(warmupSteps, cpuSeconds.size());
            List<Double> processTimed = processSeconds.subList(warmupSteps, processSeconds.size());
            System.out.printf(Locale.ROOT, "parameters %d%ntraining step, batch %d of 1x%dx%d: mean %.3f s, min %.3f s"
                    + " over %d steps (total run %.1f s); calling-thread CPU mean %.3f s, min %.3f s; process CPU mean"
                    + " %.3f s%n", parameters(model), settings.batch(), settings.side(), settings.side(), mean(timed),
                    min(timed), timed.size(), (System.nanoTime() - start) * 1e-9, mean(cpuTimed), min(cpuTimed),
                    mean(processTimed));
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** Trains for {@code settings.steps()} steps and prints the resident memory every 1,000 steps. */
    public static void memory(Settings settings) {
        TrainingListener recorder = report -> {
            if (report.step() % 1000 == 0 || report.step() == 100) {
                System.out.printf(Locale.ROOT, "step %d: VmRSS %.1f MiB, heap committed %.1f MiB, live arrays %d%n",
                        report.step(), residentBytes() / 1048576.0, Runtime.getRuntime().totalMemory() / 1048576.0,
                        liveArrays());
            }
        };
        long start = System.nanoTime();
        train(settings, settings.steps(), recorder).close();
        System.out.printf(Locale.ROOT, "%d steps at batch %d of 1x%dx%d in %.1f s%n", settings.steps(),
                settings.batch(), settings.side(), settings.side(), (System.nanoTime() - start) * 1e-9);
    }

    /**
     * Prints the seconds per generated image at batch 1 and at {@code settings.batch()}: wall time, and
     * the CPU time of the process, which is the cost of the image on a machine shared with other work.
     */
    public static void sample(Settings settings) {
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (DiffusionModel model = train(settings.withBatch(2), 1, report -> { })) {
            System.out.printf(Locale.ROOT, "U-Net: base channels %d, multipliers %s, patch %d, pixel head %d,"
                    + " self-conditioning %s, %d weights (untrained, which changes no timing)%n",
                    settings.baseChannels(), settings.multipliers(), settings.patch(), settings.pixelHead(),
                    settings.selfCondition() ? "on" : "off", parameters(model));
            int[] batches = settings.batch() == 1 ? new int[] {1} : new int[] {1, settings.batch()};
            for (int batch : batches) {
                SamplingOptions options = new SamplingOptions(SamplerSettings.deterministic(settings.heunSteps()),
                        batch, 1);
                ConditionBatch conditions = new ConditionBatch(new int[batch], null);
                long[] seeds = LongStream.range(0, batch).toArray();
                model.sample(conditions, seeds, options);
                long start = System.nanoTime();
                long cpuStart = system.getProcessCpuTime();
                model.sample(conditions, seeds, options);
                double perImage = (System.nanoTime() - start) * 1e-9 / batch;
                double cpuPerImage = (system.getProcessCpuTime() - cpuStart) * 1e-9 / batch;
                System.out.printf(Locale.ROOT, "sampling 1x%dx%d, %d Heun steps (%d evaluations), batch %d: %.3f s"
                        + " per image, process CPU %.3f s per image%n", settings.side(), settings.side(),
                        settings.heunSteps(), 2 * settings.heunSteps() - 1, batch, perImage, cpuPerImage);
            }
        }
    }

    private static long parameters(DiffusionModel model) {
        return model.network().getParameters().stream().mapToLong(p -> p.getValue().getArray().size()).sum();
    }

    private static DiffusionModel train(Settings settings, int steps, TrainingListener listener) {
        DiffusionOptions options = DiffusionOptions.builder().optBaseChannels(settings.baseChannels())
                .optChannelMultipliers(settings.multipliers()).optPatch(settings.patch())
                .optPixelHead(settings.pixelHead()).optSelfCondition(settings.selfCondition()).build();
        TrainingConfig config = TrainingConfig.builder().setTotalSteps(steps).setSeed(1)
                .setSchedule(LearningRateSchedule.constant(2e-4)).optEmaDecay(options.emaDecay())
                .optCheckpointEvery(Long.MAX_VALUE).build();
        return DiffusionModel.train(randomMasks(Math.max(64, settings.batch()), settings.side()),
                options.unet(1, CLASSES, 0), options, config, settings.batch(), null, listener, null);
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
