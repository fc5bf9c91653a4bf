package org.twinfold.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.twinfold.cli.calo.CaloReportSection;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.dataset.AtomicFiles;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.evaluation.DatasetReference;
import org.twinfold.core.evaluation.Evaluation;
import org.twinfold.core.evaluation.ObservableComparison;
import org.twinfold.core.evaluation.SpeedupReport;
import org.twinfold.core.metrics.ChiSquareResult;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.core.metrics.SpeedupInputs;
import org.twinfold.ml.TrainingMetadata;
import org.twinfold.ml.train.Checkpoint;

/**
 * Writes an evaluation as one self-contained HTML file: tables of every number, histograms of
 * each observable, and example samples drawn from the datasets when they are still on disk.
 */
public final class ReportWriter {
    private static final int EXAMPLES = 4;
    private static final String STYLE = "body{font-family:sans-serif;max-width:1150px;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:right}th{background:#f0f0f0}td:first-child{text-align:left}img{margin:4px}"
            + ".note{color:#555;font-size:90%}";

    private ReportWriter() {
    }

    /** Writes the report to {@code file} through a temporary file. */
    public static void write(Evaluation evaluation, Path file) throws IOException {
        String html = render(evaluation);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        AtomicFiles.write(file, html.getBytes(StandardCharsets.UTF_8));
    }

    static String render(Evaluation evaluation) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>twinfold report: ")
                .append(Html.escape(evaluation.task())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        html.append("<h1>twinfold report: ").append(Html.escape(evaluation.task())).append("</h1>\n");
        html.append("<p class=\"note\">Surrogate samples compared with held-out simulations. Evaluated ")
                .append(Html.escape(evaluation.createdAt())).append(".</p>\n");

        speedup(html, evaluation.speedup());
        fieldErrors(html, evaluation);
        metrics(html, evaluation);
        CaloReportSection.append(html, evaluation);
        ClassReport.append(html, evaluation);
        observables(html, evaluation);
        chiSquare(html, evaluation);
        examples(html, evaluation);
        provenance(html, evaluation);
        return html.append("</body></html>\n").toString();
    }

    private static void speedup(StringBuilder html, SpeedupReport speedup) {
        html.append("<h2>Speed</h2>\n");
        if (speedup == null) {
            html.append("<p>No speedup: the training dataset or the training time was not given.</p>\n");
            return;
        }
        SpeedupInputs in = speedup.inputs();
        html.append("<table>").append(Html.header("quantity", "value"))
                .append(Html.row("simulator wall seconds per sample (T_seq)", Html.number(in.simulatorSecondsPerSample())))
                .append(Html.row("surrogate wall seconds per sample (T_lookup)", Html.number(in.surrogateSecondsPerSample())))
                .append(Html.row("training simulation seconds per sample (T_train)",
                        Html.number(in.trainingSimulationSecondsPerSample())))
                .append(Html.row("training seconds per training sample (T_learn)",
                        Html.number(in.learningSecondsPerTrainingSample())))
                .append(Html.row("surrogate samples (N_lookup)", Long.toString(in.lookupCount())))
                .append(Html.row("training samples (N_train)", Long.toString(in.trainingCount())))
                .append(Html.row("<b>plain speedup</b>: " + Html.escape(speedup.plainDefinition()),
                        "<b>" + Html.number(speedup.plain()) + "</b>"))
                .append(Html.row("<b>effective speedup</b>: " + Html.escape(speedup.effectiveDefinition()),
                        "<b>" + Html.number(speedup.effective()) + "</b>"))
                .append("</table>\n");
        html.append("<p class=\"note\">The effective speedup charges the training simulations and the training "
                + "time to the surrogate, so it is below 1 until the surrogate has generated enough samples. ");
        double breakEven = breakEvenLookups(in);
        if (Double.isFinite(breakEven) && breakEven > 0) {
            html.append("With these times it passes 1 after about ").append(Html.number(breakEven))
                    .append(" generated samples.");
        } else if (!(breakEven > 0)) {
            html.append("With these times it is above 1 from the first generated sample.");
        } else {
            html.append("With these times the surrogate never pays off, because it is not faster per sample.");
        }
        html.append("</p>\n");
    }

    /**
     * Returns N_lookup at which the effective speedup equals 1: the solution of
     * T_seq (N_l + N_t) = T_l N_l + (T_train + T_learn) N_t. Infinite when the surrogate is not
     * faster per sample, zero or negative when the speedup exceeds 1 from the start.
     */
    static double breakEvenLookups(SpeedupInputs in) {
        double savedPerLookup = in.simulatorSecondsPerSample() - in.surrogateSecondsPerSample();
        double costPerTraining = in.trainingSimulationSecondsPerSample() + in.learningSecondsPerTrainingSample()
                - in.simulatorSecondsPerSample();
        return savedPerLookup > 0 ? in.trainingCount() * costPerTraining / savedPerLookup : Double.POSITIVE_INFINITY;
    }

