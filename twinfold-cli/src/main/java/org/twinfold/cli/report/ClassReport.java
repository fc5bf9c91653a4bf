package org.twinfold.cli.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinfold.core.Field;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.evaluation.ClassComparison;
import org.twinfold.core.evaluation.ClassObservable;
import org.twinfold.core.evaluation.ClassSection;
import org.twinfold.core.evaluation.ClassVerdict;
import org.twinfold.core.evaluation.ClassifierAccuracy;
import org.twinfold.core.evaluation.Evaluation;
import org.twinfold.core.evaluation.SplitDistances;

/**
 * The class-by-class part of a report: a summary table with the targets, then the details of each
 * class. These are a grid of simulated and generated images side by side, a table of every
 * observable against its noise floor, and overlaid histograms of the target observables.
 */
final class ClassReport {
    private static final int IMAGES_PER_CLASS = 8;
    private static final int HISTOGRAM_BINS = 20;

    private ClassReport() {
    }

    static void append(StringBuilder html, Evaluation evaluation) {
        ClassSection section = evaluation.classes();
        if (section == null) {
            return;
        }
        html.append("<h2>Class by class</h2>\n<p>Each class's generated samples against its held-out simulations. "
                + "The noise floor is the same distance between two independent simulated sets of the class ("
                + Html.escape(section.floor().path()) + " against the held-out set): finite samples differ by that "
                + "much even when they come from one distribution. One pair of sets gives a noisy floor, so both "
                + "distances are averaged over " + SplitDistances.COUNT + " random splits of the held-out and floor "
                + "sets pooled: each split compares a set as large as the held-out one with the rest, and the generated "
                + "samples with that set. Each class's table gives the floor's spread (its standard deviation over "
                + "the splits, the scatter of a single pair's floor) and the one pair's own numbers. Targets: classifier "
                + "accuracy on generated samples at "
                + "least ").append(Html.number(section.minAccuracyRatio())).append(" times its accuracy on held-out "
                + "simulations; Wasserstein-1 of ").append(Html.escape(String.join(", ", section.targetObservables())))
                .append(" at most ").append(Html.number(section.maxFloorRatio())).append(" times the noise floor.</p>\n");
        if (!section.classifier().isEmpty()) {
            html.append("<p class=\"note\">Classifier: ").append(Html.escape(section.classifier())).append("</p>\n");
        }
        summary(html, section);

        Images images = Images.load(evaluation);
        for (ClassComparison c : section.classes()) {
            html.append("<h3>Class ").append(c.label()).append(": ").append(Html.escape(c.name())).append("</h3>\n");
            if (images != null) {
                images.grid(html, c.label());
            }
            observables(html, section, c);
        }
        if (images == null) {
            html.append("<p class=\"note\">The datasets are no longer on disk, so no images are drawn.</p>\n");
        }
    }

    private static void summary(StringBuilder html, ClassSection section) {
        List<String> header = new ArrayList<>(List.of("class", "samples (held out / floor / generated)",
                "classifier accuracy, held out", "classifier accuracy, generated", "accuracy ratio"));
        for (String name : section.targetObservables()) {
            header.add(name + ": W1 generated / W1 floor");
        }
        header.add("targets");
        html.append("<table>").append(Html.header(header.toArray(String[]::new)));
        List<ClassVerdict> verdicts = section.verdicts();
        for (int i = 0; i < verdicts.size(); i++) {
            ClassComparison c = section.classes().get(i);
            List<String> cells = new ArrayList<>();
            cells.add(c.label() + ": " + Html.escape(c.name()));
            cells.add(c.referenceCount() + " / " + c.floorCount() + " / " + c.generatedCount());
            ClassifierAccuracy accuracy = c.classifier();
            if (accuracy == null) {
                cells.addAll(List.of("-", "-", "-"));
            } else {
                cells.add(Html.number(accuracy.referenceAccuracy()));
                cells.add(Html.number(accuracy.generatedAccuracy()));
                cells.add(mark(Html.number(accuracy.accuracyRatio()),
                        accuracy.accuracyRatio() >= section.minAccuracyRatio()));
            }
            for (String name : section.targetObservables()) {
                ClassObservable o = find(c, name);
                cells.add(o == null ? "-" : mark(Html.number(o.judgedWasserstein()) + " / " + Html.number(o.judgedFloor())
                        + " = " + Html.number(o.floorRatio()), o.floorRatio() <= section.maxFloorRatio()));
            }
            boolean met = verdicts.get(i).targetsMet();
            cells.add(met ? "<b>met</b>" : "<b style=\"color:#b00\">not met</b>");
            html.append(Html.row(cells.toArray(String[]::new)));
        }
        html.append("</table>\n");
        if (!section.smallSampleCaution().isEmpty()) {
            html.append("<p class=\"note\"><b>").append(Html.escape(section.smallSampleCaution())).append("</b></p>\n");
        }
    }

