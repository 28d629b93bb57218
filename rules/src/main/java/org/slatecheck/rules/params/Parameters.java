package org.slatecheck.rules.params;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

import org.slatecheck.rules.model.Level;

/**
 * The parameter values of a rule set in force on one congress date: name → typed value with its source. Generic:
 * the rules ask for a parameter by name and type ({@code integer("discipline.period_months")}), so a new threshold
 * needs a value in the term's values file, not a Java release. Asking for a parameter the release does not declare
 * ({@code data/parameters.csv}) is an error; a declared parameter without a value in force is "not set" ({@code isSet} false, the optional
 * accessors null). Immutable and thread-safe; inserted as a fact into every session.
 */
public final class Parameters {
    private final RuleSetParameters file;
    private final Map<String, Parameter> inForce;

    Parameters(RuleSetParameters file, Map<String, Parameter> inForce) {
        this.file = file;
        this.inForce = Collections.unmodifiableMap(inForce);
    }

    /** The file these values come from (declarations and every dated entry). */
    public RuleSetParameters file() {
        return file;
    }

    /** The entries in force, by name, in file order. */
    public Map<String, Parameter> all() {
        return inForce;
    }

    public boolean isDeclared(String name) {
        return file.declarations().containsKey(name);
    }

    public boolean isSet(String name) {
        Parameter p = entry(name);
        return p != null && p.isSet();
    }

    private Parameter entry(String name) {
        if (!file.declarations().containsKey(name)) {
            throw ParameterException.of("unknown", name);
        }
        return inForce.get(name);
    }

    /** The typed value, or null when not set. */
    public Object value(String name) {
        Parameter p = entry(name);
        return p == null ? null : p.typed();
    }

    private Object required(String name) {
        Object v = value(name);
        if (v == null) {
            throw ParameterException.of("no_value", name);
        }
        return v;
    }

    /** An integer parameter that must be set. */
    public int integer(String name) {
        return (Integer) required(name);
    }

    /** An integer parameter, or null when not set. */
    public Integer optionalInteger(String name) {
        return (Integer) value(name);
    }

    /** A decimal or percent parameter that must be set. */
    public BigDecimal decimal(String name) {
        return (BigDecimal) required(name);
    }

    /** A month parameter, or null when not set. */
    public YearMonth month(String name) {
        return (YearMonth) value(name);
    }

    /** A date parameter, or null when not set. */
    public LocalDate date(String name) {
        return (LocalDate) value(name);
    }

    /** A text parameter, or null when not set. */
    public String text(String name) {
        Object v = value(name);
        return v == null ? null : v.toString();
    }

    /** A code parameter (the constant of its code list), or null when not set. */
    @SuppressWarnings("unchecked")
    public <E extends Enum<E>> E code(String name) {
        return (E) value(name);
    }

    /** A codes parameter (an ordered set of constants of its code list); empty when not set. */
    @SuppressWarnings("unchecked")
    public <E extends Enum<E>> Set<E> codes(String name) {
        Object v = value(name);
        return v == null ? Set.of() : (Set<E>) v;
    }

    /** True when the codes parameter {@code name} contains {@code code}. */
    public boolean hasCode(String name, Enum<?> code) {
        Object v = value(name);
        return v instanceof Set<?> s && s.contains(code);
    }

    /**
     * An integer parameter dated by the age reached ({@code retirement.age_months.M}): its value in force on
     * {@code date}, the day the age is reached (not the congress date); null when none is.
     */
    public Integer integerOn(String name, LocalDate date) {
        return (Integer) file.valueOn(name, date);
    }

    /** The source of the entry in force (document, article, clause, note as one line of text). */
    public String source(String name) {
        Parameter p = entry(name);
        if (p == null) {
            throw ParameterException.of("no_value", name);
        }
        return p.source();
    }

    public String version() {
        return file.version();
    }

    /** The rule set's general citation (the directive behind it). */
    public String citation() {
        return text("ruleset.citation");
    }

    /** Default reference month for congresses of {@code level}, or null when the congress must give it. */
    public YearMonth referenceMonth(Level level) {
        String name = "reference_month." + level.name();
        return isDeclared(name) ? month(name) : null;
    }

    /** An optional per-level integer ({@code base.LEVEL}); null when not declared or not set. */
    public Integer perLevel(String base, Level level) {
        String name = base + "." + level.name();
        return isDeclared(name) ? optionalInteger(name) : null;
    }

    /** An optional per-level integer ({@code base.LEVEL.suffix}); null when not declared or not set. */
    public Integer perLevel(String base, Level level, String suffix) {
        String name = base + "." + level.name() + "." + suffix;
        return isDeclared(name) ? optionalInteger(name) : null;
    }

    /** An optional per-level code ({@code base.LEVEL}); null when not declared or not set. */
    public <E extends Enum<E>> E perLevelCode(String base, Level level) {
        String name = base + "." + level.name();
        return isDeclared(name) ? code(name) : null;
    }
}
