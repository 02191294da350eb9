package org.sixsa4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.model.components.Powerlaw;

class ModelTest {
    private static final double[] LOW = {0.5, 1.0, 2.0, 4.0};
    private static final double[] HIGH = {1.0, 2.0, 4.0, 8.0};

    @Test
    void parametersTakeXspecNamesAndDefaults() {
        Model m = Model.parse("powerlaw");
        assertEquals(List.of("powerlaw.PhoIndex", "powerlaw.norm"), m.parameters().stream().map(ModelParameter::name).toList());
        assertEquals(1.0, m.parameter("POWERLAW.phoindex").value(), "names are case-insensitive");
        assertEquals(2, m.freeParameters().size());
    }

    @Test
    void valuesOutsideTheHardLimitsAreRefusedWithTheParameterName() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Model.parse("powerlaw").set("powerlaw.PhoIndex", 11));
        assertTrue(e.getMessage().startsWith("powerlaw.PhoIndex = 11.0 is outside its limits"), e.getMessage());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> Model.parse("powerlaw").set("powerlaw.Gamma", 2));
        assertTrue(u.getMessage().contains("powerlaw.PhoIndex, powerlaw.norm"), u.getMessage());
    }

    @Test
    void aSumOfComponentsIsTheSumOfTheirSpectra() {
        Model m = Model.parse("powerlaw+powerlaw").set("powerlaw_1.PhoIndex", 1.5).set("powerlaw_1.norm", 2)
                .set("powerlaw_2.PhoIndex", 2.5).set("powerlaw_2.norm", 3);
        double[] full = m.parameterMap().expand(m.parameterMap().freeValues());
        double[] got = m.evaluator(LOW, HIGH, ModelSettings.xspecDefaults()).evaluate(full, 1);
        Powerlaw.Evaluator pl = Powerlaw.INSTANCE.bind(LOW, HIGH, ModelSettings.xspecDefaults());
        double[] a = pl.integrate(1.5, 2);
        double[] b = pl.integrate(2.5, 3);
        for (int i = 0; i < LOW.length; i++) {
            assertEquals(a[i] + b[i], got[i], 1e-15 * got[i]);
        }
    }

    @Test
    void linksFollowArithmeticExpressionsOfOtherParameters() {
        Model m = Model.parse("powerlaw+powerlaw").link("powerlaw_2.PhoIndex", "powerlaw_1.PhoIndex + 0.5")
                .link("powerlaw_2.norm", "2*powerlaw_1.norm^2 - sqrt(4)");
        ParameterMap map = m.parameterMap();
        assertEquals(List.of("powerlaw_1.PhoIndex", "powerlaw_1.norm"), map.freeNames());
        double[] full = map.expand(new double[] {1.7, 3.0});
        assertArrayEquals(new double[] {1.7, 3.0, 2.2, 16.0}, full, 1e-15);
    }

    @Test
    void linksMayChainAndAreEvaluatedAfterWhatTheyRead() {
        // powerlaw_3 reads powerlaw_2, which reads powerlaw_1: declared in the "wrong" order on purpose.
        Model m = Model.parse("powerlaw+powerlaw+powerlaw")
                .link("powerlaw_3.PhoIndex", "powerlaw_2.PhoIndex * 2")
                .link("powerlaw_2.PhoIndex", "powerlaw_1.PhoIndex + 1");
        double[] full = m.parameterMap().expand(new double[] {0.5, 1, 1, 1});
        assertEquals(1.5, full[2], 0);
        assertEquals(3.0, full[4], 0);
    }

    @Test
    void aCycleOfLinksIsRefusedNamingIt() {
        Model m = Model.parse("powerlaw+powerlaw").link("powerlaw_2.PhoIndex", "powerlaw_1.PhoIndex");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.link("powerlaw_1.PhoIndex", "powerlaw_2.PhoIndex"));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertTrue(e.getMessage().contains("powerlaw_1.PhoIndex") && e.getMessage().contains("powerlaw_2.PhoIndex"), e.getMessage());
    }

    @Test
    void badLinkExpressionsAreOneLineErrors() {
        Model m = Model.parse("powerlaw+powerlaw");
        for (String bad : new String[] {"powerlaw_1.PhoIndex +", "foo.bar", "(1", "cosh(1)", "1 $ 2"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.link("powerlaw_2.norm", bad), bad);
            assertTrue(e.getMessage().startsWith("link '"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void jointModelsTieObservationsToTheFirstUntilUnlinked() {
        Model m = Model.parse("powerlaw").forObservations(3).unlink("powerlaw.norm[3]");
        assertEquals(6, m.parameters().size());
        assertEquals(List.of("powerlaw.PhoIndex", "powerlaw.norm", "powerlaw.norm[3]"), m.parameterMap().freeNames());
        double[] full = m.parameterMap().expand(new double[] {2.0, 5.0, 7.0});
        assertArrayEquals(new double[] {2.0, 5.0, 2.0, 5.0, 2.0, 7.0}, full, 0);
        assertEquals(4, m.parameterOffset(3));
        assertEquals(m.index("powerlaw.norm"), m.index("powerlaw.norm[1]"));
        // A link may read another observation's parameter.
        Model n = m.link("powerlaw.PhoIndex[2]", "powerlaw.PhoIndex[1] + powerlaw.norm[3]");
        assertEquals(9.0, n.parameterMap().expand(new double[] {2.0, 5.0, 7.0})[2], 0);
    }

    @Test
    void frozenParametersKeepTheirValueAndLeaveTheFreeVector() {
        Model m = Model.parse("powerlaw").set("powerlaw.PhoIndex", 2.2).freeze("powerlaw.PhoIndex");
        assertEquals(List.of("powerlaw.norm"), m.parameterMap().freeNames());
        assertArrayEquals(new double[] {2.2, 0.1}, m.parameterMap().expand(new double[] {0.1}), 0);
        assertEquals(2, m.thaw("powerlaw.PhoIndex").parameterMap().freeCount());
    }

    @Test
    void factorsMultiplyTheSpectrumTheyApplyToAndNothingElse() {
        ModelSettings settings = ModelSettings.xspecDefaults();
        Model m = Model.parse("tbabs*powerlaw + powerlaw").set("tbabs.nH", 0.3)
                .set("powerlaw_1.PhoIndex", 1.7).set("powerlaw_2.PhoIndex", 2.9).set("powerlaw_2.norm", 0.5);
        double[] got = m.evaluator(LOW, HIGH, settings).evaluate(m.parameterMap().expand(m.parameterMap().freeValues()), 1);
        double[] t = new double[LOW.length];
        org.sixsa4j.model.components.Tbabs.INSTANCE.bind(LOW, HIGH, settings).evaluate(new double[] {0.3}, 0, t, 0);
        Powerlaw.Evaluator pl = Powerlaw.INSTANCE.bind(LOW, HIGH, settings);
        double[] a = pl.integrate(1.7, 1);
        double[] b = pl.integrate(2.9, 0.5);
        for (int i = 0; i < LOW.length; i++) {
            assertTrue(t[i] > 0 && t[i] < 1, "tbabs absorbs: " + t[i]);
            assertEquals(t[i] * a[i] + b[i], got[i], 1e-15 * got[i], "bin " + i);
        }
    }

    @Test
    void aCrossNormalisationFreezesTheFirstConstantAndFreesTheOthers() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Model.parse("powerlaw").forObservations(2).withCrossNormalisation());
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
    }
}
