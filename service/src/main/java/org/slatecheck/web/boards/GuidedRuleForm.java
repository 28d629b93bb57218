package org.slatecheck.web.boards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slatecheck.rules.guided.Catalogue;
import org.slatecheck.rules.guided.GuidedRule;
import org.slatecheck.rules.params.Documents;
import org.springframework.util.MultiValueMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What the guided-rule builder holds: the rule id, its conditions (field, comparison, values — chosen from lists),
 * the severity, the wording in Vietnamese and English and the citation (a document of the rule set's registry and an
 * optional article or note). It becomes the same plain map the YAML route gives {@code GuidedRules.fromMap}, and
 * the YAML stored is generated from that map here, never typed.
 */
public final class GuidedRuleForm {
    /** One condition: a catalogue field, one of its operators and the chosen values (several for "one of"). */
    public static final class Condition {
        public String field = "";
        public String op = "";
        public List<String> values = new ArrayList<>();

        public String getField() {
            return field;
        }

        public String getOp() {
            return op;
        }

        public List<String> getValues() {
            return values;
        }

        public String getValue() {
            return values.isEmpty() ? "" : values.get(0);
        }
    }

    public String id = "";
    /** The id of the rule being edited (empty for a new one): its file is the one saved. */
    public String editing = "";
    public String severity = "";
    public List<Condition> conditions = new ArrayList<>();
    public String titleVi = "";
    public String titleEn = "";
    public String messageVi = "";
    public String messageEn = "";
    public String remedyVi = "";
    public String remedyEn = "";
    public String document = "";
    public String detail = "";

    /** The form as submitted: {@code cond.N.field}, {@code cond.N.op}, {@code cond.N.value} (repeated), the rest. */
    public static GuidedRuleForm from(MultiValueMap<String, String> all) {
        GuidedRuleForm f = new GuidedRuleForm();
        f.id = one(all, "id").toUpperCase(java.util.Locale.ROOT);
        f.editing = one(all, "editing");
        f.severity = one(all, "severity");
        f.titleVi = one(all, "titleVi");
        f.titleEn = one(all, "titleEn");
        f.messageVi = one(all, "messageVi");
        f.messageEn = one(all, "messageEn");
        f.remedyVi = one(all, "remedyVi");
        f.remedyEn = one(all, "remedyEn");
        f.document = one(all, "document");
        f.detail = one(all, "detail");
        int count;
        try {
            count = Math.max(1, Math.min(Integer.parseInt(one(all, "count")), 12));
        } catch (NumberFormatException e) {
            count = 1;
        }
        for (int i = 0; i < count; i++) {
            Condition c = new Condition();
            c.field = one(all, "cond." + i + ".field");
            c.op = one(all, "cond." + i + ".op");
            for (String v : all.getOrDefault("cond." + i + ".value", List.of())) {
                if (v != null && !v.isBlank()) {
                    c.values.add(v.strip());
                }
            }
            f.conditions.add(c);
        }
        return f;
    }

    private static String one(MultiValueMap<String, String> all, String key) {
        String v = all.getFirst(key);
        return v == null ? "" : v.replace("\r\n", "\n").strip();
    }

    /** A stored rule in the form; its citation split into a registry document and the rest when it names one. */
    public static GuidedRuleForm of(GuidedRule r, Documents documents) {
        GuidedRuleForm f = new GuidedRuleForm();
        f.id = r.id();
        f.editing = r.id();
        f.severity = r.severity().name();
        for (GuidedRule.Condition c : r.conditions()) {
            Condition x = new Condition();
            x.field = c.field();
            x.op = c.op();
            x.values.addAll(c.values());
            f.conditions.add(x);
        }
        f.titleVi = r.text("title", "vi");
        f.titleEn = r.text("title", "en");
        f.messageVi = r.text("message", "vi");
        f.messageEn = r.text("message", "en");
        f.remedyVi = r.text("remedy", "vi");
        f.remedyEn = r.text("remedy", "en");
        f.detail = r.citation();
        for (Documents.Document d : documents.all()) {
            String ref = d.reference("vi");
            if (r.citation().startsWith(ref)) {
                f.document = d.id();
                f.detail = r.citation().substring(ref.length()).strip();
                if (f.detail.startsWith("(") && f.detail.endsWith(")")) {
                    f.detail = f.detail.substring(1, f.detail.length() - 1).strip();
                }
                break;
            }
        }
        return f;
    }

