package org.slatecheck.rules.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.kie.api.definition.rule.Rule;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Severity;

/**
 * What a rule found: the rule id and severity (from the rule's metadata), what it cites, which nominee (null for a
 * list finding) and the evidence values. Wording comes later, from the message bundles. Immutable.
 */
public final class Finding {
    /** Findings of a nominee or a list in a stable order: severity, rule id, then evidence. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::getSeverity)
            .thenComparing(Finding::getRuleId).thenComparing(Finding::sortKey);

    private final String ruleId;
    private final Severity severity;
    private final String citation;
    private final String nomineeId;
    private final Map<String, Object> evidence;
    private final String parameter;
    private final String variant;
    private final org.slatecheck.rules.guided.GuidedRule guided;
    /** The English wording of the citation; null or empty: the Vietnamese one is shown. */
    private final String citationEn;
    /**
     * Whether every document the citation names was checked against its text (docs/specification.md section 5); null
     * when nothing says (a guided rule's citation, or before the citation is resolved).
     */
    private final Boolean citationConfirmed;

    public Finding(String ruleId, Severity severity, String citation, String nomineeId, Map<String, Object> evidence) {
        this(ruleId, severity, citation, nomineeId, evidence, null, null, null, null, null);
    }

    private Finding(String ruleId, Severity severity, String citation, String nomineeId, Map<String, Object> evidence,
            String parameter, String variant, org.slatecheck.rules.guided.GuidedRule guided, String citationEn,
            Boolean citationConfirmed) {
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.citation = citation;
        this.nomineeId = nomineeId;
        this.evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        this.parameter = parameter;
        this.variant = variant;
        this.guided = guided;
        this.citationEn = citationEn;
        this.citationConfirmed = citationConfirmed;
    }

    /**
     * A nominee finding of {@code rule} with evidence key/value pairs. Its citation is resolved after the rules fire,
     * from the term's dated citations ({@link #withCitation}).
     */
    public static Finding nominee(Rule rule, Nominee nominee, Object... keyValues) {
        return create(rule, nominee.getNomineeId(), keyValues);
    }

    /** A list finding of {@code rule}. */
    public static Finding list(Rule rule, Object... keyValues) {
        return create(rule, null, keyValues);
    }

    /** This finding resting on the parameter {@code name} (it cites that parameter's citation when the term has one). */
    public Finding on(String name) {
        return new Finding(ruleId, severity, citation, nomineeId, evidence, name, variant, guided,
                citationEn, citationConfirmed);
    }

    /** This finding with its message variant chosen by the rule ({@code message.RULE.VARIANT}). */
    public Finding variant(String name) {
        return new Finding(ruleId, severity, citation, nomineeId, evidence, parameter, name, guided,
                citationEn, citationConfirmed);
    }

    /** This finding with its citation resolved. */
    public Finding withCitation(String text) {
        return new Finding(ruleId, severity, text, nomineeId, evidence, parameter, variant, guided,
                citationEn, citationConfirmed);
    }

    /** This finding with its citation resolved, in Vietnamese and in English. */
    public Finding withCitation(String text, String english) {
        return new Finding(ruleId, severity, text, nomineeId, evidence, parameter, variant, guided, english,
                citationConfirmed);
    }

    /**
     * This finding with its citation resolved from the document registry, in Vietnamese and in English, and whether
     * every document it names was checked against its text.
     */
    public Finding withCitation(String text, String english, boolean confirmed) {
        return new Finding(ruleId, severity, text, nomineeId, evidence, parameter, variant, guided, english,
                confirmed);
    }

    /** Whether every document the citation names was checked against its text; null when nothing says. */
    public Boolean getCitationConfirmed() {
        return citationConfirmed;
    }

    /** The English wording of the citation; null or empty when the term gives none (the Vietnamese is shown). */
    public String getCitationEn() {
        return citationEn;
    }

    /** This finding with the severity a board's switch gives its rule. */
    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, citation, nomineeId, evidence, parameter, variant, guided,
                citationEn, citationConfirmed);
    }

    /** This finding with the guided rule that made it (its wording is the rule's data, not the bundle's). */
    public Finding withGuided(org.slatecheck.rules.guided.GuidedRule rule) {
        return new Finding(ruleId, severity, citation, nomineeId, evidence, parameter, variant, rule,
                citationEn, citationConfirmed);
    }

    /** The guided rule that made this finding; null for a shipped rule. */
    public org.slatecheck.rules.guided.GuidedRule getGuided() {
        return guided;
    }

    private static Finding create(Rule rule, String nomineeId, Object... keyValues) {
        RuleInfo info = RuleInfo.of(rule);
        if (!info.isDecision()) {
            throw new IllegalStateException(info.id() + " is a classification rule and cannot report findings");
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException(info.id() + ": evidence needs key/value pairs");
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            evidence.put((String) keyValues[i], normalise(keyValues[i + 1]));
        }
        return new Finding(info.id(), info.severity(), null, nomineeId, evidence, null, null, null, null, null);
    }

    private static Object normalise(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.util.Collection<?> c && !(value instanceof List<?>)) {
            return c.stream().map(Finding::normalise).toList();
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        return value;
    }

    public String getRuleId() {
        return ruleId;
    }

    public Severity getSeverity() {
        return severity;
    }

    /** What the finding cites (resolved from the term's dated citations); null before it is resolved. */
    public String getCitation() {
        return citation;
    }

    /** The parameter the finding rests on; null when it rests on none. */
    public String getParameter() {
        return parameter;
    }

    /** The message variant the rule chose; null for the rule's only message. */
    public String getVariant() {
        return variant;
    }

    /** The nominee this finding is about; null for a list finding. */
    public String getNomineeId() {
        return nomineeId;
    }

    public boolean isListFinding() {
        return nomineeId == null;
    }

    /** Evidence values: Integer, String, YearMonth, LocalDate, Boolean, or a List of those; null when unknown. */
    public Map<String, Object> getEvidence() {
        return evidence;
    }

    private String sortKey() {
        return evidence.values().stream().map(Finding::sortable).collect(Collectors.joining("|"));
    }

    private static String sortable(Object v) {
        if (v instanceof Integer i) {
            return String.format("%012d", i);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Finding::sortable).collect(Collectors.joining(","));
        }
        if (v instanceof YearMonth || v instanceof LocalDate) {
            return v.toString();
        }
        return String.valueOf(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && ruleId.equals(f.ruleId) && severity == f.severity
                && Objects.equals(citation, f.citation) && Objects.equals(nomineeId, f.nomineeId)
                && evidence.equals(f.evidence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, severity, nomineeId, evidence);
    }

    @Override
    public String toString() {
        // Evidence can hold a relative's name: keep it out of the string form used in logs.
        return ruleId + "/" + severity + (nomineeId == null ? "" : "@" + nomineeId) + evidence.keySet();
    }
}
