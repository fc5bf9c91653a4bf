package org.twinfold.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.evaluation.DatasetReference;
import org.twinfold.core.evaluation.Evaluation;
import org.twinfold.core.evaluation.ObservableComparison;

/** The report's note on observables that the chi-square leaves out. */
class ReportWriterTest {

    @Test
    void namesObservablesUndefinedForSomeSamples() {
        ObservableComparison everywhere = comparison("lacuna count", 4, 3);
        ObservableComparison partly = comparison("mean lacuna area", 3, 1);
        Evaluation evaluation = new Evaluation(Evaluation.FORMAT_VERSION, "vasculogenesis", "2026-12-05T00:00:00Z",
                new DatasetReference("test", "", 4, "cpm"), new DatasetReference("generated", "", 3, "diffusion"),
                null, "", List.of(everywhere, partly), null, List.of(), null);

        assertEquals(List.of("mean lacuna area (undefined for 1 of 4 held-out and 2 of 3 generated samples)"),
                ReportWriter.partlyUndefined(evaluation));
    }

    private static ObservableComparison comparison(String name, int referenceCount, int generatedCount) {
        return new ObservableComparison(name, "1", "", 0, 0, 0, 0, 0, 0, 1, 0, new double[referenceCount],
                new double[generatedCount]);
    }
}
