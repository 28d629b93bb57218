package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slatecheck.rules.model.Months;
import org.slatecheck.rules.model.RetirementSchedule;
import org.slatecheck.rules.model.Sex;
import org.slatecheck.rules.params.Parameters;

/**
 * The retirement ages are parameters of the terms ({@code retirement.age_months.M} / {@code .F}, dated by the day
 * the age is reached), not Java literals: the retirement month is the same as the former Java schedules gave
 * (Labour Code 2012 for 2020-2025, Nghị định 135/2020/NĐ-CP for 2025-2030) for every birth month, and changing a
 * value in a term's values file changes it.
 */
class RetirementAgesAsDataTest {

    /** The ages the Java enum held before they became data (the oracle, copied from the former source). */
    static int formerAge(String term, Sex sex, int year) {
        if (term.equals("2020-2025")) {
            return sex == Sex.M ? 720 : 660;
        }
        if (sex == Sex.M) {
            return year < 2021 ? 720 : Math.min(744, 723 + 3 * (year - 2021));
        }
        return year < 2021 ? 660 : Math.min(720, 664 + 4 * (year - 2021));
    }

    /** The former arithmetic with the former ages. */
    static YearMonth formerMonth(String term, Sex sex, YearMonth birth) {
        int b = Months.index(birth);
        for (int year = birth.getYear(); year <= birth.getYear() + 63; year++) {
            YearMonth candidate = Months.of(b + formerAge(term, sex, year));
            if (candidate.getYear() == year) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    static Parameters shipped(String term) {
        return RuleSetSource.shipped(term).parameterSet().at(LocalDate.of(term.equals("2020-2025") ? 2020 : 2025, 6, 1));
    }

    /**
     * Issue 20: the schedule is made once per rule set (its ages depend on the parameter file alone) and remembers
     * each retirement month it computed: the lists of a rule set share one, and what it remembers is what the former
     * arithmetic gives, asked once or twice.
     */
    @Test
    void oneRememberingScheduleServesEveryListOfARuleSet() {
        RuleSet set = RuleSets.shipped("2025-2030");
        RetirementSchedule schedule = WorkingTime.schedule(set.parameters().at(LocalDate.of(2025, 6, 1)));
        assertThat(WorkingTime.schedule(set.parameters().at(LocalDate.of(2030, 3, 1)))).isSameAs(schedule);
        assertThat(WorkingTime.schedule(set.parameters().at(null))).isSameAs(schedule);
        for (int round = 0; round < 2; round++) {
            for (YearMonth birth = YearMonth.of(1950, 1); birth.isBefore(YearMonth.of(2001, 1));
                    birth = birth.plusMonths(1)) {
                for (Sex sex : Sex.values()) {
                    assertThat(schedule.retirementMonth(sex, birth)).as("%s %s round %d", sex, birth, round)
                            .isEqualTo(formerMonth("2025-2030", sex, birth));
                }
            }
        }
        // Another rule set's file has a schedule of its own.
        assertThat(WorkingTime.schedule(RuleSets.shipped("2020-2025").parameters().at(null))).isNotSameAs(schedule);
    }

    @Test
    void everyBirthMonthRetiresAsBeforeInBothTerms() {
        for (String term : new String[] {"2020-2025", "2025-2030"}) {
            RetirementSchedule schedule = WorkingTime.schedule(shipped(term));
            for (YearMonth birth = YearMonth.of(1940, 1); birth.isBefore(YearMonth.of(2011, 1));
                    birth = birth.plusMonths(1)) {
                for (Sex sex : Sex.values()) {
                    assertThat(schedule.retirementMonth(sex, birth)).as("%s %s %s", term, sex, birth)
                            .isEqualTo(formerMonth(term, sex, birth));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1} born {2} retires {3}")
    @CsvSource({
            "2025-2030, M, 1963-12, 2024-12",
            "2025-2030, M, 1964-01, 2025-04",
            "2025-2030, F, 1970-01, 2027-05",
            "2025-2030, F, 1980-12, 2040-12",
            "2020-2025, M, 1963-12, 2023-12",
            "2020-2025, M, 1964-01, 2024-01",
            "2020-2025, F, 1970-01, 2025-01",
            "2020-2025, F, 1980-12, 2035-12",
    })
    void boundaryBirths(String term, Sex sex, String birth, String retirement) {
        assertThat(WorkingTime.schedule(shipped(term)).retirementMonth(sex, YearMonth.parse(birth)))
                .isEqualTo(YearMonth.parse(retirement))
                .isEqualTo(formerMonth(term, sex, YearMonth.parse(birth)));
    }

    @Test
    void changingAnAgeInTheValuesFileChangesTheRetirementMonth() {
        RuleSetSource shipped = RuleSetSource.shipped("2025-2030");
        // Men reaching the age in 2025: 735 months (61 years 3 months) -> 740 in the data only; a man born 01/1964
        // reaches it in 2025.
        String values = shipped.values().replace("retirement.age_months.M,2025-01-01,735,",
                "retirement.age_months.M,2025-01-01,740,");
        assertThat(values).isNotEqualTo(shipped.values());
        RuleSetSource changed = shipped.withValues(values);
        Parameters p = changed.parameterSet().at(LocalDate.of(2025, 6, 1));
        assertThat(WorkingTime.schedule(p).retirementMonth(Sex.M, YearMonth.of(1964, 1)))
                .isEqualTo(YearMonth.of(2025, 9));
        assertThat(WorkingTime.schedule(shipped(("2025-2030"))).retirementMonth(Sex.M, YearMonth.of(1964, 1)))
                .isEqualTo(YearMonth.of(2025, 4));
        // The same through a compiled rule set: the checksum changes with the data, and so does the month.
        RuleSet set = RuleSet.compile(changed);
        assertThat(set.getChecksum()).isNotEqualTo(shipped.checksum());
        assertThat(WorkingTime.schedule(set.parameters().at(LocalDate.of(2025, 6, 1)))
                .retirementMonth(Sex.M, YearMonth.of(1964, 1))).isEqualTo(YearMonth.of(2025, 9));
    }

    @Test
    void theAgesAreDatedByTheDayTheAgeIsReachedNotTheCongressDate() {
        Parameters p = shipped("2025-2030");
        // A congress of 2025 reads the age of a man who reaches it in 2028 from the 2028 value.
        assertThat(p.integerOn("retirement.age_months.M", LocalDate.of(2028, 1, 1))).isEqualTo(744);
        assertThat(p.integerOn("retirement.age_months.M", LocalDate.of(2020, 1, 1))).isEqualTo(720);
        assertThat(p.integerOn("retirement.age_months.F", LocalDate.of(2040, 1, 1))).isEqualTo(720);
        assertThat(p.file().declarations().get("retirement.age_months.F").byAgeReached()).isTrue();
    }
}
