package org.sixsa4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.model.ComponentType;
import org.sixsa4j.model.Components;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ParameterInfo;
import org.sixsa4j.spectrum.EnergyGrid;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sixsa model}: lists the model components, or evaluates a model on an energy grid. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"List the model components, or evaluate a model on an energy grid.",
                "Examples:",
                "  sixsa model --list",
                "  sixsa model --eval --model \"tbabs*(bbodyrad+powerlaw)\" --par nH=0.1 --par kT=0.3 --log-grid 0.1:10:200",
                "  sixsa model --eval --model gaussian --par LineE=6.4 --grid-from PN.arf --out line.csv"})
final class ModelCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Action action;

    static final class Action {
        @Option(names = "--list", description = "List every component with its parameters (units, defaults, limits).")
        boolean list;

        @Option(names = "--eval", description = "Evaluate --model on the grid and print (or write, with --out) one line per bin.")
        boolean eval;
    }

    @Option(names = "--markdown", description = "With --list: a Markdown table.")
    private boolean markdown;

    @Mixin
    private ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--grid", paramLabel = "LO:HI:WIDTH", description = "Linear energy grid in keV.")
    private String grid;

    @Option(names = "--log-grid", paramLabel = "LO:HI:N", description = "N bins evenly spaced in log E, as XSPEC's 'energies LO HI N log'.")
    private String logGrid;

    @Option(names = "--grid-from", paramLabel = "FILE", description = "The input energy bins of an ARF or RMF.")
    private Path gridFrom;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of printing it.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        if (action.list) {
            w.print(markdown ? markdownList() : textList());
            w.flush();
            return 0;
        }
        Model model = modelOptions.model();
        EnergyGrid bins = energyGrid();
        double[] full = model.parameterMap().expand(model.parameterMap().freeValues());
        double[] flux = model.evaluator(bins.lows(), bins.highs(), modelOptions.settings()).evaluate(full, 1);
        StringWriter text = new StringWriter();
        PrintWriter csv = new PrintWriter(text);
        csv.println("# " + SimulateCommand.describe(model));
        csv.println("# " + modelOptions.settings());
        csv.println("E_lo_keV,E_hi_keV,photons_cm2_s,photons_cm2_s_keV");
        for (int i = 0; i < bins.size(); i++) {
            csv.printf(Locale.ROOT, "%.9g,%.9g,%.9g,%.9g%n", bins.low(i), bins.high(i), flux[i], flux[i] / bins.width(i));
        }
        csv.flush();
        if (out == null) {
            w.print(text);
        } else {
            writeAtomically(out, text.toString());
            w.printf(Locale.ROOT, "wrote %s (%d bins)%n", out, bins.size());
        }
        w.flush();
        return 0;
    }

    private EnergyGrid energyGrid() {
        int given = (grid != null ? 1 : 0) + (logGrid != null ? 1 : 0) + (gridFrom != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInputException("option --grid, --log-grid or --grid-from: give exactly one energy grid to evaluate on");
        }
        if (grid != null) {
            return InstrumentCommand.parseGrid("--grid", grid);
        }
        if (gridFrom != null) {
            return GridFiles.energyBins(gridFrom);
        }
        String[] parts = logGrid.split(":");
        try {
            double lo = Double.parseDouble(parts[0]);
            double hi = Double.parseDouble(parts[1]);
            int n = Integer.parseInt(parts[2]);
            if (parts.length != 3 || !(lo > 0) || !(hi > lo) || n < 1 || n > 10_000_000) {
                throw new InvalidInputException("option --log-grid: need 0 < LO < HI and 1 <= N <= 1e7, got " + logGrid);
            }
            return EnergyGrid.logarithmic(lo, hi, n);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputException("option --log-grid: expected LO:HI:N, got '" + logGrid + "'");
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path target = file.toAbsolutePath();
        OutputFolders.create("--out", target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            Files.writeString(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String textList() {
        StringBuilder b = new StringBuilder();
        for (ComponentType c : Components.all()) {
            b.append(String.format(Locale.ROOT, "%-10s %-14s %s%n", c.name(), c.kind().name().toLowerCase(Locale.ROOT), c.description()));
            for (ParameterInfo p : c.parameters()) {
                b.append(String.format(Locale.ROOT, "    %-10s %-10s default %-10s limits [%s, %s]%s%n", p.name(), p.unit().isEmpty() ? "-" : p.unit(),
                        number(p.defaultValue()), number(p.hardMin()), number(p.hardMax()), p.frozenByDefault() ? " frozen" : ""));
            }
        }
        return b.toString();
    }

    /** The component table of docs/models.md. */
    static String markdownList() {
        StringBuilder b = new StringBuilder();
        for (ComponentType c : Components.all()) {
            b.append("### `").append(c.name()).append("` (").append(c.kind().name().toLowerCase(Locale.ROOT)).append(")\n\n");
            b.append(c.description()).append(".\n\n");
            b.append("    ").append(c.formula()).append("\n\n");
            b.append("| parameter | unit | default | hard limits | soft limits | |\n|---|---|---|---|---|---|\n");
            for (ParameterInfo p : c.parameters()) {
                b.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s – %s | %s – %s | %s |%n", p.name(), p.unit(), number(p.defaultValue()),
                        number(p.hardMin()), number(p.hardMax()), number(p.softMin()), number(p.softMax()),
                        (p.frozenByDefault() ? "frozen" : "") + (p.isLogScale() ? (p.frozenByDefault() ? ", " : "") + "log scale" : "")));
            }
            b.append("\nReference: ").append(c.reference()).append("\n\n");
        }
        return b.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}
