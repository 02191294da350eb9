package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sixsa4j.sbi.LogDensity;

class NestedSamplerBuilderTest {
    private static final LogDensity FLAT = theta -> 0;

    @Test
    void defaults() {
        NestedSampler.Settings s = NestedSampler.builder(Gaussian.box(5, 0, 1), FLAT).build().settings();
        assertEquals(400, s.livePoints());
        assertEquals(0.01, s.logZTolerance());
        assertEquals(1, s.threads());
        assertEquals(128, s.batchSize());
        assertEquals(30, s.bootstrapRounds());
        assertEquals(80, s.regionUpdateInterval());
        assertEquals(0.01, s.minRegionEfficiency());
        assertEquals(15, s.sliceSteps());
        assertEquals(Long.MAX_VALUE, s.maxIterations());
        assertEquals(Long.MAX_VALUE, s.maxEvaluations());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("livePoints", (Consumer<NestedSampler.Builder>) b -> b.livePoints(6)),
                Arguments.of("logZTolerance", (Consumer<NestedSampler.Builder>) b -> b.logZTolerance(0)),
                Arguments.of("maxIterations", (Consumer<NestedSampler.Builder>) b -> b.maxIterations(0)),
                Arguments.of("maxEvaluations", (Consumer<NestedSampler.Builder>) b -> b.maxEvaluations(-1)),
                Arguments.of("threads", (Consumer<NestedSampler.Builder>) b -> b.threads(0)),
                Arguments.of("batchSize", (Consumer<NestedSampler.Builder>) b -> b.batchSize(0)),
                Arguments.of("bootstrapRounds", (Consumer<NestedSampler.Builder>) b -> b.bootstrapRounds(0)),
                Arguments.of("regionUpdateInterval", (Consumer<NestedSampler.Builder>) b -> b.regionUpdateInterval(0)),
                Arguments.of("minRegionEfficiency", (Consumer<NestedSampler.Builder>) b -> b.minRegionEfficiency(1.5)),
                Arguments.of("sliceSteps", (Consumer<NestedSampler.Builder>) b -> b.sliceSteps(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void settingsOutOfRangeAreRejectedByName(String name, Consumer<NestedSampler.Builder> setting) {
        NestedSampler.Builder builder = NestedSampler.builder(Gaussian.box(5, 0, 1), FLAT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> setting.accept(builder));
        assertTrue(e.getMessage().startsWith(name + " must"), e.getMessage());
    }

    @Test
    void defaultLivePointsMustExceedTheDimension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NestedSampler.builder(Gaussian.box(400, 0, 1), FLAT).build());
        assertTrue(e.getMessage().startsWith("livePoints must"), e.getMessage());
    }

    /** A flat likelihood is one plateau: Z is the likelihood itself, whatever the live points. */
    @Test
    void flatLikelihoodEndsAtOnceWithItsValue() {
        NestedResult r = NestedSampler.builder(Gaussian.box(3, -1, 1), theta -> -2.5).livePoints(20).build().run(3);
        assertEquals(-2.5, r.logZ(), 1e-12, r.toString());
        assertEquals(StopReason.LIKELIHOOD_PLATEAU, r.stopReason(), r.toString());
        assertEquals(0, r.information(), 1e-12, r.toString());
        assertEquals(20, r.effectiveSampleSize(), 1e-9, r.toString());
    }
}
