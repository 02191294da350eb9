package org.sixsa4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sixsa4j.model.components.Bbody;
import org.sixsa4j.model.components.Bbodyrad;
import org.sixsa4j.model.components.Bknpower;
import org.sixsa4j.model.components.Bremss;
import org.sixsa4j.model.components.Cabs;
import org.sixsa4j.model.components.Constant;
import org.sixsa4j.model.components.Cutoffpl;
import org.sixsa4j.model.components.Diskbb;
import org.sixsa4j.model.components.Gabs;
import org.sixsa4j.model.components.Gaussian;
import org.sixsa4j.model.components.Highecut;
import org.sixsa4j.model.components.Lorentz;
import org.sixsa4j.model.components.Phabs;
import org.sixsa4j.model.components.Powerlaw;
import org.sixsa4j.model.components.Tbabs;
import org.sixsa4j.model.components.Tbpcf;
import org.sixsa4j.model.components.Wabs;
import org.sixsa4j.model.components.Zedge;
import org.sixsa4j.model.components.Zgauss;
import org.sixsa4j.model.components.Zpowerlw;
import org.sixsa4j.model.components.Ztbabs;

/**
 * The registry of model components by XSPEC name. Names are case-insensitive and, as in XSPEC,
 * may be abbreviated to any unique prefix ({@code po} for {@code powerlaw}); an exact name
 * always wins over a prefix of a longer one ({@code bbody} is not ambiguous with
 * {@code bbodyrad}).
 */
public final class Components {
    private static final Map<String, ComponentType> BY_NAME = register(
            // additive
            Powerlaw.INSTANCE, Cutoffpl.INSTANCE, Bknpower.INSTANCE, Zpowerlw.INSTANCE,
            Bbody.INSTANCE, Bbodyrad.INSTANCE, Diskbb.INSTANCE, Bremss.INSTANCE,
            Gaussian.INSTANCE, Zgauss.INSTANCE, Lorentz.INSTANCE,
            // multiplicative
            Tbabs.INSTANCE, Ztbabs.INSTANCE, Tbpcf.INSTANCE, Phabs.INSTANCE, Wabs.INSTANCE,
            Constant.INSTANCE, Highecut.INSTANCE, Zedge.INSTANCE, Gabs.INSTANCE, Cabs.INSTANCE);

    private Components() {
    }

    private static Map<String, ComponentType> register(ComponentType... types) {
        Map<String, ComponentType> m = new LinkedHashMap<>();
        for (ComponentType t : types) {
            if (m.put(t.name(), t) != null) {
                throw new IllegalStateException("component " + t.name() + " registered twice");
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every component, in registration order. */
    public static List<ComponentType> all() {
        return new ArrayList<>(BY_NAME.values());
    }

    /**
     * The component named {@code name}, or the one it abbreviates.
     *
     * @throws IllegalArgumentException naming the candidates when the name is unknown or ambiguous
     */
    public static ComponentType get(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        ComponentType exact = BY_NAME.get(key);
        if (exact != null) {
            return exact;
        }
        List<String> matches = new ArrayList<>();
        for (String n : BY_NAME.keySet()) {
            if (n.startsWith(key)) {
                matches.add(n);
            }
        }
        if (matches.size() == 1) {
            return BY_NAME.get(matches.get(0));
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("unknown model component '" + name + "'; see 'sixsa model --list'");
        }
        throw new IllegalArgumentException("'" + name + "' is ambiguous: it abbreviates " + String.join(", ", matches));
    }
}
