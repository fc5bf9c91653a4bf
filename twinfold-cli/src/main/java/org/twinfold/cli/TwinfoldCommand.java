package org.twinfold.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code twinfold} command: simulate, train, sample, evaluate, report, run, bench, tasks and
 * inspect. Exit codes: 0 on success, 2 on invalid input, 1 on failure.
 */
@Command(name = "twinfold", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Build digital twins of scientific simulations: simulate, train a neural surrogate, "
                + "and prove how faithful and how much faster it is.",
        subcommands = {TasksCommand.class, SimulateCommand.class, TrainCommand.class, SampleCommand.class,
            EvaluateCommand.class, ReportCommand.class, RunCommand.class, BenchCommand.class,
            InspectCommand.class})
public final class TwinfoldCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, for the launcher and for tests. */
    public static int execute(String... args) {
        DjlSettings.apply();
        CommandLine commandLine = new CommandLine(new TwinfoldCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new ErrorHandler());
        commandLine.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        ConfigDefaults.install(commandLine, List.of(args));
        CommandLineRecord.set(args);
        return commandLine.execute(args);
    }
}
