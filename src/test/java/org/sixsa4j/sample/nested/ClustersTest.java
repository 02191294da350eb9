package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClustersTest {
    /** Points on a line at 0, 1, 2.5, 10, 11: links shorter than the gap join them in chains. */
    private static final double[] LINE = {0, 1, 10, 2.5, 11};

    @Test
    void singleLinkageJoinsChainsOfShortLinks() {
        Clusters c = Clusters.link(LINE, LINE.length, 1, 1.6);
        assertEquals(2, c.count());
        assertArrayEquals(new int[] {0, 0, 1, 0, 1}, c.label());
    }

    @Test
    void theLinkDistanceIsExclusive() {
        assertEquals(5, Clusters.link(LINE, LINE.length, 1, 1.0).count());
        assertEquals(3, Clusters.link(LINE, LINE.length, 1, 1.001).count());
        assertEquals(1, Clusters.link(LINE, LINE.length, 1, 7.6).count());
    }

    @Test
    void distancesUseEveryCoordinate() {
        double[] z = {0, 0, 0, 3, 3, 0};
        assertEquals(3, Clusters.link(z, 3, 2, 3).count());
        assertEquals(1, Clusters.link(z, 3, 2, 3.01).count());
    }
}
