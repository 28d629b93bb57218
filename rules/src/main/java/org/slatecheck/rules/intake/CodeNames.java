package org.slatecheck.rules.intake;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slatecheck.rules.model.Code;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.Sex;

/**
 * The Vietnamese names a personnel officer writes for each code (docs/specification.md section 2): "Ủy viên Ban Chấp
 * hành" for COMMITTEE, "Hoàn thành tốt nhiệm vụ" for HTTNV, "Khiển trách" for KHIEN_TRACH. A cell matches a code when
 * it equals the code or one of its names after {@link Columns#normalise} (diacritics, case, spaces, {@code _} and
 * {@code -} removed). Whole cells only, never a part: "Phó Bí thư" is DEPUTY_SECRETARY and not SECRETARY, "Không
 * hoàn thành nhiệm vụ" is KHTNV and not HTNV.
 */
public final class CodeNames {
    private CodeNames() {
    }

    /** Code → its Vietnamese names, per enum type. */
    static final Map<Class<?>, Map<? extends Enum<?>, List<String>>> NAMES = Map.of(
            Post.class, names(Post.class, Map.of(
                    Post.COMMITTEE, List.of("Ủy viên Ban Chấp hành", "Ủy viên BCH", "Cấp ủy viên", "Ủy viên cấp ủy",
                            "UV BCH", "Ủy viên"),
                    Post.STANDING_COMMITTEE, List.of("Ủy viên Ban Thường vụ", "Ủy viên BTV", "UV BTV",
                            "Ủy viên thường vụ"),
                    Post.ORGANISATION_HEAD, List.of("Trưởng Ban Tổ chức", "Trưởng ban tổ chức cấp ủy", "Trưởng BTC"),
                    Post.INSPECTION_CHAIR, List.of("Chủ nhiệm Ủy ban Kiểm tra", "Chủ nhiệm UBKT"),
                    Post.INSPECTION_MEMBER, List.of("Ủy viên Ủy ban Kiểm tra", "Ủy viên UBKT", "UV UBKT"),
                    Post.DEPUTY_SECRETARY, List.of("Phó Bí thư"),
                    Post.SECRETARY, List.of("Bí thư"))),
            PoliticalTheory.class, names(PoliticalTheory.class, Map.of(
                    PoliticalTheory.NONE, List.of("Không", "Chưa qua đào tạo", "Chưa có"),
                    PoliticalTheory.SO_CAP, List.of("Sơ cấp"),
                    PoliticalTheory.TRUNG_CAP, List.of("Trung cấp"),
                    PoliticalTheory.CAO_CAP, List.of("Cao cấp"),
                    PoliticalTheory.CU_NHAN, List.of("Cử nhân", "Cử nhân chính trị"))),
            Education.class, names(Education.class, Map.of(
                    Education.NONE, List.of("Không", "Chưa qua đào tạo", "Chưa có"),
                    Education.UPPER_SECONDARY, List.of("Trung học phổ thông", "THPT", "12/12"),
                    Education.COLLEGE, List.of("Cao đẳng"),
                    Education.BACHELOR, List.of("Đại học", "Cử nhân", "Kỹ sư", "Kĩ sư"),
                    Education.MASTER, List.of("Thạc sĩ", "Thạc sỹ"),
                    Education.DOCTOR, List.of("Tiến sĩ", "Tiến sỹ"))),
            Rating.class, names(Rating.class, Map.of(
                    Rating.HTXSNV, List.of("Hoàn thành xuất sắc nhiệm vụ"),
                    Rating.HTTNV, List.of("Hoàn thành tốt nhiệm vụ"),
                    Rating.HTNV, List.of("Hoàn thành nhiệm vụ"),
                    Rating.KHTNV, List.of("Không hoàn thành nhiệm vụ"))),
            DisciplineForm.class, names(DisciplineForm.class, Map.of(
                    DisciplineForm.NONE, List.of("Không", "Không bị kỷ luật"),
                    DisciplineForm.KHIEN_TRACH, List.of("Khiển trách"),
                    DisciplineForm.CANH_CAO, List.of("Cảnh cáo"),
                    DisciplineForm.CACH_CHUC, List.of("Cách chức"))),
            Conclusion.class, names(Conclusion.class, Map.of(
                    Conclusion.MET, List.of("Đạt"),
                    Conclusion.NOT_MET, List.of("Không đạt"),
                    Conclusion.NEEDS_REVIEW, List.of("Cần xem xét"))),
            Level.class, names(Level.class, Map.of(
                    Level.GRASSROOTS, List.of("Cơ sở", "Cấp cơ sở"),
                    Level.ABOVE_GRASSROOTS, List.of("Trên cơ sở", "Cấp trên cơ sở"),
                    Level.DISTRICT, List.of("Huyện", "Cấp huyện"),
                    Level.COMMUNE, List.of("Xã", "Cấp xã"),
                    Level.PROVINCE, List.of("Tỉnh", "Cấp tỉnh"))),
            ListKind.class, names(ListKind.class, Map.of(
                    ListKind.PERSONNEL_PLAN, List.of("Đề án nhân sự", "Phương án nhân sự"),
                    ListKind.ELECTION_LIST, List.of("Danh sách bầu cử", "Danh sách bầu cử cấp ủy"),
                    ListKind.INSPECTION_LIST, List.of("Danh sách ủy ban kiểm tra", "Danh sách bầu ủy ban kiểm tra"))),
            Sex.class, names(Sex.class, Map.of(Sex.M, List.of("Nam"), Sex.F, List.of("Nữ"))),
            Membership.class, names(Membership.class, Map.of(
                    Membership.OFFICIAL, List.of("Chính thức", "Đảng viên chính thức"),
                    Membership.PROBATIONARY, List.of("Dự bị", "Đảng viên dự bị"))));

