package org.slatecheck.rules.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The input columns of RULES.md section 2, each with its Vietnamese alias. */
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
     * Congress columns (section 2.1). RULES.md names them in English only; the Vietnamese aliases are our own, so
     * that a file exported with Vietnamese headers reads too.
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

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
