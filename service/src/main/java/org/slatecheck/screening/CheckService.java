package org.slatecheck.screening;

import java.util.List;
import java.util.UUID;

import org.slatecheck.records.CheckRecords;
import org.slatecheck.records.StoredInputs;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.InputWarning;
import org.slatecheck.rules.intake.Intake;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a check for the API and the pages and records it: the same screening path as the command line
 * ({@link Checker}), then one transaction that stores everything, its audit row included (a database that stops
 * meanwhile leaves neither). Input errors store nothing.
 */
@Service
public class CheckService {
    private final CheckRecords records;
    private final org.slatecheck.governance.RuleSetCache ruleSets;
    private final org.slatecheck.governance.AuditLog audit;
    private final TransactionTemplate transaction;
    private final org.slatecheck.governance.OrgUnits units;

    public CheckService(CheckRecords records, org.slatecheck.governance.RuleSetCache ruleSets,
            org.slatecheck.governance.AuditLog audit, PlatformTransactionManager transactions,
            org.slatecheck.governance.OrgUnits units) {
        this.records = records;
        this.ruleSets = ruleSets;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.units = units;
    }

    /** A stored check: its id, results and the intake's warnings. */
    public record Recorded(UUID id, List<ScreeningResult> results, List<InputWarning> warnings,
            CheckRecords.Rendered rendered) {
        public Recorded(UUID id, List<ScreeningResult> results, List<InputWarning> warnings) {
            this(id, results, warnings, null);
        }
    }

    /**
     * Checks and records the files for the user's own organisation unit (a check is always made for the unit of the
     * user who runs it: see docs/decisions.md, "Organisation scope").
     *
     * @throws InputException when the files have input errors (nothing is stored)
     */
    public Recorded check(String user, Intake.Input congresses, Intake.Input nominees) {
        Checker.Checked checked = Checker.run(congresses, nominees, ruleSets.snapshot());
        List<ScreeningResult> results = checked.results();
        // Screening holds no connection; storing the check and its audit row is one transaction (issue 11).
        String unit = units.unitOf(user);
        CheckRecords.Rendered rendered = new CheckRecords.Rendered();
        UUID id = transaction.execute(status -> {
            UUID stored = records.save(user, unit, new StoredInputs(congresses.name(), congresses.content(),
                    nominees.name(), nominees.content()), results, rendered);
            audit.append(user, "CHECK", stored.toString(), null, null, "unit " + unit + ", " + results.size()
                    + " lists, rule sets " + String.join(" ", results.stream().map(ScreeningResult::ruleSetVersion)
                    .distinct().toList()));
            return stored;
        });
        return new Recorded(id, results, checked.warnings(), rendered);
    }

    /**
     * The intake's warnings about a stored check's files, read again from them (the files are stored, the warnings
     * are not: reading is cheap and gives them in the reader's current wording); empty when the files no longer read
     * or are not stored (a batch).
     */
    public List<InputWarning> warnings(StoredInputs inputs) {
        if (inputs.congresses() == null || inputs.nominees() == null) {
            return List.of(); // a batch's check: its files are not stored in the check
        }
        try {
            return Intake.read(new Intake.Input(inputs.congressesFile(), inputs.congresses()),
                    new Intake.Input(inputs.nomineesFile(), inputs.nominees()), ruleSets.snapshot())
                    .warnings();
        } catch (InputException e) {
            return List.of();
        }
    }

    /**
     * Screens a stored check's files again, without storing anything, with the rule set versions it used (still
     * available after they were retired); a term the check did not use gets the active version.
     */
    public List<ScreeningResult> rerun(UUID checkId, StoredInputs inputs) {
        var snapshot = ruleSets.snapshot().withCompiled(ruleSets.usedBy(checkId).values());
        return Checker.check(new Intake.Input(inputs.congressesFile(), inputs.congresses()),
                new Intake.Input(inputs.nomineesFile(), inputs.nominees()), snapshot);
    }
}
