package org.sixsa4j.bench;

import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.TransferOperator;

/** The responses the benchmarks run on, by name. */
final class BenchmarkInstruments {
    private BenchmarkInstruments() {
    }

    static TransferOperator operator(String name) {
        switch (name) {
            case "ccd":
                return TransferOperator.of(Instruments.ccd().observation(2e4));
            case "xifu":
                return TransferOperator.of(Instruments.xifu().observation(1e4));
            default:
                throw new IllegalArgumentException("unknown benchmark instrument " + name);
        }
    }
}
