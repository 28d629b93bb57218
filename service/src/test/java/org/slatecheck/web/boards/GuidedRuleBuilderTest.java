package org.slatecheck.web.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.rules.text.Messages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * Issue 17 item 8, on the real database: the guided-rule builder makes the rule from choices (field, comparison,
 * value by their Vietnamese names), shows it as a sentence while it is chosen, saves the YAML it generates through
 * the registry (literals normalised, "060" is 60), refuses a control character in the wording with nothing stored,
 * and fills the form again from the stored rule.
 */
@SpringBootTest
class GuidedRuleBuilderTest {
    static final Locale VI = Messages.VI;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetDrafts ruleSetDrafts;
    @Autowired
    RuleSetVersions ruleSetVersions;
    @Autowired
    GuidedRuleController controller;

    long draft;

    @BeforeEach
    void signInAndDraft() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("board", null,
                List.of(new SimpleGrantedAuthority("ROLE_BOARD"))));
        long active = jdbc.queryForObject("select id from rule_set_version where term = '2025-2030' and status = "
                + "'ACTIVE'", Long.class);
        draft = ruleSetDrafts.createDraft(active, "board");
    }

    @AfterEach
    void deleteDraft() {
        ruleSetDrafts.deleteDraft(draft, "board");
        SecurityContextHolder.clearContext();
    }

    static MultiValueMap<String, String> secretaryRule(String action) {
        MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
        f.add("id", "BTC-901");
        f.add("count", "3");
        f.add("cond.0.field", "proposed_posts");
        f.add("cond.0.op", "proposes");
        f.add("cond.0.value", "SECRETARY");
        f.add("cond.1.field", "political_theory");
        f.add("cond.1.op", "lt");
        f.add("cond.1.value", "CU_NHAN");
        f.add("cond.2.field", "age");
        f.add("cond.2.op", "ge");
        f.add("cond.2.value", "060");
        f.add("severity", "REVIEW");
        f.add("titleVi", "Bí thư chưa có cử nhân chính trị");
        f.add("titleEn", "Secretary without a bachelor's degree in political theory");
        f.add("messageVi", "Trình độ lý luận chính trị hiện có: {political_theory}.");
        f.add("messageEn", "Political theory held: {political_theory}.");
        f.add("document", "QD-214-2020");
        f.add("detail", "Điều 3");
        f.add("action", action);
        return f;
    }

    @Test
    void aBoardBuildsAGuidedRuleFromListsSeesTheSentenceAndSavesIt() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(controller.create(draft, model, VI)).isEqualTo("guided-rule");
        assertThat(((GuidedRuleForm) model.get("form")).id).isEqualTo("BTC-901");
        assertThat((String) model.get("saveLabel")).isEqualTo("Lưu quy tắc hướng dẫn BTC-901");

        Map<String, Object> preview = controller.preview(draft, secretaryRule("preview"), VI);
        String sentence = "Nếu nhân sự được đề xuất làm bí thư và trình độ lý luận chính trị thấp hơn cử nhân chính "
                + "trị và tuổi tại thời điểm tính tuổi từ 60 trở lên thì: Cần xem xét — Bí thư chưa có cử nhân chính "
                + "trị";
        assertThat(preview.get("sentence")).isEqualTo(sentence);
        assertThat((List<?>) preview.get("problems")).isEmpty();
        assertThat(preview.get("save")).isEqualTo("Lưu quy tắc hướng dẫn BTC-901");

        // Without script: "Xem câu" draws the page again with the sentence, the values offered by name.
        model = new ExtendedModelMap();
        controller.submit(draft, secretaryRule("preview"), model, new RedirectAttributesModelMap(), VI);
        assertThat(model.get("sentence")).isEqualTo(sentence);
        @SuppressWarnings("unchecked")
        List<GuidedRuleController.ConditionView> conditions = (List<GuidedRuleController.ConditionView>) model
                .get("conditions");
        assertThat(conditions.get(0).choices()).anyMatch(o -> o.value().equals("SECRETARY")
                && o.label().equals("bí thư") && o.selected());
        assertThat(conditions.get(1).ops()).anyMatch(o -> o.value().equals("lt") && o.label().equals("thấp hơn"));

        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        assertThat(controller.submit(draft, secretaryRule("save"), new ExtendedModelMap(), flash, VI))
                .isEqualTo("redirect:/rulesets/" + draft);
        assertThat(flash.getFlashAttributes().get("ok")).isEqualTo("Đã lưu quy tắc hướng dẫn BTC-901; bản nháp đã "
                + "được biên dịch lại.");
        Map<String, String> stored = ruleSetDrafts.guidedView(draft, "vi").stream()
                .filter(g -> "BTC-901".equals(g.get("id"))).findFirst().orElseThrow();
        assertThat(stored.get("sentence")).isEqualTo(sentence);
        assertThat(stored.get("citation")).isEqualTo("Quy định 214-QĐ/TW ngày 2/1/2020 (Điều 3)");
        assertThat(stored.get("yaml")).contains("value: '60'").doesNotContain("060");

        // Editing fills the form from the stored rule.
        model = new ExtendedModelMap();
        controller.edit(draft, "BTC-901", model, VI);
        GuidedRuleForm form = (GuidedRuleForm) model.get("form");
        assertThat(form.document).isEqualTo("QD-214-2020");
        assertThat(form.detail).isEqualTo("Điều 3");
        assertThat(form.conditions).extracting(c -> c.field).containsExactly("proposed_posts", "political_theory",
                "age");
        assertThat(form.conditions.get(2).values).containsExactly("60");
    }

    @Test
    void wordingWithAControlCharacterIsRefusedInWordsAndNothingIsStored() {
        MultiValueMap<String, String> f = secretaryRule("save");
        f.set("titleVi", "Bí thư\u0000 chưa có cử nhân");
        String checksum = ruleSetVersions.get(draft).orElseThrow().checksum();
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(controller.submit(draft, f, model, new RedirectAttributesModelMap(), VI)).isEqualTo("guided-rule");
        assertThat((List<?>) model.get("problems")).singleElement().asString().startsWith("Tiêu đề: ")
                .doesNotContain("title.vi");
        assertThat(ruleSetVersions.get(draft).orElseThrow().checksum()).isEqualTo(checksum);
    }
}
