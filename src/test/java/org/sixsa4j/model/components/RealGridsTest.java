package org.sixsa4j.model.components;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ComponentType;

/**
 * The components that the other oracle tests check on random bins only, here on the bins of
 * the four real response grids (every k-th bin of the larger ones), against the {@link Oracle}
 * applied to their XSPEC definitions written out below.
 */
class RealGridsTest {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    /** One case: the component, its parameters, its density (additive) or factor, and where it has kinks. */
    private static final class Case {
        final ComponentType type;
        final double[] parameters;
        final DoubleUnaryOperator definition;
        final double[] breaks;
        final double tolerance;

        Case(ComponentType type, double[] parameters, DoubleUnaryOperator definition, double tolerance, double... breaks) {
            this.type = type;
            this.parameters = parameters;
            this.definition = definition;
            this.breaks = breaks;
            this.tolerance = tolerance;
        }
    }

    private static Case[] cases() {
        double zf = 1.3;
        return new Case[] {
            new Case(Lorentz.INSTANCE, new double[] {6.7, 0.05, 2},
                e -> 2 * 0.05 / (Math.PI - 2 * Math.atan(-2 * 6.7 / 0.05)) / ((e - 6.7) * (e - 6.7) + 0.05 * 0.05 / 4), 1e-9, 6.7),
            new Case(Zgauss.INSTANCE, new double[] {6.4, 0.02, 0.3, 2},
                e -> 2 / (0.02 * SQRT_2PI) * Math.exp(-0.5 * Math.pow((e * zf - 6.4) / 0.02, 2)), 1e-9, 6.4 / zf),
            new Case(Bknpower.INSTANCE, new double[] {1.2, 3.3, 2.6, 2},
                e -> 2 * (e <= 3.3 ? Math.pow(e, -1.2) : Math.pow(3.3, 2.6 - 1.2) * Math.pow(e, -2.6)), 1e-9, 3.3),
            new Case(Zpowerlw.INSTANCE, new double[] {1.8, 0.3, 2}, e -> 2 * Math.pow(e * zf, -1.8), 1e-9),
            new Case(Highecut.INSTANCE, new double[] {4.0, 2.5}, e -> e <= 4 ? 1 : Math.exp((4 - e) / 2.5), 1e-9, 4.0),
            new Case(Zedge.INSTANCE, new double[] {7.1, 2.0, 0.3},
                e -> e * zf < 7.1 ? 1 : Math.exp(-2 * Math.pow(e * zf / 7.1, -3)), 1e-8, 7.1 / zf),
            new Case(Gabs.INSTANCE, new double[] {1.2, 0.003, 0.05},
                e -> Math.exp(-0.05 / (0.003 * SQRT_2PI) * Math.exp(-0.5 * Math.pow((e - 1.2) / 0.003, 2))), 1e-8, 1.2),
            new Case(Cabs.INSTANCE, new double[] {300}, e -> Math.exp(-300 * 1.21 * 0.665e-2 * Cabs.kleinNishina(e)), 1e-8),
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Grids.PN, Grids.ACIS, Grids.WFI, Grids.XIFU})
    void componentsMatchTheirDefinitionsOnRealGrids(String name) {
        double[][] full = Grids.real(name);
        double[][] grid = Grids.every(full, Math.max(1, full[0].length / 500));
        for (Case c : cases()) {
            double[] out = ComponentTesting.evaluate(c.type, grid[0], grid[1], c.parameters);
            boolean additive = c.type.kind() == ComponentKind.ADDITIVE;
            for (int i = 0; i < out.length; i++) {
                double lo = grid[0][i];
                double hi = grid[1][i];
                double integral = Oracle.integrate(c.definition, lo, hi, 1e-12, c.breaks);
                double want = additive ? integral : integral / (hi - lo);
                ComponentTesting.assertClose(want, out[i], c.tolerance, name + " " + c.type.name() + " bin [" + lo + ", " + hi + "]");
            }
        }
    }
}
