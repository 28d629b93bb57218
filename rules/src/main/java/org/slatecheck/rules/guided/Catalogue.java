package org.slatecheck.rules.guided;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published catalogue of what a guided rule may test: every nominee and congress field and derived value, with
 * its type, the DRL expression that reads it (fixed here, never typed by a user), the operators its type allows and
 * its labels. A guided rule names fields only by their catalogue key.
 */
public final class Catalogue {
    /** Where a field is read: the nominee, the working-time fact, the congress, or the list composition. */
    public enum Source { NOMINEE, WORKING_TIME, CONGRESS, LIST }

    /**
     * One field. {@code type}: {@code integer}, {@code decimal}, {@code date}, {@code boolean}, {@code code:LIST}
     * (ordered when {@code ordered}), {@code posts} (a set of posts), {@code text} (only "is empty" / "is not empty").
     * {@code expression}: the Java expression over the fact's getters; {@code evidence}: how the consequence reads
     * the value for evidence.
     */
    public record Field(String key, Source source, String type, boolean ordered, boolean nullable, String expression,
            String evidence, String labelVi, String labelEn) {
        public String label(String language) {
            return "en".equals(language) ? labelEn : labelVi;
        }

        public String codeList() {
            return type.startsWith("code:") ? type.substring(5) : type.equals("posts") ? "Post" : null;
        }

        /** The operators this field's type allows. */
        public List<String> operators() {
            List<String> ops = new java.util.ArrayList<>();
            switch (type.startsWith("code:") ? "code" : type) {
                case "integer", "decimal", "date" -> ops.addAll(List.of("eq", "ne", "lt", "le", "gt", "ge"));
                case "boolean" -> ops.addAll(List.of("eq", "ne"));
                case "code" -> {
                    ops.addAll(List.of("eq", "ne", "in"));
                    if (ordered) {
                        ops.addAll(List.of("lt", "le", "gt", "ge"));
                    }
                }
                case "posts" -> ops.addAll(List.of("proposes", "not_proposes", "rank_at_least"));
                default -> { }
            }
            if (nullable) {
                ops.addAll(List.of("empty", "not_empty"));
            }
            return ops;
        }
    }

    public static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    private static void add(String key, Source source, String type, boolean ordered, boolean nullable,
            String expression, String evidence, String vi, String en) {
        FIELDS.put(key, new Field(key, source, type, ordered, nullable, expression, evidence, vi, en));
    }

    static {
        Source N = Source.NOMINEE;
        add("sex", N, "code:Sex", false, false, "sex", "$n.getSex()", "giới tính", "sex");
        add("age", N, "integer", false, false, "ageAt($c.getReferenceMonth())", "$n.ageAt($c.getReferenceMonth())",
                "tuổi tại thời điểm tính tuổi", "age at the reference month");
        add("birth_date", N, "date", false, false, "birthDate", "$n.getBirthDate()", "ngày sinh", "birth date");
        add("membership", N, "code:Membership", false, false, "membership", "$n.getMembership()", "đảng viên",
                "membership");
        add("party_join_date", N, "date", false, true, "partyJoinDate", "$n.getPartyJoinDate()", "ngày vào Đảng",
                "party join date");
        add("incumbent", N, "boolean", false, false, "incumbent", "$n.isIncumbent()", "tái cử", "incumbent");
        add("proposed_posts", N, "posts", false, false, "proposedPosts", "$n.getProposedPosts()",
                "chức vụ đề xuất", "proposed posts");
        add("current_posts", N, "posts", false, false, "currentPosts", "$n.getCurrentPosts()",
                "chức vụ hiện tại", "current posts");
        add("consecutive_terms", N, "integer", false, true, "consecutiveTerms", "$n.getConsecutiveTerms()",
                "số nhiệm kỳ liên tiếp", "consecutive terms");
        add("political_theory", N, "code:PoliticalTheory", true, true, "politicalTheory", "$n.getPoliticalTheory()",
                "trình độ lý luận chính trị", "political theory");
        add("education", N, "code:Education", true, true, "education", "$n.getEducation()",
                "trình độ chuyên môn", "education");
        add("discipline_form", N, "code:DisciplineForm", true, false, "disciplineForm", "$n.getDisciplineForm()",
                "hình thức kỷ luật", "discipline form");
        add("discipline_date", N, "date", false, true, "disciplineDate", "$n.getDisciplineDate()",
                "ngày kỷ luật", "discipline date");
        add("discipline_pending", N, "boolean", false, false, "disciplinePending", "$n.isDisciplinePending()",
                "đang bị xem xét xử lý kỷ luật", "discipline pending");
        add("political_conclusion", N, "code:Conclusion", false, true, "politicalConclusion",
                "$n.getPoliticalConclusion()", "kết luận tiêu chuẩn chính trị", "political conclusion");
        add("political_conclusion_date", N, "date", false, true, "politicalConclusionDate",
                "$n.getPoliticalConclusionDate()", "ngày kết luận tiêu chuẩn chính trị", "political conclusion date");
        add("unresolved_complaints", N, "integer", false, false, "unresolvedComplaints",
                "$n.getUnresolvedComplaints()", "số đơn thư chưa giải quyết", "unresolved complaints");
        add("asset_declaration", N, "boolean", false, true, "assetDeclaration", "$n.getAssetDeclaration()",
                "đã kê khai tài sản", "asset declaration made");
        add("health_ok", N, "boolean", false, true, "healthOk", "$n.getHealthOk()", "đủ sức khỏe",
                "fit for work");
        add("ethnicity", N, "text", false, true, "ethnicity", "$n.getEthnicity()", "dân tộc", "ethnicity");
        add("proposed_rank", N, "integer", false, false, "highestProposedRank", "$n.getHighestProposedRank()",
                "bậc chức vụ đề xuất cao nhất", "highest proposed post rank");
        Source W = Source.WORKING_TIME;
        add("remaining_months", W, "integer", false, false, "remainingMonths", "$w.getRemainingMonths()",
                "thời gian công tác còn lại (tháng)", "remaining working months");
        Source C = Source.CONGRESS;
        add("level", C, "code:Level", false, false, "level", "$c.getLevel()", "cấp đại hội", "congress level");
        add("list_kind", C, "code:ListKind", false, false, "listKind", "$c.getListKind()", "loại danh sách",
                "list kind");
        add("committee_seats", C, "integer", false, false, "committeeSeats", "$c.getCommitteeSeats()",
                "số cấp ủy viên", "committee seats");
        add("standing_seats", C, "integer", false, true, "standingSeats", "$c.getStandingSeats()",
                "số ủy viên ban thường vụ", "standing committee seats");
        add("deputy_secretary_seats", C, "integer", false, true, "deputySecretarySeats",
                "$c.getDeputySecretarySeats()", "số phó bí thư", "deputy secretary seats");
        Source L = Source.LIST;
        add("nominee_count", L, "integer", false, false, "total", "$lc.getTotal()", "số nhân sự trong danh sách",
                "nominees on the list");
        add("women_count", L, "integer", false, false, "women", "$lc.getWomen()", "số nhân sự nữ", "women");
        add("under40_count", L, "integer", false, false, "under40", "$lc.getUnder40()", "số nhân sự trẻ",
                "young nominees");
        add("minority_count", L, "integer", false, false, "minority", "$lc.getMinority()",
                "số nhân sự người dân tộc thiểu số", "ethnic-minority nominees");
    }

    private Catalogue() {
    }
}
