package org.twinfold.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.Parameter;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;
import org.twinfold.core.dataset.AtomicFiles;
import org.twinfold.core.dataset.DatasetWriter;
import org.twinfold.core.dataset.Manifest;
import org.twinfold.core.provenance.Provenance;
import org.twinfold.sim.calo.BinningXml;
import org.twinfold.sim.calo.CaloChallengeReader;
import org.twinfold.sim.calo.CaloShowerGenerator;
import org.twinfold.sim.calo.CalorimeterGeometry;
import org.twinfold.sim.calo.IncidentEnergies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Converts another tool's file into a twinfold dataset. The dataset is written into a temporary
 * folder beside the target and renamed when complete, so invalid input leaves nothing behind.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn another tool's file into a twinfold dataset. calochallenge: a CaloChallenge HDF5 file "
                + "(float64 or float32) into a dataset of task calorimeter that 'twinfold train calorimeter' can use, "
                + "such as the Geant4 showers of dataset_2_1.hdf5.")
final class ImportCommand implements Callable<Integer> {
    static final String PRODUCER = "calochallenge-import";

    @Parameters(index = "0", paramLabel = "FILE", description = "File to import.")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "Input format; only calochallenge is supported.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Dataset folder to create; it must not exist yet.")
    Path out;

    @Option(names = "--binning", paramLabel = "XML",
            description = "Binning file in the challenge's XML format, with a layer_depth_mm attribute on <Bins>. "
                    + "Default: Dataset 2 (6,480 voxels).")
    Path binning;

    @Option(names = "--shard-size", paramLabel = "N", defaultValue = "1000",
            description = "Showers per HDF5 shard (positive). Default: ${DEFAULT-VALUE}.")
    int shardSize;

    @Override
    public Integer call() throws Exception {
        FileFormats.requireCaloChallenge(format);
        if (shardSize < 1) {
            throw new IllegalArgumentException("--shard-size is " + shardSize + "; it must be positive");
        }
        if (Files.exists(out)) {
            throw new IllegalArgumentException("output folder " + out + " already exists; choose a new folder with --out");
        }
        CalorimeterGeometry geometry = binning == null ? CalorimeterGeometry.dataset2() : BinningXml.read(binning, null);

        Path temporary = AtomicFiles.temporaryFor(out.toAbsolutePath());
        deleteRecursively(temporary);
        try (CaloChallengeReader reader = CaloChallengeReader.open(file, geometry.voxelCount())) {
            double[] energies = reader.incidentEnergiesMeV();
            DatasetWriter writer = DatasetWriter.open(temporary, plan(geometry, energies));
            for (int shard : writer.pendingShards()) {
                int first = writer.firstSample(shard);
                int length = writer.shardLength(shard);
                SampleBatch batch = SampleBatch.builder(writer.manifest().schema(), length)
                        .put(CaloShowerGenerator.SHOWERS, reader.showers(first, length)).build();
                // NOTE: the file records no simulation time, so imported showers get 0 s; speedups
                // computed against them are meaningless.
                writer.writeShard(shard, batch, new double[length]);
            }
            writer.finish();
            AtomicFiles.move(temporary, out.toAbsolutePath());
            System.out.printf("Imported %d showers from %s into %s%n", energies.length, file, out);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(temporary);
            throw e;
        }
        return ExitCode.SUCCESS;
    }

    private Manifest plan(CalorimeterGeometry geometry, double[] energies) {
        Schema schema = CaloShowerGenerator.schemaFor(geometry);
        double min = Math.min(1e3, Arrays.stream(energies).min().orElseThrow());
        double max = Math.max(1e6, Arrays.stream(energies).max().orElseThrow());
        Parameter energy = new Parameter(IncidentEnergies.PARAMETER, min, max, "MeV",
                "kinetic energy of the particle entering the calorimeter");
        double[][] points = new double[energies.length][];
        long[] seeds = new long[energies.length];
        for (int i = 0; i < energies.length; i++) {
            points[i] = new double[] {energies[i]};
            // Imported showers have no seed; the row index keeps each one identifiable.
            seeds[i] = i;
        }

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source", file.toAbsolutePath().toString());
        settings.put("sourceSha256", AtomicFiles.sha256(file));
        settings.put("geometry", geometry.particle() + ", " + geometry.layerCount() + " layers, "
                + geometry.voxelCount() + " voxels");
        GeneratorInfo info = new GeneratorInfo(PRODUCER, "1", settings);
        Provenance provenance = Provenance.now(PRODUCER, "1", settings, 0, Map.of(), CommandLineRecord.get());
        return new Manifest(Manifest.FORMAT_VERSION, "calorimeter", info, Manifest.fieldsOf(schema), List.of(energy),
                points, null, seeds, shardSize, List.of(), false, provenance);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
