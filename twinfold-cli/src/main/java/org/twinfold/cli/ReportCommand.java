package org.twinfold.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinfold.cli.report.ReportWriter;
import org.twinfold.core.evaluation.EvaluationFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes an evaluation as a self-contained HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an evaluation JSON file as one self-contained HTML report with PNG figures.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--evaluation", required = true, paramLabel = "FILE",
            description = "Evaluation JSON written by 'twinfold evaluate'.")
    Path evaluation;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "HTML file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ReportWriter.write(EvaluationFiles.read(evaluation), out);
        System.out.printf("Wrote the report to %s%n", out);
        return ExitCode.SUCCESS;
    }
}
