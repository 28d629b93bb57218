package org.slatecheck.impact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slatecheck.governance.AuditLog;
import org.slatecheck.governance.OrgUnits;
import org.slatecheck.governance.RuleSetApprovals;
import org.slatecheck.governance.RuleSetCache;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.Checker;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a draft would change: the stored checks (the most recent ones, whose input files are kept) are evaluated
 * again under the draft and under the active version of the draft's term. A change is an outcome that differs (a
 * nominee) or a status that differs (a list as submitted, or its viable list): those are reported with the rule ids
 * that cause them and counted in the totals. Nominees and lists whose outcome or status stays the same while the
 * rules that fire differ are reported apart ({@code rulesOnly}, with their own counts), never as changes. The
 * rule cases of the draft are run too. The report is stored with the draft's checksum: approval needs one for the
 * draft's current content.
 */
@Service
public class ImpactAnalysis {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final RuleSetVersions versions;
    private final RuleSetCache cache;
    private final RuleSetApprovals approvals;
    private final DraftCases cases;
    private final AuditLog audit;

    public ImpactAnalysis(JdbcTemplate jdbc, RuleSetVersions versions, RuleSetCache cache, RuleSetApprovals approvals,
            DraftCases cases, AuditLog audit) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.cache = cache;
        this.approvals = approvals;
        this.cases = cases;
        this.audit = audit;
    }

    /**
     * Runs the analysis of version {@code id} over the {@code maxChecks} most recent stored checks; returns its id.
     * Only a central board member may (it is what approval rests on: {@link RuleSetApprovals#requireGoverns}).
     */
    public long run(long id, String actor, int maxChecks) {
        RuleSetVersions.Version v = versions.get(id).orElseThrow(() -> new IllegalArgumentException("no version " + id));
        approvals.requireGoverns(actor, "BOARD", id, "impact");
        // One snapshot of the active versions for the whole analysis, and the same with the draft in place of its
        // term's active version: "before" and "after" differ in that version only. The report names the checksum of
        // exactly the content it analysed (read once, compiled from what was read), so an edit that lands while it
        // runs can never lend its checksum to results of other content.
        RuleSetSource source = versions.source(id);
        String analysed = source.checksum();
        RuleSet draft = RuleSet.compile(RuleSetVersions.releaseRulesOnly(id, source));
        RuleSetSnapshot active = cache.snapshot();
        RuleSetSnapshot withDraft = active.with(List.of(RuleSetSnapshot.Entry.of(draft, () -> source)));
        RuleSet current = active.ruleSet(v.term());
        DraftCases.Outcome caseOutcome = cases.run(withDraft, v.term());
        ObjectNode report = JSON.createObjectNode();
        report.put("version", v.version());
        // A new term has no active version yet: nothing was checked under it before, so nothing can change.
        report.put("comparedWith", current == null ? "—" : current.getVersion());
        ArrayNode nominees = report.putArray("nominees");
        ArrayNode lists = report.putArray("lists");
        ArrayNode rulesOnly = report.putArray("rulesOnly");
        int statusChanged = 0;
        int viableChanged = 0;
        int listsEvaluated = 0;
        int nomineesEvaluated = 0;
        int skipped = 0;
        // Only the checks the analysing board member's unit may see (their unit and the units below it): the report
        // shows names from stored checks, and these must stay with their organisation.
        String unit = jdbc.queryForList("select unit_code from app_user where username = ?", String.class, actor)
                .stream().findFirst().orElse(OrgUnits.ROOT);
        List<Map<String, Object>> checks = jdbc.queryForList("select id, congresses_file, congresses_csv, "
                + "nominees_file, nominees_csv from check_run where congresses_csv is not null and unit_code in "
                + OrgUnits.SUBTREE + " order by created_at desc limit ?", unit, maxChecks);
        for (Map<String, Object> check : checks) {
            Intake.Input congresses = new Intake.Input((String) check.get("congresses_file"),
                    (byte[]) check.get("congresses_csv"));
            Intake.Input nomineesFile = new Intake.Input((String) check.get("nominees_file"),
                    (byte[]) check.get("nominees_csv"));
            List<ScreeningResult> before;
            List<ScreeningResult> after;
            try {
                before = Checker.check(congresses, nomineesFile, active);
                after = Checker.check(congresses, nomineesFile, withDraft);
            } catch (InputException | IllegalArgumentException e) {
                skipped++;
                continue;
            }
            for (int i = 0; i < before.size(); i++) {
                ScreeningResult b = before.get(i);
                ScreeningResult a = after.get(i);
                if (!b.congress().getTerm().equals(v.term())) {
                    continue;
                }
                listsEvaluated++;
                nomineesEvaluated += b.nominees().size();
                for (int n = 0; n < b.nominees().size(); n++) {
                    NomineeResult nb = b.nominees().get(n);
                    NomineeResult na = a.nominees().get(n);
                    TreeSet<String> rb = ids(nb.findings());
                    TreeSet<String> ra = ids(na.findings());
                    // An outcome that changes is a change; the same outcome reached by other rules is listed apart
                    // (it changes what the result page explains, not what the congress decides).
                    boolean outcome = nb.outcome() != na.outcome();
                    if (outcome || !rb.equals(ra)) {
                        ObjectNode row = (outcome ? nominees : rulesOnly).addObject();
                        if (!outcome) {
                            row.put("kind", "nominee");
                        }
                        row.put("checkId", check.get("id").toString());
                        // The list's position in the stored check (the nominee page's address): the stored check was
                        // made from the same files by the same intake, so its lists are in this order.
                        row.put("list", i);
                        row.put("congressId", b.congress().getId());
                        row.put("nomineeId", nb.nominee().getNomineeId());
                        row.put("fullName", nb.nominee().getFullName());
                        row.put("before", nb.outcome().name());
                        row.put("after", na.outcome().name());
                        row.put("rulesAdded", String.join(" ", difference(ra, rb)));
                        row.put("rulesRemoved", String.join(" ", difference(rb, ra)));
                    }
                }
                TreeSet<String> lb = ids(b.listFindings());
                lb.addAll(ids(b.viableListFindings()));
                TreeSet<String> la = ids(a.listFindings());
                la.addAll(ids(a.viableListFindings()));
                boolean status = b.listStatus() != a.listStatus();
                boolean viable = b.viableListStatus() != a.viableListStatus();
                if (status) {
                    statusChanged++;
                }
                if (viable) {
                    viableChanged++;
                }
                if (status || viable || !lb.equals(la)) {
                    ObjectNode row = (status || viable ? lists : rulesOnly).addObject();
                    if (!(status || viable)) {
                        row.put("kind", "list");
                    }
                    row.put("checkId", check.get("id").toString());
                    row.put("congressId", b.congress().getId());
                    row.put("organisation", b.congress().getOrganisation());
                    row.put("before", b.listStatus().name());
                    row.put("after", a.listStatus().name());
                    row.put("viableBefore", b.viableListStatus().name());
                    row.put("viableAfter", a.viableListStatus().name());
                    row.put("rulesAdded", String.join(" ", difference(la, lb)));
                    row.put("rulesRemoved", String.join(" ", difference(lb, la)));
                }
            }
        }
        ObjectNode totals = report.putObject("totals");
        totals.put("checks", checks.size() - skipped);
        totals.put("checksSkipped", skipped);
        totals.put("lists", listsEvaluated);
        totals.put("nominees", nomineesEvaluated);
        totals.put("nomineesChanged", nominees.size());
        totals.put("listsChanged", statusChanged);
        totals.put("viableListsChanged", viableChanged);
        totals.put("nomineesRulesOnly", count(rulesOnly, "nominee"));
        totals.put("listsRulesOnly", count(rulesOnly, "list"));
        totals.put("casesPassed", caseOutcome.passed());
        totals.put("casesFailed", caseOutcome.failed().size());
        ArrayNode failed = report.putArray("casesFailedNames");
        caseOutcome.failed().forEach(failed::add);
        // The failing cases whose rules now decide differently, with what they expect and what they get: shown side
        // by side to the board, which may accept them as the new expectations (CaseAcceptance).
        report.set("caseChanges", JSON.valueToTree(caseOutcome.changes()));
        Long reportId = jdbc.queryForObject("insert into impact_report (version_id, version_checksum, created_by, "
                + "created_at, cases_passed, cases_failed, report, unit_code) values (?,?,?,?,?,?,cast(? as jsonb),?) "
                + "returning id", Long.class, id, analysed, actor, Timestamp.from(Instant.now()), caseOutcome.passed(),
                caseOutcome.failed().size(), report.toString(), unit);
        audit.append(actor, "IMPACT_ANALYSED", v.version(), analysed, analysed,
                totals.get("nomineesChanged").asInt() + " nominees and " + totals.get("listsChanged").asInt()
                        + " lists change; cases " + caseOutcome.passed() + " passed, " + caseOutcome.failed().size()
                        + " failed");
        return reportId;
    }

    /** The latest report of version {@code id}, with whether it is for the version's current content. */
    public Optional<Map<String, Object>> latest(long id) {
        return latest(id, OrgUnits.ROOT);
    }

    /**
     * The latest report of version {@code id} that a reader of unit {@code scope} may see: one made at their unit or
     * below it (so it only holds names from checks of their scope).
     */
    public Optional<Map<String, Object>> latest(long id, String scope) {
        List<Map<String, Object>> rows = jdbc.queryForList("select r.id, r.version_checksum = v.checksum as current, "
                + "r.created_by, r.created_at, r.report::text as report from impact_report r join rule_set_version v "
                + "on v.id = r.version_id where r.version_id = ? and r.unit_code in " + OrgUnits.SUBTREE
                + " order by r.id desc limit 1", id, scope);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>(rows.get(0));
        try {
            out.put("report", JSON.readTree((String) rows.get(0).get("report")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(out);
    }

    private static int count(ArrayNode rows, String kind) {
        int n = 0;
        for (JsonNode row : rows) {
            n += row.path("kind").asText().equals(kind) ? 1 : 0;
        }
        return n;
    }

    private static TreeSet<String> ids(List<Finding> findings) {
        TreeSet<String> ids = new TreeSet<>();
        findings.forEach(f -> ids.add(f.getRuleId()));
        return ids;
    }

    private static List<String> difference(TreeSet<String> a, TreeSet<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }

    /**
     * The report as CSV rows: one per nominee whose outcome changes, one per list whose status (or viable list's
     * status) changes, then the rule-id-only rows ({@code nominee_rules_only}, {@code list_rules_only}) whose
     * outcome or status stays the same. Every row has the header's columns; the viable columns are empty for
     * nominees.
     */
    public static List<List<String>> csvRows(JsonNode report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("kind", "check_id", "congress_id", "nominee_id", "before", "after", "rules_added",
                "rules_removed", "viable_before", "viable_after"));
        for (JsonNode n : report.path("nominees")) {
            rows.add(nomineeRow("nominee", n));
        }
        for (JsonNode l : report.path("lists")) {
            rows.add(listRow("list", l));
        }
        for (JsonNode r : report.path("rulesOnly")) {
            rows.add(r.path("kind").asText().equals("list") ? listRow("list_rules_only", r)
                    : nomineeRow("nominee_rules_only", r));
        }
        return rows;
    }

    private static List<String> nomineeRow(String kind, JsonNode n) {
        return List.of(kind, n.path("checkId").asText(), n.path("congressId").asText(), n.path("nomineeId").asText(),
                n.path("before").asText(), n.path("after").asText(), n.path("rulesAdded").asText(),
                n.path("rulesRemoved").asText(), "", "");
    }

    private static List<String> listRow(String kind, JsonNode l) {
        return List.of(kind, l.path("checkId").asText(), l.path("congressId").asText(), "", l.path("before").asText(),
                l.path("after").asText(), l.path("rulesAdded").asText(), l.path("rulesRemoved").asText(),
                l.path("viableBefore").asText(), l.path("viableAfter").asText());
    }
}
