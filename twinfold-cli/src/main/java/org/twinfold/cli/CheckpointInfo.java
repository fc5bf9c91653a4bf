package org.twinfold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twinfold.core.dataset.Json;
import org.twinfold.ml.train.Checkpoint;
import org.twinfold.ml.train.CheckpointFiles;
import org.twinfold.ml.train.CheckpointStore;

/** Prints a checkpoint's state, metadata and provenance for {@code twinfold inspect}. */
final class CheckpointInfo {

    private CheckpointInfo() {
    }

    static boolean isCheckpoint(Path folder) {
        return Files.isRegularFile(folder.resolve(CheckpointFiles.STATE)) || CheckpointStore.latest(folder).isPresent();
    }

    static void print(PrintWriter out, Path folder) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(folder);
        out.printf("checkpoint %s%n", checkpoint.folder());
        out.printf("step %d, seed %d, training wall seconds %.1f, EMA weights %s%n", checkpoint.state().step(),
                checkpoint.state().seed(), checkpoint.state().trainingWallSeconds(),
                checkpoint.state().hasEma() ? "yes" : "no");
        out.println("metadata:");
        out.println(Json.mapper().writeValueAsString(checkpoint.metadata()));
        out.println("provenance:");
        out.println(Json.mapper().writeValueAsString(checkpoint.provenance()));
    }
}