    /** Whether any condition tests the list (a list rule), so the severities are the list's. */
    public boolean isListRule() {
        return conditions.stream().map(c -> Catalogue.FIELDS.get(c.field))
                .anyMatch(f -> f != null && f.source() == Catalogue.Source.LIST);
    }

    /** The citation: the document's reference, then the article or note in brackets (or the note alone). */
    public String citation(Documents documents) {
        Documents.Document d = document.isEmpty() ? null : documents.get(document);
        if (d == null) {
            return detail;
        }
        return d.reference("vi") + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    /**
     * The rule as the plain map {@code GuidedRules.fromMap} reads (and the YAML is written from): the evidence is
     * the fields the conditions test (so the message can name their values); {@code draft}: empty wording and
     * citation stand in as "…", to show the sentence before everything is written.
     */
    public Map<String, Object> toMap(Documents documents, boolean draft) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        boolean list = isListRule();
        if (list) {
            m.put("scope", "list");
        }
        m.put("severity", severity);
        List<Object> when = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Condition c : conditions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("field", c.field);
            row.put("op", c.op);
            if (!c.op.equals("empty") && !c.op.equals("not_empty")) {
                row.put("value", c.op.equals("in") ? new ArrayList<>(c.values) : c.getValue());
            }
            when.add(row);
            Catalogue.Field f = Catalogue.FIELDS.get(c.field);
            if (f != null && !evidence.contains(f.key()) && (list ? f.source() == Catalogue.Source.LIST
                    || f.source() == Catalogue.Source.CONGRESS : f.source() != Catalogue.Source.LIST)) {
                evidence.add(f.key());
            }
        }
        m.put("when", when);
        m.put("evidence", evidence);
        m.put("title", words(titleVi, titleEn, draft));
        m.put("message", words(messageVi, messageEn, draft));
        if (!remedyVi.isEmpty() || !remedyEn.isEmpty()) {
            m.put("remedy", words(remedyVi, remedyEn, false));
        }
        String citation = citation(documents);
        m.put("citation", citation.isEmpty() && draft ? "…" : citation);
        return m;
    }

    private static Map<String, String> words(String vi, String en, boolean draft) {
        Map<String, String> w = new LinkedHashMap<>();
        w.put("vi", vi.isEmpty() && draft ? "…" : vi);
        w.put("en", en.isEmpty() && draft ? "…" : en);
        return w;
    }

    /**
     * The YAML of a validated rule, written from what the reader made of the form (literals in their canonical form:
     * "060" is stored as 60), in block style, text as text.
     */
    public static String yaml(GuidedRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        if (r.isListRule()) {
            m.put("scope", "list");
        }
        m.put("severity", r.severity().name());
        List<Object> when = new ArrayList<>();
        for (GuidedRule.Condition c : r.conditions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("field", c.field());
            row.put("op", c.op());
            if (c.parameter() != null) {
                row.put("parameter", c.parameter());
            } else if (!c.values().isEmpty()) {
                row.put("value", c.op().equals("in") ? new ArrayList<>(c.values()) : c.values().get(0));
            }
            when.add(row);
        }
        m.put("when", when);
        m.put("evidence", new ArrayList<>(r.evidence()));
        m.put("title", new LinkedHashMap<>(r.title()));
        m.put("message", new LinkedHashMap<>(r.message()));
        if (r.remedy().values().stream().anyMatch(t -> !t.isEmpty())) {
            m.put("remedy", new LinkedHashMap<>(r.remedy()));
        }
        m.put("citation", r.citation());
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setAllowUnicode(true);
        o.setWidth(120);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        return new Yaml(o).dump(m);
    }

    // Getters for the page.
    public String getId() {
        return id;
    }

    public String getEditing() {
        return editing;
    }

    public String getSeverity() {
        return severity;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public String getTitleVi() {
        return titleVi;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getMessageVi() {
        return messageVi;
    }

    public String getMessageEn() {
        return messageEn;
    }

    public String getRemedyVi() {
        return remedyVi;
    }

    public String getRemedyEn() {
        return remedyEn;
    }

    public String getDocument() {
        return document;
    }

    public String getDetail() {
        return detail;
    }
}
