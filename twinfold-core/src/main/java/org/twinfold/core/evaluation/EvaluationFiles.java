package org.twinfold.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twinfold.core.dataset.AtomicFiles;
import org.twinfold.core.dataset.DatasetFormatException;
import org.twinfold.core.dataset.Json;

/** Reads and writes evaluation JSON files, checking the format version on read. */
public final class EvaluationFiles {

    private EvaluationFiles() {
    }

    public static void write(Path file, Evaluation evaluation) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        AtomicFiles.write(file, Json.mapper().writeValueAsBytes(evaluation));
    }

    /**
     * Reads an evaluation file.
     *
     * @throws DatasetFormatException when the file is missing, invalid, or of a newer format version
     */
    public static Evaluation read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException("evaluation file " + file + " does not exist; write it with "
                    + "'twinfold evaluate'");
        }
        try {
            JsonNode tree = Json.mapper().readTree(file.toFile());
            int version = tree.path("formatVersion").asInt(-1);
            if (version > Evaluation.FORMAT_VERSION || version < 1) {
                throw new DatasetFormatException(file + " has evaluation format version " + version
                        + "; this twinfold reads versions 1 to " + Evaluation.FORMAT_VERSION);
            }
            return Json.mapper().treeToValue(tree, Evaluation.class);
        } catch (IOException e) {
            throw new DatasetFormatException(file + " is not a valid evaluation file: " + e.getMessage(), e);
        }
    }
}
