package org.slatecheck.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Retirement month R (docs/specification.md section 3), including every Appendix I check of Nghị định
 * 135/2020/NĐ-CP; the ages come from the shipped terms' values files (2025-2030: the Decree 135 steps, 2020-2025:
 * the Labour Code 2012), only the arithmetic from Java.
 */
class RetirementScheduleTest {
    static final RetirementSchedule DECREE_135 = schedule("2025-2030");
    static final RetirementSchedule LABOR_CODE_2012 = schedule("2020-2025");

    static RetirementSchedule schedule(String term) {
        return org.slatecheck.rules.engine.WorkingTime.schedule(
                org.slatecheck.rules.engine.RuleSetSource.shipped(term).parameterSet().at(null));
    }

    @ParameterizedTest(name = "{0} born {1} retires {2} (Nghị định 135 Phụ lục I)")
    @CsvSource({
            "M, 1961-01, 2021-04",
            "M, 1961-09, 2021-12",
            "M, 1961-10, 2022-04",
            "F, 1971-04, 2028-12",
            "F, 1971-05, 2029-05",
            "M, 1964-09, 2025-12",
            "F, 1969-04, 2025-12",
    })
    void matchesDecree135AppendixI(Sex sex, String birth, String retirement) {
        assertThat(DECREE_135.retirementMonth(sex, YearMonth.parse(birth)))
                .isEqualTo(YearMonth.parse(retirement));
    }

    @ParameterizedTest(name = "{0} born {1} retires {2} under Decree 135")
    @CsvSource({
            "M, 1960-12, 2020-12", // before 2021: 60 y
            "M, 1966-01, 2027-10", // 2027: 61 y 9 m already lands in 2027
            "M, 1966-04, 2028-04", // 2027 would give 01/2028, so from 2028: 62 y
            "M, 1966-12, 2028-12",
            "M, 1965-09, 2027-06", // 2027: 61 y 9 m
            "F, 1965-12, 2020-12", // before 2021: 55 y
            "F, 1975-01, 2034-09", // 2034: 59 y 8 m lands in 2034
            "F, 1976-01, 2036-01", // from 2035: 60 y, reached in 2036
            "F, 1980-06, 2040-06",
            "F, 1966-01, 2021-05", // 2021: 55 y 4 m
    })
    void followsTheDecree135Steps(Sex sex, String birth, String retirement) {
        assertThat(DECREE_135.retirementMonth(sex, YearMonth.parse(birth)))
                .isEqualTo(YearMonth.parse(retirement));
    }

    @ParameterizedTest(name = "{0} born {1} retires {2} under the Labour Code 2012")
    @CsvSource({
            "M, 1960-05, 2020-05",
            "F, 1965-05, 2020-05",
            "M, 1967-12, 2027-12",
            "F, 1970-01, 2025-01",
    })
    void laborCode2012IsSixtyForMenAndFiftyFiveForWomen(Sex sex, String birth, String retirement) {
        assertThat(LABOR_CODE_2012.retirementMonth(sex, YearMonth.parse(birth)))
                .isEqualTo(YearMonth.parse(retirement));
    }

    @Test
    void aBirthYearAloneMeansJanuary() {
        // Nghị định 135/2020/NĐ-CP Điều 3 khoản 3: only the year known → born 1 January.
        YearMonth birth = YearMonth.from(org.slatecheck.rules.intake.RowAccess.parseDate("1961"));
        assertThat(birth).isEqualTo(YearMonth.of(1961, 1));
        assertThat(DECREE_135.retirementMonth(Sex.M, birth)).isEqualTo(YearMonth.of(2021, 4));
        assertThat(LABOR_CODE_2012.retirementMonth(Sex.F, YearMonth.from(
                org.slatecheck.rules.intake.RowAccess.parseDate("1966")))).isEqualTo(YearMonth.of(2021, 1));
    }

    @Test
    void remainingMonthsAndAgeUseAbsoluteMonthNumbers() {
        assertThat(Months.index(YearMonth.of(2025, 9))).isEqualTo(12 * 2025 + 8);
        assertThat(Months.between(YearMonth.of(2025, 9), YearMonth.of(2029, 5))).isEqualTo(44);
        assertThat(Months.ageInYears(YearMonth.of(1985, 9), YearMonth.of(2025, 9))).isEqualTo(40);
        assertThat(Months.ageInYears(YearMonth.of(1985, 10), YearMonth.of(2025, 9))).isEqualTo(39);
        assertThat(Months.plus(java.time.LocalDate.of(2025, 1, 31), 1)).isEqualTo(java.time.LocalDate.of(2025, 2, 28));
        assertThat(Months.plus(java.time.LocalDate.of(2024, 2, 29), 12)).isEqualTo(java.time.LocalDate.of(2025, 2, 28));
    }
}
