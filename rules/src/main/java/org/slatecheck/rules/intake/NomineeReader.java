package org.slatecheck.rules.intake;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.Sex;

/**
 * Reads one nominee row (docs/specification.md section 2.2) into a {@link Nominee}, or records why it cannot. Empty optional
 * cells keep their meaning from docs/specification.md section 1: empty {@code discipline_form} is NONE, empty
 * {@code discipline_pending} false, empty {@code unresolved_complaints} 0; other empty optional cells stay unknown.
 */
public final class NomineeReader {

    private NomineeReader() {
    }

    /** The allowed values of the sex and membership cells, built once rather than for every row (issue 20). */
    private static final class Allowed {
        static final String SEX = Row.codeSet(ColumnGuide.SEX, "M, F, Nam, Nữ");
        static final String MEMBERSHIP = Row.codeSet(ColumnGuide.MEMBERSHIP,
                "OFFICIAL, PROBATIONARY, chính thức, dự bị");
    }

    /** @return the nominee (with {@code congressId} as its congress), or null when the row has errors */
    public static Nominee read(Row row, String congressId) {
        String id = row.plainText("nominee_id") ? row.required("nominee_id") : null;
        String name = row.plainText("full_name") ? row.required("full_name") : null;
        row.plainText("congress_id");
        Sex sex = row.code("sex", true, t -> CodeNames.parse(Sex.class, t), Allowed.SEX);
        var birth = row.date("birth_date", true);
        Membership membership = row.code("membership", true,
                t -> CodeNames.parse(Membership.class, t), Allowed.MEMBERSHIP);
        var joined = row.date("party_join_date", false);
        var joinedLastDay = row.lastDay("party_join_date");
        Boolean incumbent = row.bool("incumbent", true);
        Set<Post> current = posts(row, "current_posts");
        Set<Post> proposed = posts(row, "proposed_posts");
        if (proposed != null && proposed.isEmpty() && !row.hasErrorOn("proposed_posts")) {
            row.error("proposed_posts", "required");
        }
        Integer terms = row.integer("consecutive_terms", false, 0);
        PoliticalTheory theory = row.enumCode("political_theory", false, PoliticalTheory.class);
        Education education = row.enumCode("education", false, Education.class);
        DisciplineForm form = row.enumCode("discipline_form", false, DisciplineForm.class);
        // A month or year alone counts from its last day: the period never ends earlier than it may (docs/specification.md section 4).
        var disciplineFirstDay = row.date("discipline_date", false);
        var disciplineDate = disciplineFirstDay == null ? null : row.lastDay("discipline_date");
        if (form != null && form != DisciplineForm.NONE && disciplineDate == null
                && row.text("discipline_date") == null) {
            row.error("discipline_date", "discipline_date_required", form);
        }
        Boolean pending = row.bool("discipline_pending", false);
        Conclusion conclusion = row.enumCode("political_conclusion", false, Conclusion.class);
        var conclusionDate = row.date("political_conclusion_date", false);
        Map<Integer, Rating> ratings = ratings(row);
        Integer complaints = row.integer("unresolved_complaints", false, 0);
        Boolean assets = row.bool("asset_declaration", false);
        Boolean health = row.bool("health_ok", false);
        String separator = Texts.foreignSeparator(row.text("relatives"));
        if (separator != null) {
            // "NS01/NS02" read as one id would silently lose both relations (docs/specification.md section 2).
            row.error("relatives", "relatives_separator", separator);
        }
        var relatives = row.list("relatives");
        var override = row.month("retirement_month_override");
        if (override != null && birth != null && override.isBefore(java.time.YearMonth.from(birth.plusYears(18)))) {
            row.error("retirement_month_override", "retirement_before_adult", override, birth);
        }
        // Without the column, planning is not known (PLN-001 is then not checked); an empty cell is "in no pool".
        Set<Post> planned = row.hasColumn("planned_posts") ? posts(row, "planned_posts") : null;
        var lowConfidence = row.share("low_confidence_share");
        if (row.hasErrors()) {
            return null;
        }
        return Nominee.builder().congressId(congressId).nomineeId(id).fullName(name).sex(sex).birthDate(birth)
                .ethnicity(Texts.ethnicity(row.text("ethnicity"))).hometownProvince(row.text("hometown_province"))
                .membership(membership).partyJoinDate(joined).incumbent(incumbent).currentPosts(current)
                .proposedPosts(proposed).consecutiveTerms(terms).politicalTheory(theory).education(education)
                .disciplineForm(form == null ? DisciplineForm.NONE : form).disciplineDate(disciplineDate)
                .disciplinePending(Boolean.TRUE.equals(pending)).politicalConclusion(conclusion)
                .politicalConclusionDate(conclusionDate).qualityRatings(ratings)
                .unresolvedComplaints(complaints == null ? 0 : complaints).assetDeclaration(assets)
                .healthOk(health).relatives(new ArrayList<>(relatives)).retirementMonthOverride(override)
                .partyJoinLastDay(joinedLastDay).disciplineFirstDay(disciplineFirstDay).plannedPosts(planned).lowConfidenceShare(lowConfidence).build();
    }

