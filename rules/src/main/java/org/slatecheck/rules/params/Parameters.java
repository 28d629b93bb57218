package org.slatecheck.rules.params;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.RetirementSchedule;

/**
 * The parameters of one rule set (RULES.md section 4), read from its data file
 * ({@code parameter,value,board_parameter,source}). Every threshold the rules use comes from here; the rules hold no
 * literals. Values are validated when the file is read, so a rule never meets a malformed parameter.
 */
public final class Parameters {
    /** Parameter names every rule-set file must define (the value may be empty only where noted in the file). */
    public static final Set<String> REQUIRED = Set.of("ruleset.version", "ruleset.citation", "retirement.schedule",
            "age.first_time_min_months", "age.reelection_min_months",
            "age.reelection_min_months.PROVINCE.DEPUTY_SECRETARY", "age.inspection.first_time_min_months",
            "age.inspection.reelection_min_months", "structure.women_min_percent", "structure.under40_min_percent",
            "structure.under40_levels", "structure.under40_age", "structure.band_from_age", "structure.band_to_age",
            "structure.band_min_percent", "structure.band_max_percent", "election.surplus_max_percent",
            "election.prepared_surplus_min_percent", "election.prepared_surplus_max_percent",
            "discipline.period_months", "term_limit.posts", "term_limit.max_terms", "quality.years",
            "quality.min_rating", "quality.outgoing_term_first_year", "political_conclusion.max_age_months",
            "family.min_rank", "family.key_posts");

    private final Map<String, Parameter> byName;

    private final RetirementSchedule retirementSchedule;
    private final int firstTimeMinMonths;
    private final int reelectionMinMonths;
    private final int provinceDeputySecretaryReelectionMinMonths;
    private final int inspectionFirstTimeMinMonths;
    private final int inspectionReelectionMinMonths;
    private final BigDecimal womenMinPercent;
    private final BigDecimal under40MinPercent;
    private final Set<Level> under40Levels;
    private final int under40Age;
    private final int bandFromAge;
    private final int bandToAge;
    private final BigDecimal bandMinPercent;
    private final BigDecimal bandMaxPercent;
    private final BigDecimal surplusMaxPercent;
    private final BigDecimal preparedSurplusMinPercent;
    private final BigDecimal preparedSurplusMaxPercent;
    private final int disciplinePeriodMonths;
    private final Set<Post> termLimitedPosts;
    private final int maxConsecutiveTerms;
    private final int qualityYears;
    private final Rating qualityMinRating;
    private final int outgoingTermFirstYear;
    private final Integer conclusionMaxAgeMonths;
    private final int familyMinRank;
    private final Set<Post> familyKeyPosts;

    private Parameters(Map<String, Parameter> byName) {
        this.byName = Collections.unmodifiableMap(byName);
        for (String name : REQUIRED) {
            if (!byName.containsKey(name)) {
                throw new ParameterException("parameter " + name + " is missing");
            }
        }
        retirementSchedule = enumValue("retirement.schedule", RetirementSchedule.class);
        firstTimeMinMonths = intValue("age.first_time_min_months", 0);
        reelectionMinMonths = intValue("age.reelection_min_months", 0);
        provinceDeputySecretaryReelectionMinMonths = intValue("age.reelection_min_months.PROVINCE.DEPUTY_SECRETARY", 0);
        inspectionFirstTimeMinMonths = intValue("age.inspection.first_time_min_months", 0);
        inspectionReelectionMinMonths = intValue("age.inspection.reelection_min_months", 0);
        womenMinPercent = percent("structure.women_min_percent");
        under40MinPercent = percent("structure.under40_min_percent");
        under40Levels = enumSet("structure.under40_levels", Level.class);
        under40Age = intValue("structure.under40_age", 0);
        bandFromAge = intValue("structure.band_from_age", 0);
        bandToAge = intValue("structure.band_to_age", bandFromAge);
        bandMinPercent = percent("structure.band_min_percent");
        bandMaxPercent = percent("structure.band_max_percent");
        if (bandMinPercent.compareTo(bandMaxPercent) > 0) {
            throw new ParameterException("structure.band_min_percent is above structure.band_max_percent");
        }
        surplusMaxPercent = percent("election.surplus_max_percent");
        preparedSurplusMinPercent = percent("election.prepared_surplus_min_percent");
        preparedSurplusMaxPercent = percent("election.prepared_surplus_max_percent");
        disciplinePeriodMonths = intValue("discipline.period_months", 0);
        termLimitedPosts = enumSet("term_limit.posts", Post.class);
        maxConsecutiveTerms = intValue("term_limit.max_terms", 1);
        qualityYears = intValue("quality.years", 0);
        qualityMinRating = enumValue("quality.min_rating", Rating.class);
        outgoingTermFirstYear = intValue("quality.outgoing_term_first_year", 1900);
        conclusionMaxAgeMonths = isSet("political_conclusion.max_age_months")
                ? intValue("political_conclusion.max_age_months", 1) : null;
        familyMinRank = intValue("family.min_rank", 1);
        familyKeyPosts = enumSet("family.key_posts", Post.class);
        for (Level level : Level.values()) {
            referenceMonth(level);
            minimumTheory(level);
            minimumEducation(level);
            committeeMaxSeats(level, null);
            standingSeatsMin(level);
            standingSeatsMax(level);
            deputySecretaries(level);
        }
    }

