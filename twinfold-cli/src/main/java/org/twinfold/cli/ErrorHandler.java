package org.twinfold.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.dataset.DatasetFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns exceptions into one clear line on standard error and an exit code: 2 for invalid input
 * (bad options, parameters out of range, unreadable or malformed files), 1 for failures while
 * running (I/O errors, a diverged training). The stack trace goes to the debug log only.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        LOG.debug("Command failed", exception);
        String message = describe(exception);
        if (commandLine.getDefaultValueProvider() instanceof ConfigDefaults config) {
            message += config.origin(message, parseResult.originalArgs());
        }
        commandLine.getErr().println("twinfold: error: " + message);
        return exitCode(exception);
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        // picocli reports a mistyped command as an unmatched argument at index 0.
        if (exception instanceof UnmatchedArgumentException && commandLine.getParent() == null && args.length > 0
                && !args[0].startsWith("-") && !commandLine.getSubcommands().containsKey(args[0])) {
            commandLine.getErr().println("twinfold: invalid input: unknown command '" + args[0] + "'; commands are "
                    + commandLine.getSubcommands().keySet());
            return ExitCode.INVALID_INPUT;
        }
        String message = plainTypes(exception.getMessage());
        if (commandLine.getDefaultValueProvider() instanceof ConfigDefaults config) {
            message += config.origin(message, List.of(args));
        }
        commandLine.getErr().println("twinfold: invalid input: " + message);
        commandLine.getErr().println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        return ExitCode.INVALID_INPUT;
    }

    /** Replaces the Java type names in picocli's conversion errors ("'abc' is not a long") with plain words. */
    private static String plainTypes(String message) {
        return message.replace("is not a long", "is not a whole number").replace("is not an int", "is not a whole"
                + " number").replace("is not a double", "is not a number");
    }

    static int exitCode(Throwable exception) {
        if (exception instanceof ParameterException
                || exception instanceof IllegalArgumentException
                || exception instanceof DatasetFormatException
                || exception instanceof InvalidInputException) {
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.FAILURE;
    }

    private static String describe(Throwable exception) {
        if (exception instanceof UncheckedIOException unchecked) {
            return describe(unchecked.getCause());
        }
        String message = exception.getMessage();
        if (exception instanceof IOException && message != null && !message.contains(" ")) {
            // A bare file name from java.nio, such as a NoSuchFileException.
            return exception.getClass().getSimpleName() + ": " + message;
        }
        return message == null ? exception.toString() : message;
    }
}
