package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.params.Documents;

/**
 * Issue 17 item 8: the approver reads the differences from the base version in words — a new dated value with its
 * sources before and after, citations by rule title and document, switches — and never the version row.
 */
class ChangeWordsTest {
    static Map<String, RuleSetVersions.StoredFile> files(RuleSetSource source) {
        Map<String, RuleSetVersions.StoredFile> out = new TreeMap<>();
        source.files().forEach((p, c) -> out.put(p, new RuleSetVersions.StoredFile(p, RuleSetVersions.kind(p), c)));
        return out;
    }

    static final String DISCIPLINE = "discipline.period_months";
    static final String VERSION = "(?m)^(ruleset\\.version,,)2025-2030\\.[0-9]+,";

    @Test
    void aNewDatedValueCitationsAndSwitchesReadAsSentencesWithoutTheVersionRow() {
        RuleSetSource base = RuleSetSource.shipped("2025-2030");
        Documents docs = Documents.parse(base.documents(), RuleSetSource.DOCUMENTS);
        String params = RuleSetDrafts.withEntry(base.parameterSet(), DISCIPLINE, "12", "QD-24-2021", "3", "",
                "thời hạn tính từ ngày quyết định", java.time.LocalDate.of(2026, 1, 1), false);
        // The version row moves too, as a draft's does: not a change a person made.
        params = params.replaceFirst(VERSION, "$12025-2030.999,");
        String citations = base.citations().replaceFirst("\nAGE-001,,CT-35-2024,,,[^\n]*", "")
                + "AGE-001,,QD-24-2021,40,3,tuổi công tác,working time\n";
        String switches = "rule,enabled,severity,reason,source\nAGE-001,no,,thử nghiệm,Kế hoạch 1\n";
        RuleSetSource now = base.withValues(params).with(RuleSetSource.CITATIONS, citations)
                .with(RuleSetSource.SWITCHES, switches);

        List<String> vi = VersionReview.inWords(files(base), files(now), Messages.of(Messages.VI));
        assertThat(vi).containsExactly(
                "Thời hạn không bố trí sau kỷ luật: 12 tháng (QĐ 69) → 12 tháng (QĐ 24), từ 01/01/2026",
                "Bỏ căn cứ của Không đủ tuổi tham gia cấp ủy lần đầu (AGE-001): Chỉ thị 35-CT/TW ngày 14/6/2024: "
                        + "tuổi công tác khi tham gia cấp ủy lần đầu",
                "Thêm căn cứ cho Không đủ tuổi tham gia cấp ủy lần đầu (AGE-001): Quy định 24-QĐ/TW ngày "
                        + "30/7/2021, Điều 40 khoản 3: tuổi công tác",
                "Tắt quy tắc Không đủ tuổi tham gia cấp ủy lần đầu (AGE-001); lý do: thử nghiệm (nguồn: Kế hoạch 1)");
        assertThat(String.join("\n", vi)).doesNotContain("ruleset.version", "2025-2030.999", "Phiên bản");
        List<String> en = VersionReview.inWords(files(base), files(now), Messages.of(Messages.EN));
        assertThat(en.get(0)).isEqualTo("Period after a discipline decision: 12 months (QĐ 69) → 12 months "
                + "(QĐ 24), from 01/01/2026");
        // Only the version row moved: nothing to say.
        String moved = base.values().replaceFirst(VERSION, "$12025-2030.998,");
        assertThat(moved).isNotEqualTo(base.values());
        assertThat(VersionReview.inWords(files(base), files(base.withValues(moved)), Messages.of(Messages.VI)))
                .isEmpty();
    }

    @Test
    void aSourceReadsBackAsDocumentArticleClauseAndNote() {
        Documents docs = Documents.parse(RuleSetSource.shipped("2025-2030").documents(), RuleSetSource.DOCUMENTS);
        SourceText s = new SourceText("QD-69-2022", "2", "5", "12 tháng kể từ ngày quyết định");
        assertThat(s.text(docs)).isEqualTo("Quy định 69-QĐ/TW ngày 6/7/2022, Điều 2 khoản 5: 12 tháng kể từ ngày "
                + "quyết định");
        assertThat(SourceText.parse(s.text(docs), docs)).isEqualTo(s);
        assertThat(SourceText.parse("Hướng dẫn giả định 99", docs)).isEqualTo(new SourceText("", "", "",
                "Hướng dẫn giả định 99"));
        assertThat(SourceText.shortName(s.text(docs), docs, "vi")).isEqualTo("QĐ 69");
    }
}
