package org.sixsa4j.model.absorption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class MorrisonMcCammonTest {

    /** Table 2 of the paper at 1 keV (range 0.867–1.303): (120.6 + 169.3 − 47.7) 1e-24 cm². */
    @Test
    void tableTwoAtOneKeV() {
        assertEquals(242.2e-24, MorrisonMcCammon.crossSection(1.0), 1e-14 * 242.2e-24);
        assertEquals((433.9 - 2.4 * 5 + 0.75 * 25) / 125 * 1e-24, MorrisonMcCammon.crossSection(5.0), 1e-14 * 3.4e-24);
    }

    /** A boundary energy belongs to the range above it, as the paper's ranges [E_lo, E_hi) say. */
    @Test
    void boundariesBelongToTheRangeAbove() {
        assertEquals(MorrisonMcCammon.segment(0.6), MorrisonMcCammon.segment(0.532));
        assertNotEquals(MorrisonMcCammon.segment(0.5), MorrisonMcCammon.segment(0.532));
        assertEquals(0, MorrisonMcCammon.segment(0.02));
        assertEquals(MorrisonMcCammon.SEGMENTS - 1, MorrisonMcCammon.segment(10.0));
        assertEquals(0.532, MorrisonMcCammon.boundary(MorrisonMcCammon.segment(0.6) - 1));
    }

    /**
     * Outside 0.03–10 keV, XSPEC's continuations: E⁻³ from the value at the range end, so
     * continuous there; nothing below 13.6 eV.
     */
    @Test
    void continuationsFallAsEToTheMinusThree() {
        double at10 = MorrisonMcCammon.crossSection(MorrisonMcCammon.SEGMENTS - 2, 10.0);
        assertEquals(at10, MorrisonMcCammon.crossSection(10.0), 1e-15 * at10);
        assertEquals(at10 / 8, MorrisonMcCammon.crossSection(20.0), 1e-15 * at10);
        double at003 = MorrisonMcCammon.crossSection(1, 0.03);
        assertEquals(at003, MorrisonMcCammon.crossSection(0, 0.03), 1e-15 * at003);
        assertEquals(at003 * 8, MorrisonMcCammon.crossSection(0.015), 1e-14 * at003);
        assertEquals(0.0, MorrisonMcCammon.crossSection(0.0135));
    }
}