    private static void observables(StringBuilder html, ClassSection section, ClassComparison c) {
        html.append("<table>").append(Html.header("observable", "unit", "W1 generated", "W1 floor (spread)",
                "ratio", "one pair: W1 generated / floor", "KS D generated (p)", "KS D floor (p)",
                "mean held out / floor / generated",
                "masks where defined, held out / floor / generated"));
        for (ClassObservable o : c.observables()) {
            String ratio = Html.number(o.floorRatio());
            if (section.targetObservables().contains(o.name())) {
                ratio = mark(ratio, o.floorRatio() <= section.maxFloorRatio());
            }
            String spread = o.splits() == null ? "" : " (" + Html.number(o.splits().floorSpread()) + ")";
            html.append(Html.row(Html.escape(o.name()), Html.escape(o.unit()), Html.number(o.judgedWasserstein()),
                    Html.number(o.judgedFloor()) + spread, ratio,
                    Html.number(o.wasserstein()) + " / " + Html.number(o.floorWasserstein()),
                    Html.number(o.ksStatistic()) + " (" + Html.number(o.ksPValue()) + ")",
                    Html.number(o.floorKsStatistic()) + " (" + Html.number(o.floorKsPValue()) + ")",
                    Html.number(mean(o.referenceValues())) + " / " + Html.number(mean(o.floorValues())) + " / "
                            + Html.number(mean(o.generatedValues())),
                    o.referenceValues().length + " / " + o.floorValues().length + " / " + o.generatedValues().length));
        }
        html.append("</table>\n<p class=\"note\">An observable that is defined for fewer than 2 masks of a set in"
                + " this class is left out of this table: compactness, say, where every cell cluster winds around the"
                + " periodic lattice. For sets of sizes n and m with n m below 10,000 (50 and 50 masks, say) the KS"
                + " p-value is exact, and values that tie, as counts do, stay tied: it is the share of all splits"
                + " of the pooled masks into sets of n and m whose D is at least the one shown.</p>\n<div>");
        for (String name : section.targetObservables()) {
            ClassObservable o = find(c, name);
            if (o != null) {
                html.append(Html.image(Figures.histogram(String.format(Locale.ROOT, "class %d: %s", c.label(), name),
                        o.unit(), o.referenceValues(), o.generatedValues(), HISTOGRAM_BINS),
                        "histogram of " + name + " in class " + c.label()));
            }
        }
        html.append("</div>\n<p class=\"note\">Blue: simulated (held out). Red: surrogate.</p>\n");
    }

    private static ClassObservable find(ClassComparison c, String name) {
        return c.observables().stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }

    private static String mark(String text, boolean pass) {
        return pass ? text + " &#10003;" : "<span style=\"color:#b00\">" + text + " &#10007;</span>";
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** The held-out and generated masks with their labels, for the image grids. */
    private record Images(Field field, SampleBatch reference, int[] referenceLabels, SampleBatch generated,
                          int[] generatedLabels) {

        /** Returns the images, or null when a dataset is gone or has no single 2-D field. */
        static Images load(Evaluation evaluation) {
            Path referencePath = Path.of(evaluation.reference().path());
            Path generatedPath = Path.of(evaluation.generated().path());
            if (!Files.isDirectory(referencePath) || !Files.isDirectory(generatedPath)) {
                return null;
            }
            Dataset reference = Dataset.open(referencePath);
            Dataset generated = Dataset.open(generatedPath);
            List<Field> fields = reference.schema().fields();
            if (fields.size() != 1 || fields.get(0).shape().size() != 2) {
                return null;
            }
            return new Images(fields.get(0), reference.readAll(), labels(reference), generated.readAll(),
                    labels(generated));
        }

        private static int[] labels(Dataset dataset) {
            return dataset.points().stream().mapToInt(p -> p.classLabel().orElse(-1)).toArray();
        }

        void grid(StringBuilder html, int label) {
            int height = field.shape().get(0);
            int width = field.shape().get(1);
            int zoom = Math.max(1, 96 / Math.max(height, width));
            html.append("<table><tr><th>simulated (held out)</th><th>surrogate</th></tr><tr><td>");
            images(html, reference, referenceLabels, label, height, width, zoom, "simulated");
            html.append("</td><td>");
            images(html, generated, generatedLabels, label, height, width, zoom, "surrogate");
            html.append("</td></tr></table>\n");
        }

        private void images(StringBuilder html, SampleBatch batch, int[] labels, int label, int height, int width,
                            int zoom, String role) {
            int drawn = 0;
            for (int i = 0; i < labels.length && drawn < IMAGES_PER_CLASS; i++) {
                if (labels[i] != label) {
                    continue;
                }
                double[] values = new double[height * width];
                for (int j = 0; j < values.length; j++) {
                    values[j] = batch.value(field.name(), i, j);
                }
                html.append(Html.image(Figures.image(values, height, width, zoom), role + " class " + label));
                drawn++;
                if (drawn % 4 == 0) {
                    html.append("<br>");
                }
            }
        }
    }
}
