package org.slatecheck.rules.catalogue;

import java.util.List;
import java.util.Map;

import org.slatecheck.rules.model.Severity;

/**
 * One rule's metadata ({@code <FAMILY>/<RULE-ID>/rule.properties} and the folder's message files): its id and family,
 * the severities its DRL rule(s) declare, the severities a board may set it to ({@code switches.csv}), the optional
 * nominee columns it reads (an absent one leaves it not checked), the optional congress columns it reads (the same), the parameters it uses, the documents its citation
 * rows name, the limit it needs (empty, or {@code committee_maximum}, {@code standing_range},
 * {@code deputy_secretaries}: without it the rule is not checked), the structure panel's bar it judges (empty, or
 * {@code women}, {@code under40}, {@code band}, {@code minority}, {@code size}) and its texts (key → text) in Vietnamese and
 * English.
 */
public record RuleMeta(String id, String family, List<Severity> severity, List<Severity> severities,
        List<String> columns, List<String> congressColumns, List<String> parameters, List<String> documents, String needs, String panel,
        Map<String, String> vi, Map<String, String> en) {
}
