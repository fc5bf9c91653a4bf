package org.twinfold.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.twinfold.cli.operator.OperatorPipeline;
import org.twinfold.core.Preset;
import org.twinfold.core.Task;
import org.twinfold.core.Tasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the registered tasks with their kind, presets and description. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "List the registered tasks (reference simulators that twinfold can twin).")
final class TasksCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (Task task : Tasks.all()) {
            String presets = task.presets().stream().map(Preset::name).collect(Collectors.joining(", "));
            out.printf("%-16s %-13s surrogate: %s; presets: %s%n", task.name(),
                    task.deterministic() ? "deterministic" : "stochastic", task.surrogateFamily(), presets);
            out.printf("%-16s %s%n", "", task.description());
            for (Preset preset : task.presets()) {
                out.printf("%-16s   preset %s: %s (%s)%n", "", preset.name(), preset.description(),
                        sizes(task, preset));
            }
            if (OperatorPipeline.handles(task.name())) {
                out.printf("%-16s   run plans: %s, or a plan file ending in .json (see 'run --help')%n", "",
                        task.name().equals("md-1d") ? presets : "quick, paper, smoke");
            }
            if (!task.surrogateSettings().isEmpty()) {
                String settings = new TreeMap<>(task.surrogateSettings()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
                out.printf("%-16s   surrogate settings (train and run take --setting KEY=VALUE): %s%n", "", settings);
            }
        }
        out.flush();
    }

    /** Returns the sample counts and training steps of a preset, with thousands separators. */
    private static String sizes(Task task, Preset preset) {
        if (preset.simulateOnly()) {
            return String.format(Locale.ROOT, "for 'simulate' only: %,d runs", preset.trainSamples());
        }
        String samples = String.format(Locale.ROOT, "%,d training and %,d test samples", preset.trainSamples(),
                preset.testSamples());
        // The operator pipeline's run plans set their own training steps per operator.
        if (OperatorPipeline.handles(task.name())) {
            return samples;
        }
        return samples + String.format(Locale.ROOT, ", %,d training step%s", preset.trainingSteps(),
                preset.trainingSteps() == 1 ? "" : "s");
    }
}