    private static void fieldErrors(StringBuilder html, Evaluation evaluation) {
        if (evaluation.fieldErrors().isEmpty()) {
            return;
        }
        html.append("<h2>Errors sample by sample</h2>\n<table>").append(Html.header("metric", "value", "unit", "definition"));
        for (MetricResult metric : evaluation.fieldErrors()) {
            html.append(Html.row(Html.escape(metric.name()), Html.number(metric.value()), Html.escape(metric.unit()),
                    Html.escape(metric.definition())));
        }
        html.append("</table>\n");
    }

    private static void metrics(StringBuilder html, Evaluation evaluation) {
        if (evaluation.metrics().isEmpty()) {
            return;
        }
        html.append("<h2>Task metrics</h2>\n<table>").append(Html.header("metric", "value", "uncertainty", "unit",
                "definition"));
        for (MetricResult metric : evaluation.metrics()) {
            html.append(Html.row(Html.escape(metric.name()), Html.number(metric.value()),
                    Html.number(metric.uncertainty()), Html.escape(metric.unit()), Html.escape(metric.definition())));
        }
        html.append("</table>\n");
    }

    private static void observables(StringBuilder html, Evaluation evaluation) {
        html.append("<h2>Observables</h2>\n<table>").append(Html.header("observable", "definition", "unit",
                "simulated mean ± standard error", "surrogate mean ± standard error", "Wasserstein-1",
                "KS D", "KS p-value", "separation power"));
        for (ObservableComparison o : evaluation.observables()) {
            html.append(Html.row(Html.escape(o.name()), Html.escape(o.description()), Html.escape(o.unit()),
                    Html.number(o.referenceMean()) + " &plusmn; " + Html.number(o.referenceStandardError()),
                    Html.number(o.generatedMean()) + " &plusmn; " + Html.number(o.generatedStandardError()),
                    Html.number(o.wasserstein()), Html.number(o.ksStatistic()), Html.number(o.ksPValue()),
                    Html.number(o.separationPower())));
        }
        html.append("</table>\n<div>");
        for (ObservableComparison o : evaluation.observables()) {
            html.append(Html.image(Figures.histogram(o.name(), o.unit(), o.referenceValues(), o.generatedValues(), 30),
                    "histogram of " + o.name()));
        }
        html.append("</div>\n<p class=\"note\">Blue: simulated (held out). Red: surrogate.</p>\n");
    }

    private static void chiSquare(StringBuilder html, Evaluation evaluation) {
        ChiSquareResult chi = evaluation.observableChiSquare();
        if (chi == null) {
            return;
        }
        html.append("<h2>Correlated chi-square of the observables' means</h2>\n<table>")
                .append(Html.header("covariance", "chi2", "degrees of freedom", "p-value"))
                .append(Html.row("full (correlations kept)", Html.number(chi.chi2()), Integer.toString(chi.dof()),
                        Html.number(chi.pValue())))
                .append(Html.row("diagonal only", Html.number(chi.diagonalChi2()), Integer.toString(chi.diagonalDof()),
                        Html.number(chi.diagonalPValue())))
                .append("</table>\n");
        List<String> partial = partlyUndefined(evaluation);
        if (!partial.isEmpty()) {
            html.append("<p class=\"note\">Left out of the chi-square, because they are undefined for some"
                    + " samples (a mean over no lacunae, say): ").append(Html.escape(String.join("; ", partial)))
                    .append(". Their rows above compare the samples where they are defined.</p>\n");
        }
    }

    /** Lists each observable that the evaluation kept for fewer samples than a dataset contains, with the counts. */
    static List<String> partlyUndefined(Evaluation evaluation) {
        int reference = evaluation.reference().samples();
        int generated = evaluation.generated().samples();
        List<String> names = new ArrayList<>();
        for (ObservableComparison o : evaluation.observables()) {
            int missingReference = reference - o.referenceValues().length;
            int missingGenerated = generated - o.generatedValues().length;
            if (missingReference > 0 || missingGenerated > 0) {
                names.add(String.format(Locale.ROOT, "%s (undefined for %d of %d held-out and %d of %d generated"
                        + " samples)", o.name(), missingReference, reference, missingGenerated, generated));
            }
        }
        return names;
    }

