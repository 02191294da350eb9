package org.sixsa4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.compress.CompressorFiles;
import org.sixsa4j.flow.FlowFiles;
import org.sixsa4j.nn.TrainingHistory;
import org.sixsa4j.sbi.ParameterDistribution;
import org.sixsa4j.sbi.SbiPipeline;
import org.sixsa4j.sbi.restriction.RestrictionFiles;
import org.sixsa4j.sbi.WeightedSample;

/**
 * The checkpoint folder of {@code sixsa run}, {@code OUT.checkpoint} next to the output folder
 * {@code OUT}: a copy of the configuration, the finished prior restriction ({@code restriction}),
 * one folder per finished round ({@code round-k}: its compressor, its flow and
 * {@code stage.json}) and the finished importance sampling ({@code importance.bin}). Each piece
 * is written to a scratch name and renamed when complete, so a crash never leaves half a stage.
 * The folder is removed when the run succeeds; {@code --resume} continues from it.
 */
final class RunCheckpoints implements SbiPipeline.Checkpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = "config.yaml";
    private static final String IMPORTANCE = "importance.bin";
    private static final String RESTRICTION = "restriction";
    /** The file that marks a saved stage's folder as complete. */
    private static final String STAGE = "stage.json";
    private static final String IMPORTANCE_MAGIC = "sixsa4j-importance-1";

    private final Path folder;
    private final ParameterDistribution prior;

    private RunCheckpoints(Path folder, ParameterDistribution prior) {
        this.folder = folder;
        this.prior = prior;
    }

    /** The checkpoint folder of the output folder {@code target}. */
    static Path folderOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".checkpoint");
    }

    /**
     * Opens the checkpoint folder of {@code target} for a run of {@code config}: with
     * {@code resume}, the saved stages of an interrupted run of the same configuration are used (a
     * fresh folder is made when there is none); without it, an existing folder is an error, so
     * that an interrupted run is not thrown away by mistake.
     *
     * @throws InvalidInputException naming the folder when it cannot be used
     */
    static RunCheckpoints open(Path target, RunConfig config, boolean resume) {
        Path folder = folderOf(target);
        byte[] configuration = read(config.file());
        if (Files.exists(folder) && !resume && !holdsStages(folder)) {
            // A run that failed before finishing anything left nothing worth keeping.
            try {
                OutputFolders.deleteTree(folder);
            } catch (IOException e) {
                throw new InvalidInputException("cannot remove the empty checkpoint folder " + folder + ": " + OutputFolders.reason(e), e);
            }
        }
        if (Files.exists(folder)) {
            if (!resume) {
                throw new InvalidInputException(folder + " holds an interrupted run of this output folder: continue it with --resume, "
                        + "or remove it to start over");
            }
            if (!Arrays.equals(configuration, read(folder.resolve(CONFIG)))) {
                throw new InvalidInputException("option --resume: the interrupted run in " + folder + " had another configuration ("
                        + folder.resolve(CONFIG) + "); remove the folder to start over");
            }
            return new RunCheckpoints(folder, config.prior());
        }
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(CONFIG), configuration);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the checkpoint folder " + folder + ": " + OutputFolders.reason(e), e);
        }
        return new RunCheckpoints(folder, config.prior());
    }

    private static boolean holdsStages(Path folder) {
        return Files.exists(folder.resolve(IMPORTANCE)) || Files.exists(folder.resolve(round(0))) || Files.exists(folder.resolve(RESTRICTION));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw InvalidInputException.inFile(file, null, null, "cannot be read: " + OutputFolders.reason(e));
        }
    }

    @Override
    public SbiPipeline.SavedRestriction loadRestriction() {
        Path dir = folder.resolve(RESTRICTION);
        return loadStage(dir, "a saved restriction", json -> {
            List<String> warnings = new ArrayList<>();
            json.get("warnings").forEach(w -> warnings.add(w.asText()));
            return new SbiPipeline.SavedRestriction(RestrictionFiles.load(dir, prior), warnings, Duration.ofNanos(json.get("nanoseconds").asLong()));
        });
    }

    @Override
    public void saveRestriction(SbiPipeline.SavedRestriction saved) {
        ObjectNode json = JSON.createObjectNode();
        json.put("nanoseconds", saved.time().toNanos());
        ArrayNode warnings = json.putArray("warnings");
        saved.warnings().forEach(warnings::add);
        saveStage(RESTRICTION, json, scratch -> RestrictionFiles.save(saved.result(), scratch));
    }

    private static String round(int round) {
        return "round-" + (round + 1);
    }

    @Override
    public SbiPipeline.SavedRound loadRound(int round) {
        Path dir = folder.resolve(round(round));
        return loadStage(dir, "a saved round", json -> new SbiPipeline.SavedRound(CompressorFiles.load(dir.resolve("compressor")),
                FlowFiles.load(dir.resolve("flow")), TrainingHistory.fromJson(json.get("training")), json.get("dropped").asInt(),
                Duration.ofNanos(json.get("nanoseconds").asLong())));
    }

    @Override
    public void saveRound(int round, SbiPipeline.SavedRound saved) {
        ObjectNode json = JSON.createObjectNode();
        json.put("dropped", saved.dropped());
        json.put("nanoseconds", saved.time().toNanos());
        json.set("training", saved.training().toJson());
        saveStage(round(round), json, scratch -> {
            CompressorFiles.save(saved.compressor(), scratch.resolve("compressor"));
            FlowFiles.save(saved.flow(), scratch.resolve("flow"));
        });
    }

    /**
     * A finished stage's folder {@code dir}, read by {@code read} from its {@value #STAGE}; null
     * when the stage was not saved.
     */
    private <T> T loadStage(Path dir, String what, Function<JsonNode, T> read) {
        Path file = dir.resolve(STAGE);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return read.apply(JSON.readTree(file.toFile()));
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.inFile(file, null, null, "is not " + what + " (" + e.getMessage() + "); remove " + folder
                    + " to start over");
        }
    }

    /** What a stage writes into its scratch folder beside {@value #STAGE}. */
    private interface StageWriter {
        void write(Path scratch) throws IOException;
    }

    /**
     * Saves a finished stage as the folder {@code name}: written under a scratch name, with
     * {@code json} as its {@value #STAGE} written last, then renamed, so a crash leaves no half stage.
     */
    private void saveStage(String name, ObjectNode json, StageWriter writer) {
        Path scratch = folder.resolve("." + name + ".partial");
        try {
            OutputFolders.deleteTree(scratch);
            Files.createDirectories(scratch);
            writer.write(scratch);
            Files.writeString(scratch.resolve(STAGE), JSON.writeValueAsString(json));
            Path dir = folder.resolve(name);
            OutputFolders.deleteTree(dir);
            Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException("cannot save " + name + " in " + folder + ": " + OutputFolders.reason(e), e);
        }
    }

    @Override
    public SbiPipeline.SavedImportance loadImportance() {
        Path file = folder.resolve(IMPORTANCE);
        if (!Files.exists(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!IMPORTANCE_MAGIC.equals(in.readUTF())) {
                throw new IOException("not a saved importance sampling");
            }
            int n = in.readInt();
            int d = in.readInt();
            int exact = in.readInt();
            long nanos = in.readLong();
            double[][] theta = new double[n][d];
            double[] logWeight = new double[n];
            double[] logLikelihood = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    theta[i][j] = in.readDouble();
                }
                logWeight[i] = in.readDouble();
                logLikelihood[i] = in.readDouble();
            }
            return new SbiPipeline.SavedImportance(WeightedSample.of(theta, logWeight, logLikelihood, exact), Duration.ofNanos(nanos));
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.inFile(file, null, null, "cannot be read back (" + e.getMessage() + "); remove " + folder
                    + " to start over");
        }
    }

    @Override
    public void saveImportance(SbiPipeline.SavedImportance saved) {
        Path file = folder.resolve(IMPORTANCE);
        Path scratch = folder.resolve("." + IMPORTANCE + ".partial");
        WeightedSample w = saved.weighted();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(scratch)))) {
            out.writeUTF(IMPORTANCE_MAGIC);
            out.writeInt(w.size());
            out.writeInt(w.theta(0).length);
            out.writeInt(w.exactEvaluations());
            out.writeLong(saved.time().toNanos());
            for (int i = 0; i < w.size(); i++) {
                for (double v : w.theta(i)) {
                    out.writeDouble(v);
                }
                out.writeDouble(w.logWeight(i));
                out.writeDouble(w.logLikelihood(i));
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot save the importance sampling in " + folder + ": " + OutputFolders.reason(e), e);
        }
        try {
            Files.move(scratch, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InvalidInputException("cannot save the importance sampling in " + folder + ": " + OutputFolders.reason(e), e);
        }
    }

    /** Removes the folder once the run it served has succeeded. */
    void delete() throws IOException {
        OutputFolders.deleteTree(folder);
    }
}
