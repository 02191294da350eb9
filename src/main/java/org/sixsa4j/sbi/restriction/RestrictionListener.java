package org.sixsa4j.sbi.restriction;

/**
 * Receives what a prior restriction has to report as it goes: each finished round, and warnings
 * a user should see (an acceptance rate so low that sampling the restricted prior is slow). The
 * package writes nothing to the terminal itself; the command line or a report decides where
 * this goes. Both methods do nothing by default.
 */
public interface RestrictionListener {

    /** A listener that ignores everything. */
    RestrictionListener NONE = new RestrictionListener() {
    };

    /** Called after each round of {@link PriorRestriction}, from the thread that runs it. */
    default void roundFinished(RestrictionRound round) {
    }

    /** A one-line warning, such as a restricted prior accepting under 1 % of prior draws. */
    default void warning(String message) {
    }
}
