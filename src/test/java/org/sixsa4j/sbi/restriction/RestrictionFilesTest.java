package org.sixsa4j.sbi.restriction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.Priors;

/** A restriction read back from its folder accepts, densities and samples exactly as the one saved. */
class RestrictionFilesTest {
    private static final JointPrior CUBE = ClassifierRestrictedPriorTest.cube(Priors.uniform(-1, 1));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(ClassifierSettings.Architecture.class)
    void roundTripIsExact(ClassifierSettings.Architecture architecture) {
        ClassifierSettings settings = ClassifierSettings.builder().architecture(architecture).hiddenFeatures(16).dropout(0.1).maxEpochs(20).build();
        RestrictionResult saved = PriorRestriction.builder(CUBE, ValidityCriterion.of(theta -> theta[0] + theta[1] >= 0))
                .simulationsPerRound(400).maxRounds(2).targetValidFraction(1).classifier(settings).seed(3).build().run();
        RestrictionFiles.save(saved, dir);
        RestrictionResult loaded = RestrictionFiles.load(dir, CUBE);

        assertEquals(saved.rounds(), loaded.rounds());
        assertEquals(saved.reachedTarget(), loaded.reachedTarget());
        RestrictionClassifier a = saved.classifier();
        RestrictionClassifier b = loaded.classifier();
        assertEquals(a.logitThreshold(), b.logitThreshold());
        assertEquals(a.calibration(), b.calibration());
        assertEquals(a.history(), b.history());
        assertEquals(a.settings().toString(), b.settings().toString());
        double[][] points = RestrictionClassifierTest.uniformCube(2000, RandomSource.XO_RO_SHI_RO_128_PP.create(5));
        assertArrayEquals(a.logits(points), b.logits(points), 0);
        assertArrayEquals(saved.restrictedPrior().logDensity(points), loaded.restrictedPrior().logDensity(points), 0);
        assertEquals(saved.restrictedPrior().acceptanceRate(), loaded.restrictedPrior().acceptanceRate(), 0);
        double[][] x = saved.restrictedPrior().sample(500, RandomSource.XO_RO_SHI_RO_128_PP.create(6));
        double[][] y = loaded.restrictedPrior().sample(500, RandomSource.XO_RO_SHI_RO_128_PP.create(6));
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(x[i], y[i], 0, "draw " + i);
        }
    }

    @Test
    void aDamagedFolderIsAOneLineErrorNamingTheFile() throws IOException {
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> RestrictionFiles.load(dir, CUBE));
        assertTrue(missing.getMessage().contains(RestrictionFiles.SETTINGS), missing.getMessage());
        Files.writeString(dir.resolve(RestrictionFiles.SETTINGS), "{\"format\": \"something else\"}");
        InvalidInputException wrong = assertThrows(InvalidInputException.class, () -> RestrictionFiles.load(dir, CUBE));
        assertTrue(wrong.getMessage().contains("format"), wrong.getMessage());
        assertEquals(1, wrong.getMessage().lines().count());
    }
}
