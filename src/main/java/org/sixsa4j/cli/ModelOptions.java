package org.sixsa4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.model.CrossSectionTable;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelSettings;
import picocli.CommandLine.Option;

/** The options that define a spectral model: the expression, parameter values and links, and XSPEC's global settings. */
final class ModelOptions {
    @Option(names = "--model", defaultValue = "powerlaw", paramLabel = "EXPR",
            description = "XSPEC model expression, e.g. \"tbabs*(bbodyrad+powerlaw)\" (default ${DEFAULT-VALUE}).")
    String expression;

    @Option(names = {"--par", "-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A parameter value, e.g. tbabs.nH=0.1 (the bare name is enough when unique); "
                    + "NAME==EXPR links it, e.g. gaussian_2.LineE==gaussian_1.LineE*1.1.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--abund", defaultValue = "angr", paramLabel = "TABLE",
            description = "Abundance table: angr, aspl, feld, aneb, grsa, wilm, lodd, lpgp, lpgs (default ${DEFAULT-VALUE}, as XSPEC).")
    String abund;

    @Option(names = "--xsect", defaultValue = "vern", paramLabel = "TABLE",
            description = "Photo-ionisation cross-sections for phabs: vern (default).")
    String xsect;

    /** The model with the parameter values and links of the command line. */
    Model model() {
        Model m = Model.parse(expression);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String name = e.getKey().trim();
            String value = e.getValue().trim();
            try {
                if (value.startsWith("=")) {
                    m = m.link(name, value.substring(1));
                } else {
                    m = m.set(name, Double.parseDouble(value));
                }
            } catch (NumberFormatException x) {
                throw new InvalidInputException("option --par " + name + ": expected a number (or =EXPR for a link), got '" + value + "'");
            } catch (IllegalArgumentException x) {
                throw new InvalidInputException("option --par: " + x.getMessage());
            }
        }
        return m;
    }

    /** XSPEC's abund and xsect settings as given. */
    ModelSettings settings() {
        try {
            return ModelSettings.xspecDefaults().withAbundances(AbundanceTable.of(abund)).withCrossSections(CrossSectionTable.of(xsect));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("option " + (e.getMessage().contains("abundance") ? "--abund" : "--xsect") + ": " + e.getMessage());
        }
    }
}