    /** Normalised code or name → constant, per enum type. */
    private static final ClassValue<Map<String, Enum<?>>> LOOKUP = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> m = new HashMap<>();
            for (Object c : type.getEnumConstants()) {
                m.put(Columns.normalise(((Enum<?>) c).name()), (Enum<?>) c);
            }
            Map<? extends Enum<?>, List<String>> names = NAMES.getOrDefault(type, Map.of());
            for (Map.Entry<? extends Enum<?>, List<String>> e : names.entrySet()) {
                for (String name : e.getValue()) {
                    Enum<?> before = m.put(Columns.normalise(name), e.getKey());
                    if (before != null && before != e.getKey()) {
                        throw new IllegalStateException(name + " names both " + before + " and " + e.getKey());
                    }
                }
            }
            return m;
        }
    };

    private static <E extends Enum<E>> Map<E, List<String>> names(Class<E> type, Map<E, List<String>> names) {
        return new EnumMap<>(names);
    }

    /** The constant of {@code type} that {@code text} names (its code or a Vietnamese name), or null. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        // A file repeats the same few cell texts (Nam, Nữ, Cao cấp…) on every row: each distinct text is folded and
        // looked up once (issue 20), not per cell.
        Map<String, java.util.Optional<Enum<?>>> seen = SEEN.get(type);
        java.util.Optional<Enum<?>> known = seen.get(text);
        if (known == null) {
            E exact = Code.parse(type, text);
            known = java.util.Optional.ofNullable(exact != null ? exact : LOOKUP.get(type).get(Columns.normalise(text)));
            remember(seen, text, known);
        }
        return type.cast(known.orElse(null));
    }

    /** The most distinct cell texts kept per code type: beyond them (a file of typos) texts are simply looked up. */
    static final int SEEN_LIMIT = 1_000;

    /** Cell text as written → what {@link #parse} gave, per enum type. */
    private static final ClassValue<Map<String, java.util.Optional<Enum<?>>>> SEEN = new ClassValue<>() {
        @Override
        protected Map<String, java.util.Optional<Enum<?>>> computeValue(Class<?> type) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        }
    };

    private static final Map<String, java.util.Optional<Boolean>> SEEN_BOOL =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static <V> void remember(Map<String, V> seen, String text, V value) {
        if (seen.size() < SEEN_LIMIT) {
            seen.putIfAbsent(text, value);
        }
    }

    /** {@code true}/{@code false}, {@code có}/{@code không}, {@code yes}/{@code no}, {@code đúng}/{@code sai}, {@code đã}/{@code chưa}; null otherwise. */
    public static Boolean bool(String text) {
        java.util.Optional<Boolean> known = SEEN_BOOL.get(text);
        if (known == null) {
            known = java.util.Optional.ofNullable(foldedBool(text));
            remember(SEEN_BOOL, text, known);
        }
        return known.orElse(null);
    }

    private static Boolean foldedBool(String text) {
        return switch (Columns.normalise(text)) {
            case "true", "co", "yes", "dung", "da" -> Boolean.TRUE;
            case "false", "khong", "no", "sai", "chua" -> Boolean.FALSE;
            default -> null;
        };
    }
}
