package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.params.Citations;
import org.slatecheck.rules.params.Documents;
import org.slatecheck.rules.params.Parameter;
import org.slatecheck.rules.params.RuleSetParameters;
import org.slatecheck.rules.params.RuleSwitches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 item 8 on the real database: a board works on a draft in forms — the parameter table (a new value in
 * force from 01/01/2026 with its source document from the registry), the citations by document, the switches — with
 * no CSV text area and no "new draft" button on the draft; the approver reads the changes as sentences (page and API)
 * without the version row; activation is refused unless its box is ticked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoardFormsPageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String P = "discipline.period_months";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetVersions ruleSetVersions;

    long active() {
        return jdbc.queryForObject("select id from rule_set_version where term = '2025-2030' and status = 'ACTIVE'",
                Long.class);
    }

    long draft(String user) throws Exception {
        return JSON.readTree(anonymous.withBasicAuth(user, user).postForEntity("/api/rulesets/" + active()
                + "/drafts", null, String.class).getBody()).get("version").get("id").asLong();
    }

    @Test
    void aBoardChangesParametersCitationsAndSwitchesInFormsAndTheApproverReadsSentences() throws Exception {
        long draft = draft("board");
        String page = "/rulesets/" + draft;
        WebSession board = new WebSession(port, "board");
        String shown = board.get(page);
        // The table: every dated value, its source document chosen from the registry; no CSV text areas.
        assertThat(shown).contains("id=\"parameter-table\"", "name=\"v." + P + ".0\"", "name=\"f." + P + ".new\"",
                "name=\"d." + P + ".new\"", "id=\"citation-form\"", "id=\"switch-form\"", "Quy định 24-QĐ/TW ngày "
                        + "30/7/2021 – về thi hành Điều lệ Đảng")
                .containsPattern("<option value=\"QD-69-2022\" selected=\"selected\">Quy định 69-QĐ/TW")
                .doesNotContain("id=\"citations\"", "id=\"switches\"", "Tạo bản nháp từ phiên bản này");

        // A new value without its date: refused in words, nothing saved.
        String before = ruleSetVersions.source(draft).values();
        assertThat(board.post(page + "/parameter-table", Map.of("v." + P + ".new", "12"), page))
                .contains("Thời hạn không bố trí sau kỷ luật: giá trị mới cần có ngày bắt đầu có hiệu lực.");
        assertThat(ruleSetVersions.source(draft).values()).isEqualTo(before);
        // The form sent back unchanged saves nothing.
        org.slatecheck.governance.SourceText shipped = org.slatecheck.governance.SourceText.of(ruleSetVersions.source(draft)
                .parameterSet().entries().get(P).get(0));
        assertThat(shipped.document()).isEqualTo("QD-69-2022");
        assertThat(shipped.article() + " " + shipped.clause()).isEqualTo("2 5");
        assertThat(board.post(page + "/parameter-table", Map.of("v." + P + ".0", "12", "d." + P + ".0",
                "QD-69-2022", "a." + P + ".0", "2", "c." + P + ".0", "5", "n." + P + ".0",
                shipped.note()), page)).contains("Không có gì thay đổi, không lưu.");
        assertThat(ruleSetVersions.source(draft).values()).isEqualTo(before);

        // The same 12 months from 01/01/2026 on another document: a second dated value of the parameter.
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v." + P + ".new", "12");
        fields.put("f." + P + ".new", "2026-01-01");
        fields.put("d." + P + ".new", "QD-24-2021");
        fields.put("a." + P + ".new", "40");
        fields.put("c." + P + ".new", "3");
        fields.put("n." + P + ".new", "thời hạn tính từ ngày quyết định");
        assertThat(board.post(page + "/parameter-table", fields, page)).contains("Đã lưu và biên dịch lại bản nháp.")
                .doesNotContain("id=\"problems\"");
        List<Parameter> entries = ruleSetVersions.source(draft).parameterSet().entries().get(P);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).from()).isNull();
        assertThat(entries.get(1).from()).hasToString("2026-01-01");
        assertThat(entries.get(1).value()).isEqualTo("12");
        assertThat(List.of(entries.get(1).document(), entries.get(1).article(), entries.get(1).clause(),
                entries.get(1).note())).containsExactly("QD-24-2021", "40", "3", "thời hạn tính từ ngày quyết định");
        assertThat(board.get(page)).contains("name=\"v." + P + ".1\"", "01/01/2026");

        // Citations: the first row removed, a row added by document.
        RuleSetSource source = ruleSetVersions.source(draft);
        List<Citations.Entry> rows = Citations.parse(source.citations(), "c", Documents.parse(source.documents(),
                "d")).entries();
        Map<String, String> citations = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Citations.Entry e = rows.get(i);
            citations.put("rule." + i, e.rule());
            citations.put("parameter." + i, e.parameter());
            citations.put("document." + i, e.document());
            citations.put("article." + i, e.article());
            citations.put("clause." + i, e.clause());
            citations.put("noteVi." + i, e.noteVi());
            citations.put("noteEn." + i, e.noteEn());
        }
        int n = rows.size();
        citations.put("rows", String.valueOf(n + 1));
        citations.put("remove", "0");
        citations.put("rule." + n, "AGE-001");
        citations.put("parameter." + n, "");
        citations.put("document." + n, "QD-24-2021");
        citations.put("article." + n, "40");
        citations.put("clause." + n, "");
        citations.put("noteVi." + n, "tuổi công tác");
        citations.put("noteEn." + n, "working time");
        assertThat(board.post(page + "/citation-form", citations, page)).contains("Đã lưu và biên dịch lại");
        List<Citations.Entry> after = Citations.parse(ruleSetVersions.source(draft).citations(), "c",
                Documents.parse(source.documents(), "d")).entries();
        assertThat(after).hasSize(n).doesNotContain(rows.get(0)).contains(new Citations.Entry("AGE-001", "",
                "QD-24-2021", "40", "", "tuổi công tác", "working time"));
        // An unknown article form is refused by the citations' reader, in words.
        citations.put("article." + n, "bốn mươi");
        assertThat(board.post(page + "/citation-form", citations, page)).contains("id=\"problems\"");

        // Switches: a rule's severity moved within its bounds needs a reason; with one it is saved.
        Map<String, String> off = new LinkedHashMap<>();
        off.put("rule", "NUM-001");
        off.put("severity.NUM-001", "");
        off.put("reason.NUM-001", "");
        assertThat(board.post(page + "/switch-form", off, page)).contains("id=\"problems\"");
        off.put("reason.NUM-001", "thử nghiệm của ban");
        off.put("d.NUM-001", "QD-24-2021");
        assertThat(board.post(page + "/switch-form", off, page)).contains("Đã lưu và biên dịch lại");
        RuleSwitches.Switch s = RuleSwitches.parse(ruleSetVersions.source(draft).switches(), "s").all().get("NUM-001");
        assertThat(s.enabled()).isFalse();
        assertThat(s.source()).isEqualTo("Quy định 24-QĐ/TW ngày 30/7/2021");

        // The approver reads sentences, and the file diff only folded below them; never the version row.
        String review = new WebSession(port, "approver").get(page);
        String words = review.substring(review.indexOf("id=\"changes-in-words\""), review.indexOf("id=\"file-details\""));
        assertThat(words).contains("Thời hạn không bố trí sau kỷ luật: 12 tháng (QĐ 69) → 12 tháng (QĐ 24), từ "
                + "01/01/2026", "Thêm căn cứ cho Không đủ tuổi tham gia cấp ủy lần đầu (AGE-001): Quy định "
                + "24-QĐ/TW ngày 30/7/2021, Điều 40: tuổi công tác", "Bỏ căn cứ của", "Tắt quy tắc ")
                .doesNotContain("ruleset.version", "Phiên bản bộ quy tắc", "parameters.csv");
        assertThat(review).contains("<details id=\"file-details\">");
        JsonNode api = JSON.readTree(anonymous.withBasicAuth("approver", "approver").getForObject("/api/rulesets/"
                + draft, String.class));
        assertThat(api.get("changesInWords").get("vi").get(0).asText()).isEqualTo("Thời hạn không bố trí sau kỷ "
                + "luật: 12 tháng (QĐ 69) → 12 tháng (QĐ 24), từ 01/01/2026");
        assertThat(api.get("changesInWords").get("en").get(0).asText()).startsWith("Period after a discipline "
                + "decision: 12 months (QĐ 69) → 12 months (QĐ 24), from 01/01/2026");

        // An unknown version: a 404 page for each form, never a stack trace.
        for (String form : List.of("parameter-table", "citation-form", "switch-form")) {
            assertThat(board.postRaw("/rulesets/987654/" + form, Map.of(), page).statusCode()).as(form)
                    .isEqualTo(404);
        }
        board.post(page + "/delete", Map.of("confirm", "yes"), page);
    }

    @Test
    void activationNeedsItsBoxTicked() throws Exception {
        long active = active();
        WebSession approver = new WebSession(port, "approver");
        String page = "/rulesets/" + active;
        int activations = jdbc.queryForObject("select count(*) from audit_log where action = 'RULESET_ACTIVATED'",
                Integer.class);
        assertThat(approver.post(page + "/activate", Map.of(), page)).contains(
                "Hãy đánh dấu ô xác nhận trước khi kích hoạt.");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'RULESET_ACTIVATED'",
                Integer.class)).isEqualTo(activations);
        assertThat(active()).isEqualTo(active);
    }
}
