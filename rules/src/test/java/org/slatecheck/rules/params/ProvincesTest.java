package org.slatecheck.rules.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSets;

/**
 * The 2025 arrangement of provinces (docs/specification.md section 6; Nghị quyết 202/2025/QH15): the shipped file maps each
 * of the 63 former provinces to one of the 34 in force from 01/07/2025, as written here independently of the file.
 */
class ProvincesTest {
    /** New province → the former provinces it is made of (itself first). */
    private static final Map<String, List<String>> ARRANGEMENT = new LinkedHashMap<>();

    static {
        put("Tuyên Quang", "Hà Giang");
        put("Lào Cai", "Yên Bái");
        put("Thái Nguyên", "Bắc Kạn");
        put("Phú Thọ", "Vĩnh Phúc", "Hòa Bình");
        put("Bắc Ninh", "Bắc Giang");
        put("Hưng Yên", "Thái Bình");
        put("Hải Phòng", "Hải Dương");
        put("Ninh Bình", "Hà Nam", "Nam Định");
        put("Quảng Trị", "Quảng Bình");
        put("Đà Nẵng", "Quảng Nam");
        put("Quảng Ngãi", "Kon Tum");
        put("Gia Lai", "Bình Định");
        put("Khánh Hòa", "Ninh Thuận");
        put("Lâm Đồng", "Đắk Nông", "Bình Thuận");
        put("Đắk Lắk", "Phú Yên");
        put("TP Hồ Chí Minh", "Bình Dương", "Bà Rịa-Vũng Tàu");
        put("Đồng Nai", "Bình Phước");
        put("Tây Ninh", "Long An");
        put("Cần Thơ", "Sóc Trăng", "Hậu Giang");
        put("Vĩnh Long", "Bến Tre", "Trà Vinh");
        put("Đồng Tháp", "Tiền Giang");
        put("Cà Mau", "Bạc Liêu");
        put("An Giang", "Kiên Giang");
        for (String same : List.of("Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
                "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng")) {
            put(same);
        }
    }

    private static void put(String province, String... merged) {
        List<String> all = new java.util.ArrayList<>(List.of(province));
        all.addAll(List.of(merged));
        ARRANGEMENT.put(province, all);
    }

    private static final LocalDate FROM = LocalDate.of(2025, 7, 1);

    @Test
    void theShippedFileMapsEachOfTheSixtyThreeFormerProvincesToOneOfTheThirtyFour() {
        Provinces p = RuleSets.shipped("2025-2030").provinces();
        int former = 0;
        Set<String> targets = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : ARRANGEMENT.entrySet()) {
            for (String old : e.getValue()) {
                former++;
                assertThat(p.on(old, FROM)).as(old).isEqualTo(e.getKey());
                assertThat(p.on(old.toUpperCase(java.util.Locale.ROOT) + "  ", FROM)).as(old).isEqualTo(e.getKey());
                targets.add(p.on(old, FROM));
            }
        }
        assertThat(former).isEqualTo(63);
        assertThat(targets).hasSize(34);
        // Every row's target is one of the 34; none is in force before 01/07/2025; each names its (unconfirmed) source.
        for (Provinces.Entry e : p.entries()) {
            assertThat(ARRANGEMENT).as(e.province()).containsKey(e.belongsTo());
            assertThat(e.from()).isEqualTo(FROM);
            assertThat(e.source()).contains("Nghị quyết 202/2025/QH15").contains("reported in the press, resolution text not read");
        }
    }

    @Test
    void beforeTheFirstOfJulyTwentyTwentyFiveEveryProvinceIsItself() {
        Provinces p = RuleSets.shipped("2025-2030").provinces();
        assertThat(p.on("Nam Định", LocalDate.of(2025, 6, 30))).isEqualTo("Nam Định");
        assertThat(p.same("Nam Định", "Ninh Bình", LocalDate.of(2025, 6, 30))).isFalse();
        assertThat(p.same("Nam Định", "Ninh Bình", FROM)).isTrue();
        assertThat(p.same("Trà Vinh", "Vĩnh Long", FROM)).isTrue();
        assertThat(p.same("Trà Vinh", "Sóc Trăng", FROM)).isFalse();
        // A name the file does not know stays itself (compared as LOC-001 always compared provinces).
        assertThat(p.on("Tỉnh Không Có", FROM)).isEqualTo("Tỉnh Không Có");
        assertThat(p.same("", "", FROM)).isFalse();
    }

    @Test
    void theTwentyTwentyRuleSetHasNoArrangement() {
        assertThat(RuleSets.shipped("2020-2025").provinces().entries()).isEmpty();
    }

    @Test
    void aMalformedFileIsRefusedInWords() {
        assertThatThrownBy(() -> Provinces.parse("tinh,moi\nA,B\n", "provinces-2025.csv"))
                .isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> Provinces.parse("province,belongs_to,from,source\nA,B,01/07/2025,x\n",
                "provinces-2025.csv")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> Provinces.parse("province,belongs_to,from,source\nA,B,2025-07-01,\n",
                "provinces-2025.csv")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> Provinces.parse("province,belongs_to,from,source\nA,B,2025-07-01,x\na,C,2025-07-01,y\n",
                "provinces-2025.csv")).isInstanceOf(ParameterException.class);
    }
}
