package org.slatecheck.rules.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The input columns of docs/specification.md section 2, each with its Vietnamese alias. */
public final class Columns {
    private Columns() {
    }

    /** Nominee columns (section 2.2): canonical name → Vietnamese alias. */
    public static final Map<String, String> NOMINEE = ordered(
            "congress_id", "ma_dai_hoi",
            "nominee_id", "ma_nhan_su",
            "full_name", "ho_ten",
            "sex", "gioi_tinh",
            "birth_date", "ngay_sinh",
            "ethnicity", "dan_toc",
            "hometown_province", "que_quan_tinh",
            "membership", "dang_vien",
            "party_join_date", "ngay_vao_dang",
            "incumbent", "tai_cu",
            "current_posts", "chuc_vu_hien_tai",
            "proposed_posts", "chuc_vu_de_xuat",
            "consecutive_terms", "so_nhiem_ky_lien_tiep",
            "political_theory", "ly_luan_chinh_tri",
            "education", "trinh_do_chuyen_mon",
            "discipline_form", "hinh_thuc_ky_luat",
            "discipline_date", "ngay_ky_luat",
            "discipline_pending", "dang_xem_xet_ky_luat",
            "political_conclusion", "ket_luan_chinh_tri",
            "political_conclusion_date", "ngay_ket_luan",
            "quality_ratings", "xep_loai",
            "unresolved_complaints", "don_thu_chua_giai_quyet",
            "asset_declaration", "ke_khai_tai_san",
            "health_ok", "du_suc_khoe",
            "relatives", "nguoi_than",
            "retirement_month_override", "thang_nghi_huu",
            "planned_posts", "quy_hoach",
            "low_confidence_share", "ty_le_tin_nhiem_thap");

    /** Nominee columns the header must have (congress_id only when the congresses file has several). */
    public static final List<String> NOMINEE_REQUIRED = List.of("nominee_id", "full_name", "sex", "birth_date",
            "membership", "incumbent", "proposed_posts");

    /**
     * Congress columns (docs/specification.md section 2.1, whose table is written from this one). The rules'
     * specification names them in English only; the Vietnamese aliases are our own, so that a file exported with
     * Vietnamese headers reads too.
     */
    public static final Map<String, String> CONGRESS = ordered(
            "congress_id", "ma_dai_hoi",
            "organisation", "to_chuc_dang",
            "level", "cap",
            "term", "nhiem_ky",
            "province", "tinh",
            "reference_month", "thang_tinh_tuoi",
            "congress_date", "ngay_dai_hoi",
            "list_kind", "loai_danh_sach",
            "committee_seats", "so_uy_vien",
            "standing_seats", "so_uy_vien_thuong_vu",
            "deputy_secretary_seats", "so_pho_bi_thu",
            "max_committee_seats", "so_uy_vien_toi_da",
            "merged_units", "so_don_vi_hop_nhat",
            "min_minority_share", "ty_le_dan_toc_thieu_so_toi_thieu");

    public static final List<String> CONGRESS_REQUIRED = List.of("congress_id", "organisation", "level", "term",
            "list_kind", "committee_seats");

