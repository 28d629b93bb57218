package org.slatecheck.screening;

import java.util.List;
import java.util.UUID;

import org.slatecheck.records.CheckRecords;
import org.slatecheck.records.StoredInputs;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.Intake;
import org.springframework.stereotype.Service;

/**
 * Runs a check for the API and the pages and records it: the same screening path as the command line
 * ({@link Checker}), then one transaction that stores everything. Input errors store nothing.
 */
@Service
public class CheckService {
    private final CheckRecords records;

    public CheckService(CheckRecords records) {
        this.records = records;
    }

    /** A stored check: its id and results. */
    public record Recorded(UUID id, List<ScreeningResult> results) {
    }

    /** @throws InputException when the files have input errors (nothing is stored) */
    public Recorded check(String user, Intake.Input congresses, Intake.Input nominees) {
        List<ScreeningResult> results = Checker.check(congresses, nominees);
        UUID id = records.save(user, new StoredInputs(congresses.name(), congresses.content(), nominees.name(),
                nominees.content()), results);
        return new Recorded(id, results);
    }

    /** Screens a stored check's files again with the current shipped rule sets, without storing anything. */
    public List<ScreeningResult> rerun(StoredInputs inputs) {
        return Checker.check(new Intake.Input(inputs.congressesFile(), inputs.congresses()),
                new Intake.Input(inputs.nomineesFile(), inputs.nominees()));
    }
}
