package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.governance.VersionReview;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.text.Messages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The document form ({@link DocumentFormController}) and the term form ({@link TermFormController}) on a draft of
 * 2025-2030, against the real database: a document is added as a row of the draft's registry (its id made from kind,
 * number and year), refused in words when its id is taken or a field is missing; a term's directives are documents of
 * the registry — named by the form in the term row's words, an unknown one refused by the form and by the registry
 * (a term file through the API) — and the approver reads both as sentences.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TermDocumentFormsTest {
    @LocalServerPort
    int port;
    @Autowired
    RuleSetDrafts ruleSetDrafts;
    @Autowired
    RuleSetVersions ruleSetVersions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate anonymous;

    long base;
    long draft;
    WebSession board;

    @BeforeEach
    void draft() throws Exception {
        base = jdbc.queryForObject("select id from rule_set_version where term = '2025-2030' and status = 'ACTIVE'",
                Long.class);
        draft = ruleSetDrafts.createDraft(base, "board");
        board = new WebSession(port, "board");
    }

    @AfterEach
    void deleteDraft() {
        ruleSetDrafts.deleteDraft(draft, "board");
    }

    Map<String, String> document(String number, String issued) {
        return Map.of("kind", "Chỉ thị", "number", number, "issuer", "Bộ Chính trị", "issued", issued,
                "titleVi", "về đại hội đảng bộ các cấp (thử nghiệm)", "titleEn", "on party congresses (test)",
                "confirmed", "unconfirmed", "confirmationSource", "thử nghiệm");
    }

    @Test
    void aDocumentIsAddedAsARowOfTheDraftsRegistryAndATakenIdOrAMissingTitleIsRefusedInWords() throws Exception {
        String page = "/rulesets/" + draft;
        String before = ruleSetVersions.source(draft).documents();
        // Chỉ thị 35-CT/TW of 2024 is in the registry already: the id made from it (CT-35-2024) is taken.
        String taken = board.post(page + "/document-form", document("35-CT/TW", "2024-06-14"), page);
        assertThat(taken).contains("Văn bản CT-35-2024 đã có ở một dòng trước.");
        Map<String, String> untitled = new java.util.HashMap<>(document("7-CT/TW", "2029-06-14"));
        untitled.put("titleVi", "");
        board.post(page + "/document-form", untitled, page);
        assertThat(ruleSetVersions.source(draft).documents()).isEqualTo(before);

        String added = board.post(page + "/document-form", document("7-CT/TW", "2029-06-14"), page);
        assertThat(added).contains("Đã thêm Chỉ thị 7-CT/TW ngày 14/6/2029 vào danh mục và biên dịch lại bản nháp.");
        String after = ruleSetVersions.source(draft).documents();
        assertThat(after).startsWith(before.strip()).endsWith("CT-7-2029,Chỉ thị,7-CT/TW,Bộ Chính trị,2029-06-14,,"
                + "về đại hội đảng bộ các cấp (thử nghiệm),on party congresses (test),,,,,unconfirmed,thử nghiệm\n");
        assertThat(VersionReview.inWords(ruleSetVersions.files(base), ruleSetVersions.files(draft), Messages.of(java.util.Locale.forLanguageTag("vi"))))
                .contains("Thêm vào danh mục văn bản: Chỉ thị 7-CT/TW ngày 14/6/2029 về đại hội đảng bộ các cấp "
                        + "(thử nghiệm) (chưa đối chiếu văn bản gốc)");
    }

    @Test
    void theTermsDirectivesAreDocumentsOfTheRegistryNamedInTheTermRowAndAnUnknownOneIsRefused() throws Exception {
        String page = "/rulesets/" + draft;
        assertThat(board.get(page)).contains("id=\"term-form\"", "Chưa chọn chỉ thị nào của nhiệm kỳ.");
        String unknown = board.post(page + "/term-form", Map.of("directive", "CT-99-2099"), page);
        assertThat(unknown).contains("Không có văn bản “CT-99-2099” trong danh mục văn bản.");
        assertThat(ruleSetVersions.source(draft).termData().directives()).isEmpty();

        String saved = board.post(page + "/term-form", Map.of("directive", "CT-45-2025",
                "seasonFrom", "2024-06-14", "seasonTo", "2026-12-31"), page);
        assertThat(saved).contains("Đã lưu và biên dịch lại bản nháp.", "id=\"term-directives\"");
        assertThat(ruleSetVersions.source(draft).termData().directives()).containsExactly("CT-45-2025");
        assertThat(ruleSetVersions.source(draft).term()).contains("\ndirective,CT-45-2025,,,,\n",
                "Nhiệm kỳ 2025-2030 (Chỉ thị 45-CT/TW ngày 14/4/2025 ");
        assertThat(VersionReview.inWords(ruleSetVersions.files(base), ruleSetVersions.files(draft), Messages.of(java.util.Locale.ENGLISH)))
                .anyMatch(s -> s.startsWith("The term's directives: Directive 45-CT/TW of 14/4/2025 "));
        // The same again changes nothing.
        assertThat(board.post(page + "/term-form", Map.of("directive", "CT-45-2025"), page))
                .contains("Không có gì thay đổi, không lưu.");

        // A term file naming a document the registry does not hold is refused by the registry too (the API).
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        String term = ruleSetVersions.source(draft).term().replace("directive,CT-45-2025", "directive,CT-98-2098");
        ResponseEntity<String> put = anonymous.withBasicAuth("board", "board").exchange("/api/rulesets/" + draft
                + "/files?lang=en", HttpMethod.PUT, new HttpEntity<>(new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(Map.of("path", RuleSetSource.TERM, "content", term)), h), String.class);
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(put.getBody()).contains("CT-98-2098");
        assertThat(ruleSetVersions.source(draft).termData().directives()).containsExactly("CT-45-2025");
    }
}
