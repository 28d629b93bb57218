package org.slatecheck.rules.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slatecheck.rules.text.Messages;

/**
 * What a person filling in the two input files needs to know, per column: the Vietnamese header a personnel officer
 * writes, whether it is required, its format, and for a code column its codes with their Vietnamese names. The
 * downloadable templates, the "Cột và mã" page and the instructions sheet are all generated from this table, so
 * they cannot drift from each other; {@code ColumnGuideTest} ties it to {@link Columns} (every column, same order)
 * and to the model's enums (every code). The Vietnamese names of codes are the {@code columns.code.*} entries of
 * the Vietnamese message bundle (one place, read here and by the pages); the Vietnamese headers are data, below.
 */
public final class ColumnGuide {
    private ColumnGuide() {
    }

    /** The two input files. */
    public enum File {
        CONGRESSES("congresses"), NOMINEES("nominees");

        private final String baseName;

        File(String baseName) {
            this.baseName = baseName;
        }

        /** {@code congresses} or {@code nominees}: the file's usual name without extension. */
        public String baseName() {
            return baseName;
        }

        /** The file for a base name, or null. */
        public static File ofBaseName(String name) {
            for (File f : values()) {
                if (f.baseName.equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** How a cell is written; each has a description {@code columns.format.<NAME>} in both bundles. */
    public enum Format {
        TEXT, TERM, DATE, MONTH, INTEGER, SHARE, YES_NO, CODE, CODE_LIST, RATINGS, ID_LIST
    }

    /** Whether a column must be in the file (and filled). */
    public enum Need {
        /** Always. */
        REQUIRED,
        /** Under a condition told by {@code columns.required_when.<column>}. */
        CONDITIONAL,
        /** Never. */
        OPTIONAL
    }

    /**
     * A set of codes a column takes, in the order a drop-down shows them. {@code key} names the bundle entries
     * {@code columns.code.<key>.<CODE>}.
     */
    public record CodeSet(String key, List<String> codes, boolean literal) {
        /** A code set whose names are in the bundles. */
        public CodeSet(String key, List<String> codes) {
            this(key, codes, false);
        }

        /** The bundle key of {@code code}'s name. */
        public String nameKey(String code) {
            return "columns.code." + key + "." + code;
        }

        /** The name of {@code code} in {@code messages}' language (a literal set's code is its own name). */
        public String name(String code, Messages messages) {
            return literal ? code : messages.raw(nameKey(code));
        }

        /** The names of the codes in {@code messages}' language, in order. */
        public List<String> names(Messages messages) {
            return codes.stream().map(c -> name(c, messages)).toList();
        }

        /** The Vietnamese name of every code (code → name), as a spreadsheet writes it. */
        public Map<String, String> vietnamese() {
            Messages vi = Messages.of(Messages.VI);
            Map<String, String> m = new LinkedHashMap<>();
            codes.forEach(c -> m.put(c, name(c, vi)));
            return Collections.unmodifiableMap(m);
        }
    }

    public static final CodeSet LEVEL = codes("level", "PROVINCE", "DISTRICT", "ABOVE_GRASSROOTS", "COMMUNE",
            "GRASSROOTS");
    public static final CodeSet LIST_KIND = codes("list_kind", "ELECTION_LIST", "PERSONNEL_PLAN", "INSPECTION_LIST");
    public static final CodeSet SEX = codes("sex", "M", "F");
    public static final CodeSet MEMBERSHIP = codes("membership", "OFFICIAL", "PROBATIONARY");
    public static final CodeSet YES_NO = codes("yes_no", "true", "false");
    public static final CodeSet POST = codes("post", "COMMITTEE", "STANDING_COMMITTEE", "DEPUTY_SECRETARY",
            "SECRETARY", "ORGANISATION_HEAD", "INSPECTION_MEMBER", "INSPECTION_CHAIR");
    public static final CodeSet THEORY = codes("theory", "NONE", "SO_CAP", "TRUNG_CAP", "CAO_CAP", "CU_NHAN");
    public static final CodeSet EDUCATION = codes("education", "NONE", "UPPER_SECONDARY", "COLLEGE", "BACHELOR",
            "MASTER", "DOCTOR");
    public static final CodeSet DISCIPLINE = codes("discipline", "NONE", "KHIEN_TRACH", "CANH_CAO", "CACH_CHUC");
    public static final CodeSet CONCLUSION = codes("conclusion", "MET", "NOT_MET", "NEEDS_REVIEW");
    public static final CodeSet RATING = codes("rating", "HTXSNV", "HTTNV", "HTNV", "KHTNV");
    /** The key of the terms' code set ({@link #terms}). */
    public static final String TERM_KEY = "term";

    /**
     * The terms' code set: the terms that have a rule set (the active rule data, never a list in Java), newest
     * first as the drop-downs show them. Terms are written as they are ("2025-2030"): each one's name is itself.
     */
    public static CodeSet terms(java.util.Collection<String> terms) {
        List<String> newestFirst = new ArrayList<>(new java.util.TreeSet<>(terms).descendingSet());
        return new CodeSet(TERM_KEY, List.copyOf(newestFirst), true);
    }

    /** Every code set whose codes are fixed (the levels are a code set; which exist on a date is rule data). */
    public static final List<CodeSet> CODE_SETS = List.of(LEVEL, LIST_KIND, SEX, MEMBERSHIP, YES_NO, POST,
            THEORY, EDUCATION, DISCIPLINE, CONCLUSION, RATING);

    /** Every code set for the "Cột và mã" page: the fixed ones with {@code terms} third, as the congress columns. */
    public static List<CodeSet> codeSets(CodeSet terms) {
        List<CodeSet> all = new ArrayList<>(CODE_SETS);
        all.add(2, terms);
        return List.copyOf(all);
    }

    /**
     * One column of one file. {@code header}: the Vietnamese header of the templates, as a personnel officer writes
     * it (the intake matches it after removing diacritics, case, spaces, {@code _} and {@code -}); {@code codes}:
     * the code set of a {@link Format#CODE}, {@link Format#CODE_LIST} or {@link Format#RATINGS} column, else null;
     * {@code example}: the template's example cell, written as a Vietnamese spreadsheet would (code names, dates
     * {@code DD/MM/YYYY}).
     */
    public record Column(File file, String name, String header, Need need, Format format, CodeSet codes,
            String example) {
        /** The alias docs/specification.md section 2 gives (or ours for the congresses file). */
        public String alias() {
            return (file == File.CONGRESSES ? Columns.CONGRESS : Columns.NOMINEE).get(name);
        }

        /** The bundle key of what the column means. */
        public String meaningKey() {
            return "columns.meaning." + name;
        }

        /** The bundle key of the condition of a {@link Need#CONDITIONAL} column. */
        public String conditionKey() {
            return "columns.required_when." + name;
        }

        /** True when the template offers a drop-down list of codes for the column. */
        public boolean hasDropDown() {
            return format == Format.CODE || format == Format.CODE_LIST || format == Format.TERM
                    || format == Format.YES_NO;
        }

        /** The codes of the drop-down (yes/no and {@code terms}, the terms' code set, included), or null. */
        public CodeSet dropDown(CodeSet terms) {
            return switch (format) {
                case YES_NO -> YES_NO;
                case TERM -> terms;
                case CODE, CODE_LIST -> codes;
                default -> null;
            };
        }
    }

    public static final List<Column> CONGRESS_COLUMNS = List.of(
            col(File.CONGRESSES, "congress_id", "Mã đại hội", Need.REQUIRED, Format.TEXT, null, "TINH-NB-2025"),
            col(File.CONGRESSES, "organisation", "Tổ chức đảng", Need.REQUIRED, Format.TEXT, null,
                    "Đảng bộ tỉnh Ninh Bình"),
            col(File.CONGRESSES, "level", "Cấp", Need.REQUIRED, Format.CODE, LEVEL, name(LEVEL, "PROVINCE")),
            col(File.CONGRESSES, "term", "Nhiệm kỳ", Need.REQUIRED, Format.TERM, null, "2025-2030"),
            col(File.CONGRESSES, "province", "Tỉnh", Need.OPTIONAL, Format.TEXT, null, "Ninh Bình"),
            col(File.CONGRESSES, "reference_month", "Thời điểm tính tuổi", Need.OPTIONAL, Format.MONTH, null, "10/2025"),
            col(File.CONGRESSES, "congress_date", "Ngày đại hội", Need.OPTIONAL, Format.DATE, null, "15/10/2025"),
            col(File.CONGRESSES, "list_kind", "Loại danh sách", Need.REQUIRED, Format.CODE, LIST_KIND,
                    name(LIST_KIND, "ELECTION_LIST")),
            col(File.CONGRESSES, "committee_seats", "Số ủy viên", Need.REQUIRED, Format.INTEGER, null, "34"),
            col(File.CONGRESSES, "standing_seats", "Số ủy viên thường vụ", Need.OPTIONAL, Format.INTEGER, null, "12"),
            col(File.CONGRESSES, "deputy_secretary_seats", "Số phó bí thư", Need.OPTIONAL, Format.INTEGER, null, "3"),
            col(File.CONGRESSES, "max_committee_seats", "Số ủy viên tối đa", Need.OPTIONAL, Format.INTEGER, null, ""),
            col(File.CONGRESSES, "merged_units", "Số đơn vị hợp nhất", Need.OPTIONAL, Format.INTEGER, null, ""),
            col(File.CONGRESSES, "min_minority_share", "Tỷ lệ dân tộc thiểu số tối thiểu", Need.OPTIONAL,
                    Format.SHARE, null, "0,15"));

    public static final List<Column> NOMINEE_COLUMNS = List.of(
            col(File.NOMINEES, "congress_id", "Mã đại hội", Need.CONDITIONAL, Format.TEXT, null, "TINH-NB-2025"),
            col(File.NOMINEES, "nominee_id", "Mã nhân sự", Need.REQUIRED, Format.TEXT, null, "T01"),
            col(File.NOMINEES, "full_name", "Họ và tên", Need.REQUIRED, Format.TEXT, null, "Nguyễn Văn An"),
            col(File.NOMINEES, "sex", "Giới tính", Need.REQUIRED, Format.CODE, SEX, name(SEX, "M")),
            col(File.NOMINEES, "birth_date", "Ngày sinh", Need.REQUIRED, Format.DATE, null, "02/11/1968"),
            col(File.NOMINEES, "ethnicity", "Dân tộc", Need.OPTIONAL, Format.TEXT, null, "Kinh"),
            col(File.NOMINEES, "hometown_province", "Quê quán (tỉnh)", Need.OPTIONAL, Format.TEXT, null, "Ninh Bình"),
            col(File.NOMINEES, "membership", "Đảng viên", Need.REQUIRED, Format.CODE, MEMBERSHIP,
                    name(MEMBERSHIP, "OFFICIAL")),
            col(File.NOMINEES, "party_join_date", "Ngày vào Đảng", Need.OPTIONAL, Format.DATE, null, "03/02/1995"),
            col(File.NOMINEES, "incumbent", "Tái cử", Need.REQUIRED, Format.YES_NO, null, name(YES_NO, "true")),
            col(File.NOMINEES, "current_posts", "Chức vụ hiện tại", Need.OPTIONAL, Format.CODE_LIST, POST,
                    name(POST, "DEPUTY_SECRETARY") + "; " + name(POST, "STANDING_COMMITTEE")),
            col(File.NOMINEES, "proposed_posts", "Chức vụ đề xuất", Need.REQUIRED, Format.CODE_LIST, POST,
                    name(POST, "SECRETARY") + "; " + name(POST, "STANDING_COMMITTEE")),
            col(File.NOMINEES, "consecutive_terms", "Số nhiệm kỳ liên tiếp", Need.OPTIONAL, Format.INTEGER, null, "1"),
            col(File.NOMINEES, "political_theory", "Lý luận chính trị", Need.OPTIONAL, Format.CODE, THEORY,
                    name(THEORY, "CAO_CAP")),
            col(File.NOMINEES, "education", "Trình độ chuyên môn", Need.OPTIONAL, Format.CODE, EDUCATION,
                    name(EDUCATION, "BACHELOR")),
            col(File.NOMINEES, "discipline_form", "Hình thức kỷ luật", Need.OPTIONAL, Format.CODE, DISCIPLINE,
                    name(DISCIPLINE, "NONE")),
            col(File.NOMINEES, "discipline_date", "Ngày kỷ luật", Need.CONDITIONAL, Format.DATE, null, ""),
            col(File.NOMINEES, "discipline_pending", "Đang xem xét kỷ luật", Need.OPTIONAL, Format.YES_NO, null,
                    name(YES_NO, "false")),
            col(File.NOMINEES, "political_conclusion", "Kết luận chính trị", Need.OPTIONAL, Format.CODE, CONCLUSION,
                    name(CONCLUSION, "MET")),
            col(File.NOMINEES, "political_conclusion_date", "Ngày kết luận", Need.OPTIONAL, Format.DATE, null,
                    "20/08/2025"),
            col(File.NOMINEES, "quality_ratings", "Xếp loại", Need.OPTIONAL, Format.RATINGS, RATING,
                    "2023:" + name(RATING, "HTTNV") + "; 2024:" + name(RATING, "HTXSNV")),
            col(File.NOMINEES, "unresolved_complaints", "Đơn thư chưa giải quyết", Need.OPTIONAL, Format.INTEGER, null,
                    "0"),
            col(File.NOMINEES, "asset_declaration", "Kê khai tài sản", Need.OPTIONAL, Format.YES_NO, null,
                    name(YES_NO, "true")),
            col(File.NOMINEES, "health_ok", "Đủ sức khỏe", Need.OPTIONAL, Format.YES_NO, null, name(YES_NO, "true")),
            col(File.NOMINEES, "relatives", "Người thân", Need.OPTIONAL, Format.ID_LIST, null, ""),
            col(File.NOMINEES, "retirement_month_override", "Tháng nghỉ hưu", Need.OPTIONAL, Format.MONTH, null, ""),
            col(File.NOMINEES, "planned_posts", "Quy hoạch", Need.OPTIONAL, Format.CODE_LIST, POST,
                    name(POST, "SECRETARY")),
            col(File.NOMINEES, "low_confidence_share", "Tỷ lệ tín nhiệm thấp", Need.OPTIONAL, Format.SHARE, null,
                    "0,08"));

    /** The columns of {@code file}, in template order (the order of {@link Columns}). */
    public static List<Column> of(File file) {
        return file == File.CONGRESSES ? CONGRESS_COLUMNS : NOMINEE_COLUMNS;
    }

    /**
     * The comparison form of a header: no diacritics ({@code đ} → {@code d}), lower case, without spaces, {@code _},
     * {@code -} and brackets — how docs/specification.md section 2 says headers match.
     */
    public static String headerKey(String header) {
        String s = java.text.Normalizer.normalize(header.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_\\-()]", "");
    }

    /** The column of {@code file} that {@code header} names (English name, alias or Vietnamese header), or null. */
    public static Column byHeader(File file, String header) {
        String key = headerKey(header);
        for (Column c : of(file)) {
            if (key.equals(headerKey(c.name())) || key.equals(headerKey(c.alias())) || key.equals(headerKey(c.header()))) {
                return c;
            }
        }
        return null;
    }

    private static CodeSet codes(String key, String... codes) {
        return new CodeSet(key, List.of(codes));
    }

    private static String name(CodeSet set, String code) {
        return Messages.of(Messages.VI).raw(set.nameKey(code));
    }

    private static Column col(File file, String name, String header, Need need, Format format, CodeSet codes,
            String example) {
        return new Column(file, name, header, need, format, codes, example);
    }

    /** Every bundle key this table uses (the test checks each exists in both bundles). */
    public static List<String> bundleKeys() {
        List<String> keys = new ArrayList<>();
        for (CodeSet s : CODE_SETS) {
            s.codes().forEach(c -> keys.add(s.nameKey(c)));
        }
        for (File f : File.values()) {
            for (Column c : of(f)) {
                keys.add(c.meaningKey());
                if (c.need() == Need.CONDITIONAL) {
                    keys.add(c.conditionKey());
                }
            }
        }
        for (Format f : Format.values()) {
            keys.add("columns.format." + f.name());
        }
        return keys;
    }
}