    /**
     * More ways a personnel officer writes each column's header, beyond the canonical name and the alias above: all
     * matched after {@link #normalise} (diacritics, case, spaces, {@code _} and {@code -} removed), so "Họ và tên",
     * "HO VA TEN" and {@code ho_va_ten} are one entry. Nominee and congress columns share this table: a name that
     * belongs to both ({@code congress_id}) means the same in both files.
     */
    public static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("congress_id", List.of("Mã đại hội", "Mã ĐH", "Đại hội")),
            Map.entry("nominee_id", List.of("Mã nhân sự", "Mã cán bộ", "Mã CB", "Mã NS", "Mã số", "Mã")),
            Map.entry("full_name", List.of("Họ và tên", "Họ tên", "Họ, tên", "Tên")),
            Map.entry("sex", List.of("Giới tính", "Giới", "Nam/Nữ", "Nam nữ")),
            Map.entry("birth_date", List.of("Ngày sinh", "Ngày tháng năm sinh", "Năm sinh", "Sinh ngày",
                    "Ngày, tháng, năm sinh")),
            Map.entry("ethnicity", List.of("Dân tộc")),
            Map.entry("hometown_province", List.of("Quê quán", "Quê quán (tỉnh)", "Tỉnh quê quán", "Quê quán tỉnh")),
            Map.entry("membership", List.of("Đảng viên", "Loại đảng viên", "Đảng viên chính thức/dự bị")),
            Map.entry("party_join_date", List.of("Ngày vào Đảng", "Ngày kết nạp Đảng", "Ngày kết nạp")),
            Map.entry("incumbent", List.of("Tái cử", "Tái cử (có/không)")),
            Map.entry("current_posts", List.of("Chức vụ hiện tại", "Chức vụ hiện nay", "Chức vụ đảng hiện tại",
                    "Chức vụ")),
            Map.entry("proposed_posts", List.of("Chức vụ đề xuất", "Dự kiến chức danh", "Chức danh dự kiến",
                    "Dự kiến giới thiệu", "Chức danh đề xuất")),
            Map.entry("consecutive_terms", List.of("Số nhiệm kỳ liên tiếp", "Số nhiệm kỳ", "Số nhiệm kỳ giữ chức")),
            Map.entry("political_theory", List.of("Lý luận chính trị", "Trình độ lý luận chính trị", "LLCT",
                    "Trình độ LLCT")),
            Map.entry("education", List.of("Trình độ chuyên môn", "Chuyên môn", "Trình độ CM",
                    "Trình độ chuyên môn nghiệp vụ")),
            Map.entry("discipline_form", List.of("Hình thức kỷ luật", "Kỷ luật", "Hình thức KL")),
            Map.entry("discipline_date", List.of("Ngày kỷ luật", "Ngày quyết định kỷ luật", "Ngày công bố kỷ luật")),
            Map.entry("discipline_pending", List.of("Đang xem xét kỷ luật", "Đang bị xem xét kỷ luật")),
            Map.entry("political_conclusion", List.of("Kết luận chính trị", "Kết luận tiêu chuẩn chính trị",
                    "Tiêu chuẩn chính trị")),
            Map.entry("political_conclusion_date", List.of("Ngày kết luận", "Ngày kết luận chính trị",
                    "Ngày kết luận tiêu chuẩn chính trị")),
            Map.entry("quality_ratings", List.of("Xếp loại", "Xếp loại chất lượng", "Đánh giá xếp loại",
                    "Xếp loại chất lượng đảng viên")),
            Map.entry("unresolved_complaints", List.of("Đơn thư chưa giải quyết", "Số đơn thư chưa giải quyết",
                    "Đơn thư")),
            Map.entry("asset_declaration", List.of("Kê khai tài sản", "Đã kê khai tài sản",
                    "Kê khai tài sản, thu nhập")),
            Map.entry("health_ok", List.of("Đủ sức khỏe", "Đủ sức khoẻ", "Sức khỏe", "Sức khoẻ")),
            Map.entry("relatives", List.of("Người thân", "Quan hệ gia đình", "Người thân trong danh sách")),
            Map.entry("retirement_month_override", List.of("Tháng nghỉ hưu", "Thời điểm nghỉ hưu",
                    "Tháng nghỉ hưu theo hồ sơ")),
            Map.entry("planned_posts", List.of("Quy hoạch", "Chức danh quy hoạch", "Quy hoạch chức danh")),
            Map.entry("low_confidence_share", List.of("Tỷ lệ tín nhiệm thấp", "Tỉ lệ tín nhiệm thấp",
                    "Tỷ lệ phiếu tín nhiệm thấp")),
            Map.entry("organisation", List.of("Tổ chức đảng", "Tên tổ chức đảng", "Đảng bộ", "Tên đảng bộ",
                    "Tổ chức", "organization")),
            Map.entry("level", List.of("Cấp", "Cấp đại hội", "Cấp tổ chức")),
            Map.entry("term", List.of("Nhiệm kỳ")),
            Map.entry("province", List.of("Tỉnh", "Tỉnh, thành phố", "Tỉnh/thành phố", "Tỉnh thành")),
            Map.entry("reference_month", List.of("Tháng tính tuổi", "Thời điểm tính tuổi")),
            Map.entry("congress_date", List.of("Ngày đại hội", "Ngày khai mạc đại hội", "Ngày khai mạc")),
            Map.entry("list_kind", List.of("Loại danh sách", "Loại")),
            Map.entry("committee_seats", List.of("Số ủy viên", "Số cấp ủy viên", "Số lượng cấp ủy viên",
                    "Số ủy viên ban chấp hành", "Số lượng ủy viên")),
            Map.entry("standing_seats", List.of("Số ủy viên thường vụ", "Số ủy viên ban thường vụ",
                    "Số lượng ủy viên ban thường vụ")),
            Map.entry("deputy_secretary_seats", List.of("Số phó bí thư", "Số lượng phó bí thư")),
            Map.entry("max_committee_seats", List.of("Số ủy viên tối đa", "Số cấp ủy viên tối đa",
                    "Số lượng cấp ủy viên tối đa")),
            Map.entry("merged_units", List.of("Số đơn vị hợp nhất", "Số xã hợp nhất", "Số đơn vị sáp nhập")),
            Map.entry("min_minority_share", List.of("Tỷ lệ dân tộc thiểu số tối thiểu", "Tỷ lệ dân tộc thiểu số",
                    "Tỉ lệ dân tộc thiểu số")));

    /**
     * Headers that Vietnamese lists carry beside the data and that are no input of ours (row numbers, notes): ignored
     * without the near-miss check, since "STT" lies within two edits of short column names.
     */
    static final java.util.Set<String> IGNORED = java.util.Set.of("stt", "tt", "sott", "sothutu", "ghichu", "note",
            "notes");

    /**
     * The comparison form of a header (and of a code cell): diacritics removed (đ → d), lower case, without spaces,
     * {@code _}, {@code -}, byte-order marks and zero-width characters. "Mã nhân sự", "MA NHAN SU" and
     * {@code ma_nhan_su} all become {@code manhansu}.
     */
    public static String normalise(String text) {
        return fold(text, true);
    }

    /**
     * The search form of a text (names, organisations, ids; the search box's text alike): diacritics removed
     * (đ → d), lower case, byte-order marks and zero-width characters removed, each run of spaces (a no-break space
     * too) one space, none at either end. "Nguyễn  Văn HÙNG" becomes "nguyen van hung". {@link #normalise} is the same
     * without any space, {@code _} or {@code -}.
     */
    public static String fold(String text) {
        return fold(text, false);
    }

    private static String fold(String text, boolean bare) {
        if (text == null) {
            return "";
        }
        String d = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        boolean space = false;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\uFEFF' || c == '\u200B') {
                continue;
            }
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = true;
                continue;
            }
            if (bare && (c == '_' || c == '-')) {
                continue;
            }
            if (space && !bare && b.length() > 0) {
                b.append(' ');
            }
            space = false;
            b.append(c == 'đ' || c == 'Đ' ? 'd' : Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** Normalised header → canonical column, for one file's columns (canonical, alias and synonyms). */
    static Map<String, String> lookup(Map<String, String> columns) {
        Map<String, String> m = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : columns.entrySet()) {
            m.putIfAbsent(normalise(e.getKey()), e.getKey());
            if (e.getValue() != null) {
                m.putIfAbsent(normalise(e.getValue()), e.getKey());
            }
            for (String s : SYNONYMS.getOrDefault(e.getKey(), List.of())) {
                m.putIfAbsent(normalise(s), e.getKey());
            }
        }
        return m;
    }

    private static final Map<Map<String, String>, Map<String, String>> LOOKUPS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The canonical column {@code header} names among {@code columns}, or null. */
    public static String canonical(String header, Map<String, String> columns) {
        return LOOKUPS.computeIfAbsent(columns, Columns::lookup).get(normalise(header));
    }

    /**
     * The column {@code header} probably means when it is no known column but lies within two edits of one (one
     * edit for short names of up to four letters, where two edits turn most words into another), or null.
     */
    public static String nearMiss(String header, Map<String, String> columns) {
        String n = normalise(header);
        if (n.isEmpty() || IGNORED.contains(n)) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, String> e : LOOKUPS.computeIfAbsent(columns, Columns::lookup).entrySet()) {
            int limit = Math.min(n.length(), e.getKey().length()) <= 4 ? 1 : 2;
            int d = distance(n, e.getKey(), limit);
            if (d <= limit && d < bestDistance) {
                bestDistance = d;
                best = e.getValue();
            }
        }
        return best;
    }

    /** Levenshtein distance of {@code a} and {@code b}, or {@code limit + 1} once it exceeds {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
