package org.twinfold.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code twinfold} command: simulate, train, sample, evaluate, report, run, bench, tasks,
 * inspect, export and import. Exit codes: 0 on success, 2 on invalid input, 1 on failure.
 */
@Command(name = "twinfold", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Build digital twins of scientific simulations: simulate, train a neural surrogate, "
                + "and prove how faithful and how much faster it is.",
        subcommands = {TasksCommand.class, SimulateCommand.class, TrainCommand.class, SampleCommand.class,
            EvaluateCommand.class, ReportCommand.class, RunCommand.class, BenchCommand.class,
            InspectCommand.class, ExportCommand.class, ImportCommand.class})
public final class TwinfoldCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        InterruptHint hint = InterruptHint.install(args);
        int code = execute(args);
        hint.finished();
        System.exit(code);
    }

    /** Runs the command line and returns its exit code, for the launcher and for tests. */
    public static int execute(String... args) {
        return commandLine(List.of(args)).execute(args);
    }

    /** Builds the command line with twinfold's error handling and the defaults of a {@code --config} file. */
    static CommandLine commandLine(List<String> args) {
        DjlSettings.apply();
        CommandLineRecord.set(args);
        CommandLine commandLine = new CommandLine(new TwinfoldCommand());
        ErrorHandler handler = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(handler);
        commandLine.setParameterExceptionHandler(handler);
        commandLine.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        try {
            ConfigDefaults.install(commandLine, args);
        } catch (RuntimeException e) {
            return failing(commandLine, e);
        }
        return commandLine;
    }

    // A config file that cannot be used fails the run through the normal error path, with exit code 2.
    private static CommandLine failing(CommandLine commandLine, RuntimeException error) {
        CommandLine reporter = new CommandLine(new ConfigError(error));
        reporter.setExecutionExceptionHandler(new ErrorHandler());
        reporter.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        reporter.setUnmatchedArgumentsAllowed(true);
        reporter.setOut(commandLine.getOut());
        reporter.setErr(commandLine.getErr());
        return reporter;
    }

    /** A command that only reports why the config file was rejected. */
    @Command(name = "twinfold")
    static final class ConfigError implements Callable<Integer> {
        private final RuntimeException error;

        @CommandLine.Unmatched
        List<String> ignored;

        ConfigError(RuntimeException error) {
            this.error = error;
        }

        @Override
        public Integer call() {
            throw error;
        }
    }
}