    /** Reads a parameter file. {@code origin} names it in error messages. */
    public static Parameters read(Reader reader, String origin) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord r : parser) {
                String name = r.get("parameter");
                if (byName.containsKey(name)) {
                    throw new ParameterException(origin + ":" + parser.getCurrentLineNumber() + ": parameter " + name
                            + " is defined twice");
                }
                String board = r.get("board_parameter");
                if (!board.equals("yes") && !board.equals("no")) {
                    throw new ParameterException(origin + ":" + parser.getCurrentLineNumber()
                            + ": board_parameter must be yes or no");
                }
                byName.put(name, new Parameter(name, r.get("value"), board.equals("yes"), r.get("source")));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(origin + ": cannot read parameter file: " + e.getMessage());
        }
        try {
            return new Parameters(byName);
        } catch (ParameterException e) {
            throw new ParameterException(origin + ": " + e.getMessage());
        }
    }

    /** Reads parameters from text (for tests and drafts). */
    public static Parameters parse(String text, String origin) {
        return read(new StringReader(text), origin);
    }

    /** All parameters, in file order. */
    public Map<String, Parameter> all() {
        return byName;
    }

    /** The source text of a parameter: what a finding that used it cites. */
    public String source(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new ParameterException("no parameter " + name);
        }
        return p.source();
    }

    public String version() {
        return byName.get("ruleset.version").value();
    }

    /** The rule set's general citation (the directive behind it). */
    public String citation() {
        return byName.get("ruleset.citation").value();
    }

    private boolean isSet(String name) {
        Parameter p = byName.get(name);
        return p != null && p.isSet();
    }

    private String value(String name) {
        Parameter p = byName.get(name);
        if (p == null || !p.isSet()) {
            throw new ParameterException("parameter " + name + " has no value");
        }
        return p.value().strip();
    }

    private int intValue(String name, int min) {
        String v = value(name);
        try {
            int i = Integer.parseInt(v);
            if (i < min) {
                throw new ParameterException("parameter " + name + " must be at least " + min + ", is " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ParameterException("parameter " + name + " must be a whole number, is " + v);
        }
    }

    private Integer optionalInt(String name, int min) {
        return isSet(name) ? intValue(name, min) : null;
    }

    private BigDecimal percent(String name) {
        String v = value(name);
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new ParameterException("parameter " + name + " must be a percentage 0..100, is " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ParameterException("parameter " + name + " must be a decimal number, is " + v);
        }
    }

    private <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String v = value(name);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("parameter " + name + ": unknown value " + v);
        }
    }

    private <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
        return isSet(name) ? enumValue(name, type) : null;
    }

    private <E extends Enum<E>> Set<E> enumSet(String name, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (!isSet(name)) {
            return set;
        }
        for (String part : value(name).split(";")) {
            try {
                set.add(Enum.valueOf(type, part.strip()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException("parameter " + name + ": unknown value " + part.strip());
            }
        }
        return Collections.unmodifiableSet(set);
    }

    // ---- Accessors used by the rules and the intake ----

    public RetirementSchedule getRetirementSchedule() { return retirementSchedule; }

    /** Default reference month for congresses of {@code level}, or null when the congress must give it. */
    public YearMonth referenceMonth(Level level) {
        String name = "reference_month." + level.name();
        if (!isSet(name)) {
            return null;
        }
        try {
            return YearMonth.parse(value(name));
        } catch (DateTimeParseException e) {
            throw new ParameterException("parameter " + name + " must be YYYY-MM");
        }
    }

    public int getFirstTimeMinMonths() { return firstTimeMinMonths; }
    public int getReelectionMinMonths() { return reelectionMinMonths; }
    public int getProvinceDeputySecretaryReelectionMinMonths() { return provinceDeputySecretaryReelectionMinMonths; }
    public int getInspectionFirstTimeMinMonths() { return inspectionFirstTimeMinMonths; }
    public int getInspectionReelectionMinMonths() { return inspectionReelectionMinMonths; }

    public BigDecimal getWomenMinPercent() { return womenMinPercent; }
    public BigDecimal getUnder40MinPercent() { return under40MinPercent; }
    public Set<Level> getUnder40Levels() { return under40Levels; }
    public int getUnder40Age() { return under40Age; }
    public int getBandFromAge() { return bandFromAge; }
    public int getBandToAge() { return bandToAge; }
    public BigDecimal getBandMinPercent() { return bandMinPercent; }
    public BigDecimal getBandMaxPercent() { return bandMaxPercent; }
    public BigDecimal getSurplusMaxPercent() { return surplusMaxPercent; }
    public BigDecimal getPreparedSurplusMinPercent() { return preparedSurplusMinPercent; }
    public BigDecimal getPreparedSurplusMaxPercent() { return preparedSurplusMaxPercent; }
    public int getDisciplinePeriodMonths() { return disciplinePeriodMonths; }
    public Set<Post> getTermLimitedPosts() { return termLimitedPosts; }
    public int getMaxConsecutiveTerms() { return maxConsecutiveTerms; }
    public int getQualityYears() { return qualityYears; }
    public Rating getQualityMinRating() { return qualityMinRating; }
    public int getOutgoingTermFirstYear() { return outgoingTermFirstYear; }
    /** Maximum age of a political conclusion in months; null when no board has set one. */
    public Integer getConclusionMaxAgeMonths() { return conclusionMaxAgeMonths; }
    public int getFamilyMinRank() { return familyMinRank; }
    public Set<Post> getFamilyKeyPosts() { return familyKeyPosts; }

    /** Minimum political theory for {@code level}; null when the level has none. */
    public PoliticalTheory minimumTheory(Level level) {
        return optionalEnum("theory.min." + level.name(), PoliticalTheory.class);
    }

    /** Minimum education for {@code level}; null when the level has none. */
    public Education minimumEducation(Level level) {
        return optionalEnum("education.min." + level.name(), Education.class);
    }

    /** The rule set's committee maximum for {@code level} given the merged units (empty counts as 1); or null. */
    public Integer committeeMaxSeats(Level level, Integer mergedUnits) {
        String base = "committee.max_seats." + level.name();
        Integer max = optionalInt(base, 1);
        Integer above = optionalInt(base + ".merged_units_above", 1);
        Integer merged = optionalInt(base + ".merged", 1);
        int units = mergedUnits == null ? 1 : mergedUnits;
        if (max != null && above != null && merged != null && units > above) {
            return merged;
        }
        return max;
    }

    /** Which parameter gave {@link #committeeMaxSeats}: for citing it. */
    public String committeeMaxSeatsParameter(Level level, Integer mergedUnits) {
        String base = "committee.max_seats." + level.name();
        Integer above = optionalInt(base + ".merged_units_above", 1);
        int units = mergedUnits == null ? 1 : mergedUnits;
        return above != null && isSet(base + ".merged") && units > above ? base + ".merged" : base;
    }

    public Integer standingSeatsMin(Level level) {
        return optionalInt("standing.min_seats." + level.name(), 0);
    }

    public Integer standingSeatsMax(Level level) {
        return optionalInt("standing.max_seats." + level.name(), 0);
    }

    public Integer deputySecretaries(Level level) {
        return optionalInt("deputy_secretaries." + level.name(), 0);
    }

    /**
     * The minimum remaining working months for a nominee, and the parameter it comes from (RULES.md AGE-001/AGE-002).
     * On an INSPECTION_LIST the inspection minima apply; otherwise the PROVINCE deputy-secretary minimum applies to
     * incumbents proposed as DEPUTY_SECRETARY at PROVINCE level.
     */
    public String requiredMonthsParameter(Level level, ListKind kind, Nominee nominee) {
        if (kind == ListKind.INSPECTION_LIST) {
            return nominee.isIncumbent() ? "age.inspection.reelection_min_months"
                    : "age.inspection.first_time_min_months";
        }
        if (!nominee.isIncumbent()) {
            return "age.first_time_min_months";
        }
        if (level == Level.PROVINCE && nominee.proposes(Post.DEPUTY_SECRETARY)) {
            return "age.reelection_min_months.PROVINCE.DEPUTY_SECRETARY";
        }
        return "age.reelection_min_months";
    }

    /** The value of an integer parameter by name (for the derived facts that record which parameter they used). */
    public int monthsParameter(String name) {
        return switch (name) {
            case "age.inspection.reelection_min_months" -> inspectionReelectionMinMonths;
            case "age.inspection.first_time_min_months" -> inspectionFirstTimeMinMonths;
            case "age.first_time_min_months" -> firstTimeMinMonths;
            case "age.reelection_min_months.PROVINCE.DEPUTY_SECRETARY" -> provinceDeputySecretaryReelectionMinMonths;
            case "age.reelection_min_months" -> reelectionMinMonths;
            default -> throw new ParameterException("not a months parameter: " + name);
        };
    }
}
