package org.sixsa4j.sample.nested;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.UnitSphereSampler;
import org.apache.commons.rng.sampling.shape.UnitBallSampler;

/**
 * An MLFriends region in the unit cube (Buchner 2016, Stat. Comput. 26, 383; Buchner 2019, PASP
 * 131, 108004): the union of balls of one bootstrapped radius r around the live points, in the
 * metric of {@link Whitening}, intersected, when the live points form one cluster, with their
 * bootstrapped bounding ellipsoid. It is meant to contain the current likelihood contour, so
 * uniform draws from it that pass the likelihood threshold are uniform draws from the constrained
 * prior. Immutable, so that many threads may draw from it at once.
 *
 * <p>Three exact ways to draw uniformly from the region, of which the one proposing from the
 * smallest volume is used; each rejects draws outside the region or the unit cube:
 * <ul>
 *   <li>{@link Proposal#FRIENDS}: pick a live point, draw uniformly in its ball, and accept with
 *       probability 1/n<sub>c</sub>, n<sub>c</sub> the number of balls covering the draw; volume
 *       N·V(r);</li>
 *   <li>{@link Proposal#BOUNDING_BALLS}: draw from one ball per cluster that encloses its friends'
 *       balls, picked in proportion to volume and accepted with probability 1/m where m of them
 *       overlap; volume Σ V(R<sub>c</sub>);</li>
 *   <li>{@link Proposal#ELLIPSOID}: draw from the bounding ellipsoid; volume V(R<sub>e</sub>).</li>
 * </ul>
 */
final class FriendsRegion {
    /** The ways to draw from the region. */
    enum Proposal { FRIENDS, BOUNDING_BALLS, ELLIPSOID }

    /** Draws before giving up on one point: the region then lies almost wholly outside the cube. */
    static final int MAX_DRAWS = 100_000;

    private final Whitening metric;
    private final int n;
    private final int d;
    private final double[] centres;
    private final Bootstrap.Radii radii;
    private final double radius;
    private final double radiusSq;
    private final Clusters clusters;
    private final BoundingBalls bounds;
    /** The bounding ellipsoid, a ball in whitened coordinates; null for several clusters. */
    private final BoundingBalls ellipsoid;
    private final Proposal proposal;

    private FriendsRegion(Whitening metric, double[] centres, int n, Bootstrap.Radii radii, Clusters clusters, Proposal proposal) {
        this.metric = metric;
        this.n = n;
        this.d = metric.dimension();
        this.centres = centres;
        this.radii = radii;
        this.radius = radii.friends();
        this.radiusSq = radius * radius;
        this.clusters = clusters;
        this.bounds = BoundingBalls.enclose(centres, d, clusters, radius, 0);
        // One ellipsoid around several modes would hold the space between them and trim nothing.
        this.ellipsoid = clusters.count() == 1 ? BoundingBalls.enclose(centres, d, clusters, 0, radii.ellipsoid()) : null;
        this.proposal = proposal != null ? proposal : smallestProposal();
    }

    /**
     * The region around {@code points} (in the unit cube). The metric is measured twice when the
     * first pass finds several clusters: once over all points, then centred on each cluster's mean.
     */
    static FriendsRegion around(double[][] points, int bootstrapRounds, UniformRandomProvider rng) {
        int n = points.length;
        int d = points[0].length;
        Clusters clusters = Clusters.single(n);
        Whitening metric = Whitening.of(points, clusters.label(), 1);
        double[] z = whitenAll(metric, points);
        Bootstrap.Radii radii = Bootstrap.of(z, n, d, bootstrapRounds, rng);
        clusters = Clusters.link(z, n, d, 2 * radii.friends());
        if (clusters.count() > 1) {
            metric = Whitening.of(points, clusters.label(), clusters.count());
            z = whitenAll(metric, points);
            radii = Bootstrap.of(z, n, d, bootstrapRounds, rng);
            clusters = Clusters.link(z, n, d, 2 * radii.friends());
        }
        return new FriendsRegion(metric, z, n, radii, clusters, null);
    }

    /** The same region drawn from with the given proposal (for tests of each). */
    FriendsRegion withProposal(Proposal forced) {
        if (forced == Proposal.ELLIPSOID && ellipsoid == null) {
            throw new IllegalArgumentException("a region of " + clusters.count() + " clusters has no ellipsoid");
        }
        return new FriendsRegion(metric, centres, n, radii, clusters, forced);
    }