    private static Set<Post> posts(Row row, String column) {
        Set<Post> posts = EnumSet.noneOf(Post.class);
        for (String item : row.list(column)) {
            Post p = CodeNames.parse(Post.class, item);
            if (p == null) {
                row.error(column, "post", item, Row.allowed(Post.class));
                return null;
            }
            posts.add(p);
        }
        return posts;
    }

    /**
     * The rating of one {@code YEAR:RATING} item, or null when the item is not of that form: what the expression
     * {@code (\\d{4})\\s*:\\s*(.+)} matched as its second group, read without a regular expression per item (issue 20).
     */
    static String ratingText(String item) {
        if (item.length() < 6) {
            return null;
        }
        for (int i = 0; i < 4; i++) {
            if (item.charAt(i) < '0' || item.charAt(i) > '9') {
                return null;
            }
        }
        int i = 4;
        while (i < item.length() && SPACE.indexOf(item.charAt(i)) >= 0) {
            i++;
        }
        if (i == item.length() || item.charAt(i) != ':') {
            return null;
        }
        i++;
        while (i < item.length() && SPACE.indexOf(item.charAt(i)) >= 0) {
            i++;
        }
        if (i == item.length()) {
            // "2020: " — the expression gave the last space to (.+); a stripped item never ends so, kept for exactness.
            return i > 5 && SPACE.indexOf(item.charAt(i - 1)) >= 0 && LINE_END.indexOf(item.charAt(i - 1)) < 0
                    && item.charAt(i - 1) != ':' ? item.substring(i - 1) : null;
        }
        for (int k = i; k < item.length(); k++) {
            if (LINE_END.indexOf(item.charAt(k)) >= 0) {
                return null;
            }
        }
        return item.substring(i);
    }

    /** What {@code \\s} matches. */
    private static final String SPACE = " \t\n\u000B\f\r";
    /** What {@code .} does not match. */
    private static final String LINE_END = "\n\r\u0085\u2028\u2029";

    /** {@code YEAR:RATING;…}; a year given twice is an error (which rating would count?). */
    private static Map<Integer, Rating> ratings(Row row) {
        Map<Integer, Rating> ratings = new TreeMap<>();
        var items = row.list("quality_ratings");
        if (items.size() > Row.MAX_COUNT) {
            row.error("quality_ratings", "count_too_large", items.size(), Row.MAX_COUNT);
            return null;
        }
        for (String item : items) {
            String rating = ratingText(item);
            Rating r = rating != null ? CodeNames.parse(Rating.class, rating) : null;
            if (r == null) {
                row.error("quality_ratings", "rating", item);
                return null;
            }
            int year = Integer.parseInt(item.substring(0, 4));
            if (ratings.put(year, r) != null) {
                row.error("quality_ratings", "rating_year_twice", year);
                return null;
            }
        }
        return ratings;
    }
}
