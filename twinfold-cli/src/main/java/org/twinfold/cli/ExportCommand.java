package org.twinfold.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.twinfold.core.Field;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.sim.calo.CaloChallengeFiles;
import org.twinfold.sim.calo.CaloShowerGenerator;
import org.twinfold.sim.calo.IncidentEnergies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Converts a twinfold dataset into a file of another tool's format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a twinfold dataset in another tool's file format. calochallenge: a dataset of task "
                + "calorimeter as a CaloChallenge HDF5 file (incident_energies (N, 1) and showers (N, voxels), MeV, "
                + "float32, gzip) for the challenge's evaluate.py. The whole dataset is held in memory.")
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "Dataset folder to export.")
    Path dataset;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "Output format; only calochallenge is supported.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "File to write, such as showers.hdf5; replaced if it exists.")
    Path out;

    @Override
    public Integer call() throws Exception {
        FileFormats.requireCaloChallenge(format);
        Dataset data = Dataset.open(dataset);
        Field showers = data.schema().fields().stream()
                .filter(field -> field.name().equals(CaloShowerGenerator.SHOWERS)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dataset " + dataset + " has no field 'showers' (it has "
                        + data.schema().names() + "); export a dataset of task calorimeter"));
        if (showers.shape().size() != 1) {
            throw new IllegalArgumentException("dataset " + dataset + " has showers of shape " + showers.shape()
                    + "; a challenge file needs one flat vector of voxels per shower");
        }
        int energyColumn = data.manifest().parameterSpace().indexOf(IncidentEnergies.PARAMETER);

        SampleBatch samples = data.readAll();
        List<ParameterPoint> points = data.points();
        double[] energies = new double[points.size()];
        for (int i = 0; i < energies.length; i++) {
            energies[i] = points.get(i).value(energyColumn);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        CaloChallengeFiles.write(out, energies, samples.floats(CaloShowerGenerator.SHOWERS),
                showers.elementsPerSample());
        System.out.printf("Wrote %d showers of %d voxels to %s%n", energies.length, showers.elementsPerSample(), out);
        return ExitCode.SUCCESS;
    }
}
