package org.slatecheck.rules.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.slatecheck.rules.model.Nominee;

/**
 * The {@code relatives} of one congress's nominees resolved against its list (docs/specification.md section 2): a relative id names the
 * nominee whose id is the same without case and invisible characters ({@link Texts#idKey}), and is replaced by that
 * nominee's id as written, so that FAM-001 joins them; an id that names nobody on the list is left out with a warning
 * naming the line and the value (never silently). Linear in the number of ids (one map of the list's ids).
 */
public final class Relatives {
    /** Unknown ids told one by one; beyond, one warning gives the number (a file of wrong ids is not a flood). */
    static final int MAX_TOLD = 100;

    private final String file;
    private final String column;
    private final List<InputWarning> warnings;
    private long unknown;

    /**
     * @param file     the nominees file, for the warnings
     * @param column   how the file's header writes {@code relatives}
     * @param warnings where the unknown ids are told
     */
    public Relatives(String file, String column, List<InputWarning> warnings) {
        this.file = file;
        this.column = column;
        this.warnings = warnings;
    }

    /** Adds the warning that gives the number of unknown ids not told one by one, if any. */
    public void finish() {
        if (unknown > MAX_TOLD) {
            warnings.add(InputWarning.of(file, 0, column, "relative_unknown_more", unknown - MAX_TOLD));
        }
    }

    /**
     * @param list the nominees of one congress
     * @param line the physical line of each nominee
     * @return the list with each nominee's relatives resolved (the same objects where nothing changed)
     */
    public List<Nominee> resolve(List<Nominee> list, ToLongFunction<Nominee> line) {
        Map<String, String> ids = null;
        List<Nominee> out = new ArrayList<>(list.size());
        for (Nominee n : list) {
            if (n.getRelatives().isEmpty()) {
                out.add(n);
                continue;
            }
            if (ids == null) {
                ids = new HashMap<>(list.size() * 2);
                for (Nominee m : list) {
                    ids.putIfAbsent(Texts.idKey(m.getNomineeId()), m.getNomineeId());
                }
            }
            Set<String> resolved = new LinkedHashSet<>();
            boolean changed = false;
            for (String r : n.getRelatives()) {
                String id = ids.get(Texts.idKey(r));
                if (id == null) {
                    if (++unknown <= MAX_TOLD) {
                        warnings.add(InputWarning.of(file, line.applyAsLong(n), column, "relative_unknown", r));
                    }
                    changed = true;
                } else {
                    resolved.add(id);
                    changed |= !id.equals(r);
                }
            }
            out.add(changed ? n.withRelatives(resolved) : n);
        }
        return out;
    }
}
