package org.slatecheck.impact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slatecheck.governance.GovernanceException;
import org.slatecheck.governance.RuleSetApprovals;
import org.slatecheck.governance.RuleSetCache;
import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.rules.cases.CaseExpectations;
import org.slatecheck.rules.cases.CaseFile;
import org.slatecheck.rules.cases.RuleCase;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;
import org.springframework.stereotype.Service;

/**
 * Rule cases whose expected outcome a board change changes (issue 17 item 8): the impact analysis finds them
 * ({@link DraftCases}, stored in its report as {@code caseChanges}); the board sees them side by side in its language
 * ({@link #pending}) and accepts the new expectations in one step ({@link #accept}: the draft's case files rewritten
 * through {@link RuleSetDrafts#replaceCases(long, String, Map, String)}, then the analysis runs again); the approver
 * sees which expectations the version changed against its base ({@link #review}).
 */
@Service
public class CaseAcceptance {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuleSetVersions versions;
    private final RuleSetCache cache;
    private final RuleSetApprovals approvals;
    private final RuleSetDrafts drafts;
    private final ImpactAnalysis impact;

    public CaseAcceptance(RuleSetVersions versions, RuleSetCache cache, RuleSetApprovals approvals,
            RuleSetDrafts drafts, ImpactAnalysis impact) {
        this.versions = versions;
        this.cache = cache;
        this.approvals = approvals;
        this.drafts = drafts;
        this.impact = impact;
    }

    /** One case in words: its name, its rules by title, and each nominee or list whose expectation changes. */
    public record CaseView(String name, String rules, List<CaseExpectations.Subject> subjects) {
    }

    /**
     * The changed cases of the latest impact analysis of version {@code id}: {@code current} when it is for the
     * version's present content ({@code checksum}), which is the content an acceptance applies to.
     */
    public record Pending(boolean current, String checksum, List<CaseView> cases) {
    }

    /** The cases the latest analysis of {@code id} found changed, in {@code language}; null when there is none. */
    public Pending pending(long id, String language) {
        var latest = impact.latest(id).orElse(null);
        if (latest == null) {
            return null;
        }
        List<CaseExpectations.Change> changes = stored((JsonNode) latest.get("report"));
        if (changes.isEmpty()) {
            return null;
        }
        String checksum = versions.get(id).map(RuleSetVersions.Version::checksum).orElse("");
        return new Pending(Boolean.TRUE.equals(latest.get("current")), checksum, views(changes, language));
    }

    /** The changes an impact report stored. */
    static List<CaseExpectations.Change> stored(JsonNode report) {
        JsonNode node = report == null ? null : report.get("caseChanges");
        if (node == null || !node.isArray()) {
            return List.of();
        }
        try {
            return List.of(JSON.treeToValue(node, CaseExpectations.Change[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the new expected outcomes of the changed cases of draft {@code id} into its case files in one edit
     * (only its author; {@code seenChecksum}: the content the board saw the changes for, refused as a conflict when
     * the draft holds other content or the analysis shown was for other content), then runs the impact analysis
     * again, so the draft shows its cases passing and can go to approval. Returns how many cases were changed.
     */
    public int accept(long id, String actor, String seenChecksum) {
        RuleSetVersions.Version v = versions.get(id).orElseThrow(() -> new IllegalArgumentException(
                "no rule set version " + id));
        approvals.requireGoverns(actor, "BOARD", id, "cases");
        var latest = impact.latest(id).orElse(null);
        if (latest == null || !Boolean.TRUE.equals(latest.get("current")) || seenChecksum == null
                || !seenChecksum.strip().equals(v.checksum())) {
            throw GovernanceException.conflict("cases.stale");
        }
        List<CaseExpectations.Change> listed = stored((JsonNode) latest.get("report"));
        if (listed.isEmpty()) {
            return 0;
        }
        // Each listed case is run again under the draft (the same content the analysis ran on): what it gets now is
        // what is written, never a value carried in the report.
        RuleSetSource source = versions.source(id);
        RuleSetSnapshot withDraft = cache.snapshot().with(List.of(cache.entry(id)));
        Map<String, List<CaseExpectations.Change>> byFile = new TreeMap<>();
        for (CaseExpectations.Change c : listed) {
            String yaml = source.cases().get(c.file());
            if (yaml == null) {
                continue;
            }
            List<RuleCase> cases = CaseFile.parse(c.file(), yaml);
            if (c.index() >= cases.size()) {
                continue;
            }
            CaseExpectations.Change now = CaseExpectations.change(c.file(), c.index(), cases.get(c.index()),
                    c.nameVi(), withDraft);
            if (now != null) {
                byFile.computeIfAbsent(c.file(), k -> new ArrayList<>()).add(now);
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, List<CaseExpectations.Change>> e : byFile.entrySet()) {
            files.put(e.getKey(), CaseExpectations.rewrite(source.cases().get(e.getKey()), e.getValue()));
            count += e.getValue().size();
        }
        if (files.isEmpty()) {
            return 0;
        }
        drafts.replaceCases(id, actor, files, seenChecksum.strip());
        impact.run(id, actor, 200);
        return count;
    }

    /**
     * What an approver reads: the cases whose expected outcome version {@code id} changed against the version it is
     * based on, in {@code language}; empty without a base.
     */
    public List<CaseView> review(long id, String language) {
        RuleSetVersions.Version v = versions.get(id).orElse(null);
        if (v == null || v.basedOn() == null) {
            return List.of();
        }
        Map<String, String> base = versions.cases(v.basedOn());
        Map<String, String> now = versions.cases(id);
        List<CaseExpectations.Change> changes = new ArrayList<>();
        now.forEach((path, yaml) -> {
            String before = base.get(path);
            if (before != null && !before.equals(yaml)) {
                changes.addAll(CaseExpectations.compare(path, before, yaml));
            }
        });
        return views(changes, language);
    }

    private static List<CaseView> views(List<CaseExpectations.Change> changes, String language) {
        Messages m = Messages.of(Locale.forLanguageTag(language == null ? "vi" : language));
        Labels lb = Labels.of(m);
        return changes.stream().map(c -> new CaseView(CaseExpectations.name(c, m), lb.rules(c.rules()),
                CaseExpectations.describe(c, m))).toList();
    }
}