    private static void examples(StringBuilder html, Evaluation evaluation) {
        Path referencePath = Path.of(evaluation.reference().path());
        Path generatedPath = Path.of(evaluation.generated().path());
        if (!Files.isDirectory(referencePath) || !Files.isDirectory(generatedPath)) {
            html.append("<p class=\"note\">The datasets are no longer on disk, so no example samples are shown.</p>\n");
            return;
        }
        SampleBatch reference = Dataset.open(referencePath).readShard(0);
        SampleBatch generated = Dataset.open(generatedPath).readShard(0);
        int count = Math.min(EXAMPLES, Math.min(reference.size(), generated.size()));
        html.append("<h2>Example samples</h2>\n");
        for (Field field : reference.schema().fields()) {
            if (field.shape().size() == 1 && field.type() != ElementType.UINT8) {
                curves(html, field, reference, generated, count);
            } else if (field.shape().size() == 2) {
                images(html, field, reference, generated, count);
            }
        }
    }

    private static void curves(StringBuilder html, Field field, SampleBatch reference, SampleBatch generated, int count) {
        int length = field.elementsPerSample();
        double[] index = new double[length];
        for (int i = 0; i < length; i++) {
            index[i] = i;
        }
        html.append(Html.image(Figures.curves(field.name() + ": " + field.description(), "index", index,
                rows(field, reference, count), rows(field, generated, count), field.name() + " [" + field.unit() + "]"),
                "example " + field.name()));
        html.append("<p class=\"note\">Solid blue: simulated; dashed red: surrogate, for the first ").append(count)
                .append(" samples.</p>\n");
    }

    private static void images(StringBuilder html, Field field, SampleBatch reference, SampleBatch generated, int count) {
        int height = field.shape().get(0);
        int width = field.shape().get(1);
        int zoom = Math.max(1, 128 / Math.max(height, width));
        double[][] simulated = rows(field, reference, count);
        double[][] surrogate = rows(field, generated, count);
        html.append("<h3>").append(Html.escape(field.name())).append("</h3>\n<p>simulated:<br>");
        for (double[] sample : simulated) {
            html.append(Html.image(Figures.image(sample, height, width, zoom), "simulated " + field.name()));
        }
        html.append("</p><p>surrogate:<br>");
        for (double[] sample : surrogate) {
            html.append(Html.image(Figures.image(sample, height, width, zoom), "surrogate " + field.name()));
        }
        html.append("</p>\n");
    }

    private static double[][] rows(Field field, SampleBatch batch, int count) {
        int length = field.elementsPerSample();
        double[][] rows = new double[count][length];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < length; j++) {
                rows[i][j] = batch.value(field.name(), i, j);
            }
        }
        return rows;
    }

    private static void provenance(StringBuilder html, Evaluation evaluation) {
        html.append("<h2>Provenance</h2>\n<table>").append(Html.header("role", "path", "samples", "generator",
                "manifest SHA-256"));
        dataset(html, "held-out simulations", evaluation.reference());
        dataset(html, "surrogate samples", evaluation.generated());
        if (evaluation.training() != null) {
            dataset(html, "training simulations", evaluation.training());
        }
        if (evaluation.classes() != null) {
            dataset(html, "second held-out simulations (noise floor)", evaluation.classes().floor());
        }
        html.append("</table>\n");
        if (!evaluation.checkpoint().isEmpty()) {
            html.append("<p>Checkpoint: <code>").append(Html.escape(evaluation.checkpoint())).append("</code>")
                    .append(Html.escape(checkpointSummary(Path.of(evaluation.checkpoint())))).append("</p>\n");
        }
    }

    /**
     * Returns the newest checkpoint's step, family and family settings, as text after the folder name, or
     * an empty string when the folder cannot be read where the report is written.
     */
    private static String checkpointSummary(Path checkpoints) {
        try {
            Checkpoint checkpoint = Checkpoint.read(checkpoints);
            JsonNode metadata = checkpoint.metadata();
            String settings = TrainingMetadata.settings(metadata.path("caller"))
                    .map(s -> s.isEmpty() ? "the family's defaults" : s.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")))
                    .orElse("not recorded");
            return ": " + metadata.path("family").asText() + " surrogate at step " + checkpoint.state().step()
                    + ", settings " + settings;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void dataset(StringBuilder html, String role, DatasetReference reference) {
        html.append(Html.row(role, "<code>" + Html.escape(reference.path()) + "</code>",
                Integer.toString(reference.samples()), Html.escape(reference.generator()),
                "<code>" + reference.manifestSha256().substring(0, 16) + "...</code>"));
    }
}