    private static double[] whitenAll(Whitening metric, double[][] points) {
        int d = metric.dimension();
        double[] z = new double[points.length * d];
        for (int i = 0; i < points.length; i++) {
            metric.whiten(points[i], z, i * d);
        }
        return z;
    }

    private Proposal smallestProposal() {
        double friends = Math.log(n) + d * Math.log(radius);
        double balls = bounds.logVolume();
        if (ellipsoid != null && ellipsoid.logVolume() <= Math.min(friends, balls)) {
            return Proposal.ELLIPSOID;
        }
        return balls < friends ? Proposal.BOUNDING_BALLS : Proposal.FRIENDS;
    }

    /** The proposal in use. */
    Proposal proposal() {
        return proposal;
    }

    /** The friends' bootstrapped radius, in whitened units. */
    double radius() {
        return radius;
    }

    /** The clusters of the live points. */
    Clusters clusters() {
        return clusters;
    }

    /**
     * Draws a point uniformly from the region's intersection with the open unit cube into
     * {@code u}, using {@code z} as scratch.
     *
     * @param ball a unit-ball sampler over {@code rng}
     * @return false if {@link #MAX_DRAWS} draws all fell outside
     */
    boolean sample(UniformRandomProvider rng, UnitBallSampler ball, double[] z, double[] u) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            boolean accepted;
            switch (proposal) {
                case FRIENDS:
                    accepted = drawFromFriends(rng, ball, z, u);
                    break;
                case BOUNDING_BALLS:
                    accepted = drawFromBalls(bounds, rng, ball, z, u) && inEllipsoid(z);
                    break;
                default:
                    accepted = drawFromBalls(ellipsoid, rng, ball, z, u);
                    break;
            }
            if (accepted) {
                return true;
            }
        }
        return false;
    }

    private boolean drawFromFriends(UniformRandomProvider rng, UnitBallSampler ball, double[] z, double[] u) {
        int i = rng.nextInt(n);
        double[] b = ball.sample();
        for (int a = 0; a < d; a++) {
            z[a] = centres[i * d + a] + radius * b[a];
        }
        metric.unwhiten(z, u);
        if (!UnitCube.containsOpen(u) || !inEllipsoid(z)) {
            return false;
        }
        // Accept with probability 1/n_c: v <= 1/n_c, i.e. n_c <= 1/v. Counting stops as soon as
        // n_c exceeds 1/v, so rejections are cheap; a draw at the rim of its own ball that rounding
        // leaves uncovered counts as covered once.
        double v = rng.nextDouble();
        int allowed = v * n <= 1 ? n : (int) (1 / v);
        int covering = 0;
        for (int j = 0; j < n; j++) {
            if (distanceSq(z, j) <= radiusSq && ++covering > allowed) {
                return false;
            }
        }
        return true;
    }

    /** A draw from {@code balls} kept if it lies in the cube and the friends' union. */
    private boolean drawFromBalls(BoundingBalls balls, UniformRandomProvider rng, UnitBallSampler ball, double[] z, double[] u) {
        balls.draw(rng, ball, z);
        metric.unwhiten(z, u);
        if (!UnitCube.containsOpen(u) || !covered(z)) {
            return false;
        }
        // Where m balls overlap, a point is proposed m times as often.
        int overlapping = balls.covering(z);
        return overlapping <= 1 || rng.nextDouble() * overlapping < 1;
    }

    private boolean inEllipsoid(double[] z) {
        return ellipsoid == null || ellipsoid.covering(z) > 0;
    }

    /** Whether whitened {@code z} lies within r of some live point. */
    private boolean covered(double[] z) {
        for (int j = 0; j < n; j++) {
            if (distanceSq(z, j) <= radiusSq) {
                return true;
            }
        }
        return false;
    }

    /** Whether unit-cube point {@code u} lies in the region (the cube is not checked). */
    boolean contains(double[] u) {
        double[] z = new double[d];
        metric.whiten(u, z, 0);
        return covered(z) && inEllipsoid(z);
    }

    /** Writes to {@code out} a random direction in the unit cube, isotropic in the whitened metric. */
    void direction(UnitSphereSampler sphere, double[] out) {
        metric.unwhiten(sphere.sample(), out);
    }

    private double distanceSq(double[] z, int j) {
        double sq = 0;
        int c = j * d;
        for (int a = 0; a < d; a++) {
            double t = z[a] - centres[c + a];
            sq += t * t;
        }
        return sq;
    }
}
