package org.slatecheck.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slatecheck.governance.RuleSetVersions.Version;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetException;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.params.Parameter;
import org.slatecheck.rules.params.ParameterDeclaration;
import org.slatecheck.rules.params.ParameterException;
import org.slatecheck.rules.params.RuleSetParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Draft editing: a new draft or a new term made from a version, the edits of a draft by its author (parameters,
 * data files, rule cases — each compiled outside the transaction, then written in a short one under the version's
 * row lock, audited, its compiled copy evicted after commit) and deleting it; and the views of a version the editing
 * forms show (parameter rows, document choices, guided rules in words).
 */
@Service
public class RuleSetDrafts {
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    /** The short transaction in which an edit, compiled beforehand, locks the version row and writes. */
    private final TransactionTemplate transactions;
    private final DraftLimits limits;
    private final RuleSetVersions versions;
    private final RuleSetCache cache;
    private final RuleSetApprovals approvals;

    public RuleSetDrafts(JdbcTemplate jdbc, AuditLog audit, PlatformTransactionManager transactions,
            DraftLimits limits, RuleSetVersions versions, RuleSetCache cache, RuleSetApprovals approvals) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.limits = limits;
        this.versions = versions;
        this.cache = cache;
        this.approvals = approvals;
    }

    // ---- drafting -------------------------------------------------------------------------------------------------

    /**
     * A new DRAFT copied from version {@code baseId}, with the next free version number of its term; refused when
     * {@code author} already has {@link DraftLimits#maxOpenDrafts()} open drafts of that term.
     */
    @Transactional
    public long createDraft(long baseId, String author) {
        versions.get(baseId).orElseThrow(() -> new IllegalArgumentException("no rule set version " + baseId));
        approvals.requireGoverns(author, "BOARD", baseId, "draft");
        // A shared lock: the base's content cannot change (be edited) while it is copied.
        Version base = versions.lock(baseId, "for share");
        // Drafts of a term are created one after the other: the count of open drafts and the next version number
        // are decided on what the drafts created before have committed.
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
        }, "rule_set_draft " + base.term());
        List<String> open = jdbc.queryForList("select version from rule_set_version where term = ? and author = ? "
                + "and status = 'DRAFT' order by id", String.class, base.term(), author);
        if (open.size() >= limits.maxOpenDrafts()) {
            throw GovernanceException.of("governance.too_many_drafts", open.size(), base.term(),
                    String.join(", ", open));
        }
        RuleSetSource source = versions.source(baseId);
        String version = nextVersion(base.term());
        RuleSetSource draft = source.withValues(withEntry(source.parameterSet(), "ruleset.version", version,
                null, null, null, true));
        long id = versions.insert(base.term(), version, "DRAFT", author, baseId, draft);
        audit.append(author, "DRAFT_CREATED", version, base.checksum(), RuleSetVersions.contentChecksum(draft),
                "from " + base.version());
        return id;
    }

    /**
     * A NEW term as a DRAFT made from version {@code baseId} (the latest term, say): {@code term} ({@code 2030-2035},
     * no version of it yet), its congress season {@code from}–{@code to}, the base's levels that have not ended (a
     * level that ended in the base term does not come back), and the base's rules, citations and parameters — except
     * the default reference months, which are the new term's directive's to give and start unset (a congress must
     * give its month until the board sets them). Only a central board member may
     * ({@link RuleSetApprovals#requireGoverns}); it then goes through the same editing, impact analysis, four eyes
     * and activation as any draft, and once active the intake, the form, the columns page and the templates know
     * the term without a restart.
     */
    @Transactional
    public long createTerm(long baseId, String author, String term, LocalDate from, LocalDate to) {
        versions.get(baseId).orElseThrow(() -> new IllegalArgumentException("no rule set version " + baseId));
        approvals.requireGoverns(author, "BOARD", baseId, "draft");
        Version base = versions.lock(baseId, "for share");
        String id = term == null ? "" : term.strip();
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
        }, "rule_set_draft " + id);
        Integer n = jdbc.queryForObject("select count(*) from rule_set_version where term = ?", Integer.class, id);
        if (n != null && n > 0) {
            throw GovernanceException.of("governance.term_exists", id);
        }
        if (from == null || to == null) {
            throw GovernanceException.of("data.error.term_season_missing");
        }
        RuleSetSource source = versions.source(baseId);
        org.slatecheck.rules.params.Term made;
        try {
            made = source.termData().next(id, from, to);
        } catch (ParameterException e) {
            throw new GovernanceException(List.of(GovernanceException.Problem.data(e)));
        }
        String version = id + ".1";
        // The release's declarations; the base term's values, the version row and the reference months renewed.
        RuleSetSource withDeclarations = source.with(RuleSetSource.PARAMETERS, RuleSetSource.shippedDeclarations());
        String parameters = withEntry(withDeclarations.parameterSet(), "ruleset.version", version, "",
                "phiên bản bộ quy tắc SlateCheck của nhiệm kỳ (tạo từ " + base.version() + ")", null, true);
        RuleSetSource valued = withDeclarations.withValues(parameters);
        for (String name : valued.parameterSet().entries().keySet()) {
            if (name.startsWith("reference_month.")) {
                parameters = withEntry(valued.withValues(parameters).parameterSet(), name, "", "",
                        "Chưa quy định cho nhiệm kỳ " + id + ": ban tổ chức nhập theo văn bản của nhiệm kỳ", null,
                        true);
            }
        }
        Map<String, String> files = new TreeMap<>(withDeclarations.files());
        files.put(RuleSetSource.TERM, made.text());
        files.put(RuleSetSource.VALUES, parameters);
        RuleSetSource draft = new RuleSetSource(id, files);
        try {
            draft.termData();
            draft.parameterSet();
        } catch (ParameterException e) {
            throw new GovernanceException(List.of(GovernanceException.Problem.data(e)));
        }
        long newId = versions.insert(id, version, "DRAFT", author, baseId, draft);
        audit.append(author, "TERM_CREATED", version, base.checksum(), RuleSetVersions.contentChecksum(draft),
                "from " + base.version() + ", season " + from + " to " + to);
        return newId;
    }

    private String nextVersion(String term) {
        int max = 0;
        for (String v : jdbc.queryForList("select version from rule_set_version where term = ?", String.class, term)) {
            String tail = v.substring(v.lastIndexOf('.') + 1);
            if (tail.matches("\\d{1,6}")) {
                max = Math.max(max, Integer.parseInt(tail));
            }
        }
        return term + "." + (max + 1);
    }

    /**
     * The values file text with one value of {@code name} set: the value in force from {@code from} (null: the
     * undated one) gets {@code value}, its source document {@code document} (null: keep the one it had, with its
     * article and clause; another document drops them) and {@code note} (null: keep), or is added when there is
     * none from that date. {@code replaceAll} replaces every value of the parameter by that one.
     */
    static String withEntry(RuleSetParameters file, String name, String value, String document, String note,
            LocalDate from, boolean replaceAll) {
        return withEntry(file, name, value, document, null, null, note, from, replaceAll);
    }

    /** As above; {@code article} and {@code clause} null: kept with the document (dropped with another one). */
    static String withEntry(RuleSetParameters file, String name, String value, String document, String article,
            String clause, String note, LocalDate from, boolean replaceAll) {
        Map<String, List<Parameter>> entries = new LinkedHashMap<>();
        file.entries().forEach((k, v) -> entries.put(k, new ArrayList<>(v)));
        if (!file.declarations().containsKey(name)) {
            throw GovernanceException.of("data.error.unknown", name);
        }
        List<Parameter> list = entries.computeIfAbsent(name, k -> new ArrayList<>());
        Parameter old = list.stream().filter(p -> java.util.Objects.equals(p.from(), from)).findFirst()
                .orElse(list.isEmpty() ? new Parameter(name, null, "", null, "", "", "", "") : list.get(list.size() - 1));
        boolean sameDocument = document == null || document.equals(old.document());
        Parameter entry = new Parameter(name, replaceAll ? null : from, value, null,
                sameDocument ? old.document() : document,
                article != null ? article : sameDocument ? old.article() : "",
                clause != null ? clause : sameDocument ? old.clause() : "", note != null ? note : old.note());
        if (replaceAll) {
            list.clear();
            list.add(entry);
        } else {
            list.removeIf(p -> java.util.Objects.equals(p.from(), from));
            list.add(entry);
            list.sort((a, b) -> a.from() == null ? -1 : b.from() == null ? 1 : a.from().compareTo(b.from()));
        }
        return RuleSetParameters.write(file.declarations(), entries);
    }

    /** The document registry of a version: id → how a citation names it in {@code language}, in registry order. */
    public Map<String, String> documentChoices(long id, String language) {
        Map<String, String> out = new LinkedHashMap<>();
        org.slatecheck.rules.params.Documents documents = org.slatecheck.rules.params.Documents.parse(
                versions.source(id).documents(), RuleSetSource.DOCUMENTS);
        documents.all().forEach(d -> out.put(d.id(), d.reference(language)));
        return out;
    }

    /**
     * Sets parameter values, their notes and optionally the date from which they are in force, on a draft (only
     * its author may); the source documents stay. See the full form below.
     */
    public void saveParameters(long id, String actor, Map<String, String> values, Map<String, String> notes) {
        saveParameters(id, actor, values, notes, Map.of(), Map.of());
    }

    public void saveParameters(long id, String actor, Map<String, String> values, Map<String, String> notes,
            Map<String, String> fromDates) {
        saveParameters(id, actor, values, notes, fromDates, Map.of());
    }

    /**
     * Sets parameter values, their sources — the document of the registry ({@code documents}, by id; empty: no
     * document, e.g. a board parameter's default) and a note ({@code notes}) — and optionally the date from which
     * they are in force, on a draft (only its author may). Every value needs a document or a note saying where it
     * comes from; the values file must read (types, ranges), name only documents of the registry, and the rule set
     * must compile with it, or nothing changes. A date other than those the parameter has adds a dated value.
     * Parameters not named keep what they had.
     */
    public void saveParameters(long id, String actor, Map<String, String> values, Map<String, String> notes,
            Map<String, String> fromDates, Map<String, String> documents) {
        saveParameters(id, actor, values, notes, fromDates, documents, Map.of(), Map.of());
    }

    /** As above, with the article and clause of each value's source document (the board's parameter table). */
    public void saveParameters(long id, String actor, Map<String, String> values, Map<String, String> notes,
            Map<String, String> fromDates, Map<String, String> documents, Map<String, String> articles,
            Map<String, String> clauses) {
        editable(versions.read(id), actor);
        edit(id, actor, before -> parametersEdit(before, values, notes, fromDates, documents, articles, clauses));
    }

    private Edit parametersEdit(RuleSetSource before, Map<String, String> values, Map<String, String> sources,
            Map<String, String> fromDates, Map<String, String> documents, Map<String, String> articles,
            Map<String, String> clauses) {
        if (before.values() == null) {
            // A version stored before the declarations moved out of the terms: its values move to the new files.
            before = before.with(RuleSetSource.PARAMETERS, RuleSetSource.shippedDeclarations())
                    .withValues(before.parameterSet().text());
        }
        Map<String, List<String>> rows = parameterRows(before.parameterSet());
        List<GovernanceException.Problem> problems = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        RuleSetSource current = before;
        for (Map.Entry<String, List<String>> e : rows.entrySet()) {
            String name = e.getKey();
            if (name.equals("ruleset.version") || !(values.containsKey(name) || sources.containsKey(name)
                    || fromDates.containsKey(name) || documents.containsKey(name) || articles.containsKey(name)
                    || clauses.containsKey(name))) {
                continue;
            }
            String value = values.getOrDefault(name, e.getValue().get(0)).strip();
            String src = sources.getOrDefault(name, e.getValue().get(2)).strip();
            String document = documents.getOrDefault(name, e.getValue().get(8)).strip();
            String fromText = fromDates.getOrDefault(name, e.getValue().get(3)).strip();
            LocalDate from = null;
            if (!fromText.isEmpty()) {
                try {
                    from = LocalDate.parse(fromText);
                } catch (java.time.format.DateTimeParseException ex) {
                    problems.add(GovernanceException.Problem.of("data.error.not_date", fromText).on(name));
                    continue;
                }
            }
            if (src.isEmpty() && document.isEmpty()) {
                problems.add(GovernanceException.Problem.of("governance.source_missing", name));
                continue;
            }
            String article = articles.containsKey(name) ? articles.get(name).strip() : null;
            String clause = clauses.containsKey(name) ? clauses.get(name).strip() : null;
            if (value.equals(e.getValue().get(0)) && src.equals(e.getValue().get(2))
                    && fromText.equals(e.getValue().get(3)) && document.equals(e.getValue().get(8))
                    && (article == null || article.equals(e.getValue().get(9)))
                    && (clause == null || clause.equals(e.getValue().get(10)))) {
                continue;
            }
            if (!document.isEmpty() && org.slatecheck.rules.params.Documents.parse(current.documents(),
                    RuleSetSource.DOCUMENTS).get(document) == null) {
                problems.add(GovernanceException.Problem.of("data.error.document_unknown", document).on(name));
                continue;
            }
            try {
                current = current.withValues(withEntry(current.parameterSet(), name, value, document, article, clause,
                        src, from, false));
                changed.add(name);
            } catch (org.slatecheck.rules.params.ParameterException ex) {
                problems.add(GovernanceException.Problem.data(ex).on(name));
            }
        }
        if (!problems.isEmpty()) {
            throw new GovernanceException(problems);
        }
        return new Edit(current, "PARAMETERS_CHANGED", String.join(", ", changed));
    }

    /**
     * The data files a board may replace as a whole (citations, switches, the arrangement of provinces, guided rules,
     * rule cases); rules (DRL) are never among them, nor the parameter files: the
     * values ({@code values.csv}) change only through the parameters form ({@link #saveParameters}), its declarations (types, bounds,
     * labels, the version row) only with a release.
     */
    static boolean isBoardFile(String path) {
        return path.equals(RuleSetSource.CITATIONS) || path.equals(RuleSetSource.SWITCHES)
                || path.equals(RuleSetSource.DOCUMENTS)
                || path.equals(RuleSetSource.PROVINCES)
                || path.equals(RuleSetSource.TERM)
                || path.matches("guided/[A-Z]{3}-9\\d{2}\\.yaml")
                || path.matches("guided/[A-Z]{3}-9\\d{2}\\.cases\\.yaml")
                || path.matches("org/slatecheck/rules/([A-Z]{3})/(\\1-\\d{3})/\\2\\.cases\\.yaml")
                // a case file at its place before one folder per rule (issue 18 item 4), in an older version
                || path.matches("org/slatecheck/rules/[A-Z]{3}/[A-Z]{3}-\\d{3}\\.cases\\.yaml");
    }

    /** Longest data file a board may store. */
    static final int MAX_FILE = 512 * 1024;

    /**
     * Adds, replaces or (with null text) removes one data file of a draft (only its author may): citations, the
     * document registry, switches, a guided rule or a rule case file — never a rule (DRL), never the parameter files (refused, naming the
     * parameters form). The file is read by its strict reader and the rule set must compile with it, or nothing
     * changes.
     */
    public void replaceFile(long id, String actor, String path, String text) {
        editable(versions.read(id), actor);
        if (RuleSetSource.PARAMETERS.equals(path) || RuleSetSource.VALUES.equals(path)) {
            throw GovernanceException.of("governance.parameters_by_form");
        }
        if (path == null || !isBoardFile(path)) {
            throw GovernanceException.of("governance.file_unknown", String.valueOf(path));
        }
        if (text != null && text.length() > MAX_FILE) {
            throw GovernanceException.of("data.error.too_long", MAX_FILE);
        }
        if (text == null && (path.equals(RuleSetSource.CITATIONS) || path.equals(RuleSetSource.DOCUMENTS)
                || path.equals(RuleSetSource.TERM))) {
            throw GovernanceException.of("governance.file_unknown", path);
        }
        if (text != null && path.endsWith(".cases.yaml")) {
            try {
                org.slatecheck.rules.cases.CaseFile.parse(path, text);
            } catch (IllegalArgumentException e) {
                throw GovernanceException.of("governance.cases_unreadable", e.getMessage());
            }
        }
        String action = text == null ? "FILE_REMOVED" : path.endsWith(".cases.yaml") ? "CASES_CHANGED"
                : "DATA_CHANGED";
        edit(id, actor, before -> {
            RuleSetSource after = before.with(path, text);
            if (path.equals(RuleSetSource.TERM) || path.equals(RuleSetSource.DOCUMENTS)) {
                directivesInRegistry(after);
            }
            return new Edit(after, action, path);
        });
    }

    /**
     * Refuses a term file whose directives ({@code directive} rows) name a document the version's registry does not
     * hold — after a new term file, or a registry that lost one.
     */
    static void directivesInRegistry(RuleSetSource source) {
        if (source.term() == null) {
            return;
        }
        try {
            org.slatecheck.rules.params.Documents documents = org.slatecheck.rules.params.Documents.parse(
                    source.documents(), RuleSetSource.DOCUMENTS);
            for (String d : source.termData().directives()) {
                if (documents.get(d) == null) {
                    throw GovernanceException.of("data.error.document_unknown", d);
                }
            }
        } catch (ParameterException e) {
            throw new GovernanceException(List.of(GovernanceException.Problem.data(e)));
        }
    }

    /** An edit of a draft: its whole content after the edit, the audit action and detail. */
    private record Edit(RuleSetSource after, String action, String detail) {
    }

    /**
     * Edits draft {@code id} without holding a database connection or its row lock while it compiles (a compile
     * takes seconds; issue 17): reads the version and its content, makes the content after the edit, compiles it —
     * as one of the compiles {@link DraftLimits} allows at once, else refused as busy — and only then, in a short
     * transaction, locks the row, checks again that it is a draft of {@code actor} and that its checksum is still the
     * one the edit started from (else refused as a conflict: the draft changed meanwhile), and writes.
     */
    private void edit(long id, String actor, java.util.function.Function<RuleSetSource, Edit> change) {
        limits.compiling(actor, () -> {
            Version started = editable(versions.read(id), actor);
            RuleSetSource before = versions.source(id);
            Edit edit = change.apply(before);
            compileOrRefuse(edit.after());
            transactions.executeWithoutResult(tx -> {
                Version v = editable(versions.lock(id, "for update"), actor);
                if (!v.checksum().equals(started.checksum())) {
                    throw GovernanceException.conflict("governance.draft_changed");
                }
                store(v, actor, before, edit.after(), edit.action(), edit.detail());
            });
            return null;
        });
    }

    /** Writes every changed file and the new checksum, and audits the change (in the edit's short transaction). */
    private void store(Version v, String actor, RuleSetSource before, RuleSetSource after, String action,
            String detail) {
        java.util.TreeSet<String> paths = new java.util.TreeSet<>(before.files().keySet());
        paths.addAll(after.files().keySet());
        for (String path : paths) {
            String old = before.files().get(path);
            String now = after.files().get(path);
            if (java.util.Objects.equals(old, now)) {
                continue;
            }
            jdbc.update("delete from rule_set_file where version_id = ? and path = ?", v.id(), path);
            if (now != null) {
                jdbc.update("insert into rule_set_file (version_id, path, kind, content) values (?,?,?,?)", v.id(),
                        path, RuleSetVersions.kind(path), now);
            }
            versions.recordChange(v.id(), actor, path, RuleSetVersions.kind(path), old, now);
        }
        String checksum = RuleSetVersions.contentChecksum(after);
        jdbc.update("update rule_set_version set checksum = ? where id = ?", checksum, v.id());
        cache.evictCompiled(v.id());
        audit.append(actor, action, v.version(), v.checksum(), checksum, detail);
    }

    /** Adds or replaces a rule case file of a draft (the same as {@link #replaceFile} for a case file). */
    public void replaceCases(long id, String actor, String path, String text) {
        if (path == null || !path.endsWith(".cases.yaml")) {
            throw GovernanceException.of("governance.only_cases", path == null ? "" : path);
        }
        replaceFile(id, actor, path, text);
    }

    /**
     * Replaces several rule case files of a draft in one edit (one compile, one new checksum): the new expected
     * outcomes a board accepts in one step ({@code impact/CaseAcceptance}). {@code seenChecksum}: the content the board saw
     * the changes for; refused as a conflict when the draft holds other content now.
     */
    public void replaceCases(long id, String actor, Map<String, String> files, String seenChecksum) {
        editable(versions.read(id), actor);
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey() == null || !f.getKey().endsWith(".cases.yaml") || !isBoardFile(f.getKey())) {
                throw GovernanceException.of("governance.only_cases", String.valueOf(f.getKey()));
            }
            if (f.getValue() == null || f.getValue().length() > MAX_FILE) {
                throw GovernanceException.of("data.error.too_long", MAX_FILE);
            }
            try {
                org.slatecheck.rules.cases.CaseFile.parse(f.getKey(), f.getValue());
            } catch (IllegalArgumentException e) {
                throw GovernanceException.of("governance.cases_unreadable", e.getMessage());
            }
        }
        edit(id, actor, before -> {
            if (seenChecksum == null || !before.checksum().equals(seenChecksum)) {
                throw GovernanceException.conflict("governance.draft_changed");
            }
            RuleSetSource after = before;
            for (Map.Entry<String, String> f : files.entrySet()) {
                after = after.with(f.getKey(), f.getValue());
            }
            return new Edit(after, "CASES_CHANGED", String.join(", ", new java.util.TreeSet<>(files.keySet())));
        });
    }

    /** Runs just before a draft's content is compiled; tests slow or hold a compile with it. */
    static volatile java.util.function.Consumer<RuleSetSource> beforeCompile = s -> {
    };

    private void compileOrRefuse(RuleSetSource source) {
        if (!source.hasReleaseRules()) {
            throw GovernanceException.of("governance.foreign_rules", source.id());
        }
        beforeCompile.accept(source);
        try {
            cache.releaseUnlessCached(RuleSet.compile(source));
        } catch (org.slatecheck.rules.params.ParameterException e) {
            throw new GovernanceException(List.of(GovernanceException.Problem.data(e)));
        } catch (RuleSetException e) {
            List<GovernanceException.Problem> problems = new ArrayList<>();
            for (String line : e.details()) {
                problems.add(GovernanceException.Problem.of("governance.compile_error", line));
            }
            throw new GovernanceException(problems.isEmpty()
                    ? List.of(GovernanceException.Problem.of("governance.compile_error", e.getMessage())) : problems);
        }
    }

    /** {@code v}, refused unless {@code actor} is a central board member, it is a DRAFT and {@code actor} its author. */
    private Version editable(Version v, String actor) {
        approvals.requireGoverns(actor, "BOARD", v.id(), "edit");
        if (!v.status().equals("DRAFT")) {
            throw GovernanceException.of("governance.not_draft");
        }
        if (!v.author().equals(actor)) {
            throw GovernanceException.forbidden("governance.not_author");
        }
        return v;
    }

    /**
     * Deletes a draft: only its author, only while it is a DRAFT, and not while another version is based on it. Its
     * files and impact reports go; its row stays as a tombstone with status DELETED (so its version number is never
     * given out again and the audit rows that name it stay unambiguous), as do the rows of its change history
     * (append-only). It no longer appears anywhere and counts no more towards the author's open drafts. Audited.
     */
    @Transactional
    public Version deleteDraft(long id, String actor) {
        Version v = versions.lock(id, "for update");
        if (!v.status().equals("DRAFT")) {
            throw GovernanceException.of("governance.not_draft");
        }
        if (!v.author().equals(actor)) {
            throw GovernanceException.forbidden("governance.delete_not_author");
        }
        List<String> dependents = jdbc.queryForList("select version from rule_set_version where based_on = ? and "
                + "status <> 'DELETED' order by id", String.class, id);
        if (!dependents.isEmpty()) {
            throw GovernanceException.of("governance.draft_is_base", String.join(", ", dependents));
        }
        jdbc.update("delete from impact_report where version_id = ?", id);
        jdbc.update("delete from rule_set_file where version_id = ?", id);
        jdbc.update("update rule_set_version set status = 'DELETED' where id = ?", id);
        cache.evictCompiled(id);
        audit.append(actor, "DRAFT_DELETED", v.version(), v.checksum(), null, null);
        return v;
    }

    // ---- what the forms show ----------------------------------------------------------------------------------

    /**
     * The parameter rows of a version as the editing form shows them: name → [value, board_parameter, note, from,
     * label_vi, label_en, type, unit, document, article, clause] of the entry in force last (the latest), for every
     * parameter the term values, in declaration order. The source of a value is a document of the registry
     * (by id, empty when none: a board parameter's default) with its article and clause, and a note.
     */
    public Map<String, List<String>> parameterRows(long id) {
        return parameterRows(versions.source(id).parameterSet());
    }

    static Map<String, List<String>> parameterRows(RuleSetParameters file) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        file.entries().forEach((name, entries) -> {
            ParameterDeclaration d = file.declarations().get(name);
            if (entries.isEmpty()) {
                return;
            }
            Parameter last = entries.get(entries.size() - 1);
            rows.put(name, List.of(last.value(), d.boardParameter() ? "yes" : "no", last.note(),
                    last.from() == null ? "" : last.from().toString(), d.labelVi(), d.labelEn(),
                    d.type().toString(), d.unit(), last.document(), last.article(), last.clause()));
        });
        return rows;
    }

    /**
     * The guided rules of a version as an approver reads them: id, severity, the rule as a sentence in
     * {@code language}, its citation, its data (YAML) and the DRL the fixed template generates from it (read-only).
     */
    public List<Map<String, String>> guidedView(long id, String language) {
        RuleSetSource source = versions.source(id);
        RuleSetParameters parameters = source.parameterSet();
        org.slatecheck.rules.text.Messages m = org.slatecheck.rules.text.Messages.of(
                java.util.Locale.forLanguageTag(language));
        List<Map<String, String>> out = new ArrayList<>();
        source.guidedFiles().forEach((path, yaml) -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("path", path);
            row.put("yaml", yaml);
            try {
                org.slatecheck.rules.guided.GuidedRule r = org.slatecheck.rules.guided.GuidedRules.read(yaml, parameters);
                row.put("id", r.id());
                row.put("severity", r.severity().name());
                row.put("sentence", org.slatecheck.rules.explain.GuidedSentence.of(r, m));
                row.put("citation", r.citation());
                row.put("drl", org.slatecheck.rules.guided.GuidedRules.generate(r));
            } catch (org.slatecheck.rules.params.ParameterException e) {
                row.put("id", path);
                row.put("sentence", GovernanceException.Problem.data(e).text(m));
            }
            out.add(row);
        });
        return out;
    }
}
