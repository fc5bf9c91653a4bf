package org.twinfold.core.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes {@code manifest.json}, checking the format version on read. */
public final class ManifestFiles {

    /** File name of the manifest inside a dataset folder. */
    public static final String FILE_NAME = "manifest.json";

    private ManifestFiles() {
    }

    public static void write(Path folder, Manifest manifest) throws IOException {
        AtomicFiles.write(folder.resolve(FILE_NAME), Json.mapper().writeValueAsBytes(manifest));
    }

    /**
     * Reads a manifest from a dataset folder.
     *
     * @throws DatasetFormatException when the folder or manifest is missing, is not valid JSON, or was
     *     written by a newer format version
     */
    public static Manifest read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isDirectory(folder)) {
            throw new DatasetFormatException("dataset folder " + folder + " does not exist; check the path or "
                    + "create the dataset with 'twinfold simulate'");
        }
        try {
            JsonNode tree = Json.mapper().readTree(Files.readAllBytes(file));
            int version = tree.path("formatVersion").asInt(-1);
            if (version > Manifest.FORMAT_VERSION) {
                throw new DatasetFormatException(file + " has format version " + version + ", but this twinfold "
                        + "reads versions up to " + Manifest.FORMAT_VERSION + "; upgrade twinfold to read it");
            }
            if (version < 1) {
                throw new DatasetFormatException(file + " has no valid formatVersion (found "
                        + tree.path("formatVersion") + "); it is not a twinfold manifest");
            }
            return Json.mapper().treeToValue(tree, Manifest.class);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException("dataset folder " + folder + " has no " + FILE_NAME
                    + "; it is not a twinfold dataset, or its sweep never started", e);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(file + " is not a valid manifest: " + e.getOriginalMessage()
                    + "; the file may be truncated, so rerun the sweep into a new folder", e);
        } catch (IOException e) {
            throw new DatasetFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
