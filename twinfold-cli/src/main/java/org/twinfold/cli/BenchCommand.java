package org.twinfold.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.twinfold.core.Task;
import org.twinfold.core.Tasks;
import org.twinfold.core.dataset.Manifest;
import org.twinfold.core.sweep.Sweep;
import org.twinfold.ml.bench.MemoryBenchmarkResult;
import org.twinfold.ml.bench.TrainingMemoryBenchmark;
import org.twinfold.sim.calo.CaloBenchmark;
import org.twinfold.sim.cpm.CpmBenchmark;
import org.twinfold.sim.md.MdBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks whose results are recorded in BENCHMARKS.md with the command that produced them. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its figures (record them in BENCHMARKS.md with the command and machine).",
        subcommands = {BenchCommand.TrainingMemory.class, BenchCommand.SweepThroughput.class, BenchCommand.Cpm.class,
            BenchCommand.Md.class, BenchCommand.Calo.class, BenchDiffusion.class, BenchVae.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Resident memory of MLP training over thousands of steps. */
    @Command(name = "training-memory", mixinStandardHelpOptions = true,
            description = "Train an MLP and print resident memory (VmRSS), Java heap and live NDArrays at intervals; "
                    + "run with a fixed heap (TWINFOLD_JAVA_OPTS='-Xms256m -Xmx256m -XX:+AlwaysPreTouch') so that "
                    + "heap growth does not hide native memory.")
    static final class TrainingMemory implements Callable<Integer> {
        @Option(names = "--steps", defaultValue = "5000", description = "Training steps. Default: ${DEFAULT-VALUE}.")
        long steps;

        @Option(names = "--every", defaultValue = "1000", description = "Steps between readings. Default: ${DEFAULT-VALUE}.")
        long every;

        @Override
        public Integer call() {
            MemoryBenchmarkResult result = TrainingMemoryBenchmark.run(steps, every);
            System.out.print(result.table());
            System.out.printf(Locale.ROOT, "resident memory change from the first to the last reading: %+.2f %%%n",
                    100 * result.residentRise());
            return ExitCode.SUCCESS;
        }
    }

    /** Samples per second of a task's simulator in a sweep on local threads. */
    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Time a sweep of a task's simulator on local threads, written to a temporary folder.")
    static final class SweepThroughput implements Callable<Integer> {
        @Option(names = "--task", defaultValue = "oscillator", description = "Task to sweep. Default: ${DEFAULT-VALUE}.")
        String taskName;

        @Option(names = "--preset", paramLabel = "NAME", defaultValue = "quick", description = "Preset of the simulator. Default: ${DEFAULT-VALUE}.")
        String preset;

        @Option(names = "--samples", defaultValue = "2000", description = "Simulations. Default: ${DEFAULT-VALUE}.")
        int samples;

        @Option(names = "--threads", defaultValue = "0", description = "Threads; 0 for every processor. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Override
        public Integer call() throws Exception {
            Task task = Tasks.byName(taskName);
            int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
            Path folder = Files.createTempDirectory("twinfold-bench-sweep");
            try {
                long start = System.nanoTime();
                Manifest manifest = Sweep.builder().generator(task.simulator(preset))
                        .points(task.preset(preset).sampling().sample(task.simulator(preset).parameterSpace(), samples,
                                new SplittableRandom(1)))
                        .seed(1).threads(workers).build().run(folder);
                double seconds = (System.nanoTime() - start) * 1e-9;
                double perSample = java.util.Arrays.stream(manifest.wallSeconds()).average().orElse(Double.NaN);
                System.out.printf(Locale.ROOT, "%s: %d samples on %d threads in %.2f s: %.1f samples/s "
                        + "(%.4g s of simulator time per sample, %.1f %% of wall time outside the simulator)%n",
                        task.name(), samples, workers, seconds, samples / seconds, perSample,
                        100 * (1 - perSample * samples / workers / seconds));
            } finally {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return ExitCode.SUCCESS;
        }
    }

    /** Copy attempts and MCS per second of the Cellular Potts model at the published scale. */
    @Command(name = "cpm", mixinStandardHelpOptions = true,
            description = "Run the Cellular Potts model of vasculogenesis (256 x 256, about 1,000 cells, VEGF PDE) "
                    + "on one thread; print MCS/s, copy attempts/s and the Metropolis and PDE shares.")
    static final class Cpm implements Callable<Integer> {
        @Option(names = "--mcs", defaultValue = "20000", description = "Monte Carlo steps. Default: ${DEFAULT-VALUE}.")
        int mcs;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the initial layout. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() {
            CpmBenchmark.main(new String[] {Integer.toString(mcs), Long.toString(seed)});
            return ExitCode.SUCCESS;
        }
    }

    /** Velocity-Verlet steps per second of the Lennard-Jones simulator. */
    @Command(name = "md", mixinStandardHelpOptions = true,
            description = "Time velocity-Verlet steps of the Lennard-Jones simulator on one thread: the 16-particle "
                    + "reference system and a 1,000-particle liquid with a neighbour list.")
    static final class Md implements Callable<Integer> {
        @Override
        public Integer call() {
            MdBenchmark.main(new String[0]);
            return ExitCode.SUCCESS;
        }
    }

    /** Showers per second of the calorimeter shower Monte Carlo. */
    @Command(name = "calo", mixinStandardHelpOptions = true,
            description = "Time the calorimeter shower simulator (CaloChallenge Dataset 2, GFlash-style) on N threads: "
                    + "showers/s over the log-uniform 1 GeV - 1 TeV spectrum and per energy decade, then the mean and width of "
                    + "E_tot/E_inc and the peak layer at 1 GeV to 1 TeV. No file is written.")
    static final class Calo implements Callable<Integer> {
        @Option(names = "--showers", defaultValue = "20000",
                description = "Showers per measurement (positive). Default: ${DEFAULT-VALUE}.")
        int showers;

        @Option(names = "--threads", defaultValue = "0",
                description = "Threads; 0 for every processor. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the energies and showers. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--calibration-showers", defaultValue = "1000",
                description = "Showers per energy for the table of E_tot/E_inc and peak layer at 1 GeV to 1 TeV; 0 skips "
                        + "it. Default: ${DEFAULT-VALUE}.")
        int calibrationShowers;

        @Override
        public Integer call() {
            int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
            System.out.print(CaloBenchmark.run(showers, workers, seed).table());
            if (calibrationShowers > 0) {
                System.out.print(CaloBenchmark.calibration(calibrationShowers));
            }
            return ExitCode.SUCCESS;
        }
    }
}
