package org.sixsa4j.sbi;

import java.util.Locale;

/**
 * The statistic that compares a model with spectra, by XSPEC's names. As in XSPEC, {@code cstat}
 * on an observation that has a background becomes W-stat, the profile likelihood of source and
 * background (XSPEC manual, Appendix B).
 */
public enum FitStatistic {
    /** Cash's statistic (W-stat where there is a background). */
    CSTAT,
    /** W-stat: C-stat with the background profiled out; every observation needs a background. */
    WSTAT,
    /** χ² with XSPEC's standard weighting, σ² = max(d, 1). */
    CHI2;

    /** The statistic by XSPEC name: cstat, wstat or chi (chi2). */
    public static FitStatistic of(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "cstat":
                return CSTAT;
            case "wstat":
                return WSTAT;
            case "chi":
            case "chi2":
                return CHI2;
            default:
                throw new IllegalArgumentException("unknown statistic '" + name + "'; expected cstat, wstat or chi2");
        }
    }

    /** XSPEC's name. */
    public String xspecName() {
        return this == CHI2 ? "chi" : name().toLowerCase(Locale.ROOT);
    }
}
