package org.sixsa4j.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

/**
 * Modules applied one after the other, as PyTorch's {@code nn.Sequential}: the parameters of the
 * i-th module are named {@code i.name}, so {@code 0.weight}, {@code 1.running_mean}.
 */
public final class Sequential implements Module {

    private final List<Module> modules;

    public Sequential(List<Module> modules) {
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("a sequential network needs at least one module");
        }
        this.modules = List.copyOf(modules);
    }

    public Sequential(Module... modules) {
        this(List.of(modules));
    }

    /** The modules in order. */
    public List<Module> modules() {
        return modules;
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        Tensor y = x;
        for (Module m : modules) {
            y = m.forward(tape, y);
        }
        return y;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (int i = 0; i < modules.size(); i++) {
            for (Parameter p : modules.get(i).parameters()) {
                all.add(p.withPrefix(Integer.toString(i)));
            }
        }
        return all;
    }

    @Override
    public Map<String, FMatrixRMaj> buffers() {
        Map<String, FMatrixRMaj> all = new LinkedHashMap<>();
        for (int i = 0; i < modules.size(); i++) {
            String prefix = i + ".";
            modules.get(i).buffers().forEach((name, value) -> all.put(prefix + name, value));
        }
        return all;
    }

    @Override
    public void train() {
        modules.forEach(Module::train);
    }

    @Override
    public void eval() {
        modules.forEach(Module::eval);
    }

    /** True when the first module is in training mode; {@link #train()} and {@link #eval()} set all alike. */
    @Override
    public boolean training() {
        return modules.get(0).training();
    }

    @Override
    public String toString() {
        return "Sequential" + modules;
    }
}
