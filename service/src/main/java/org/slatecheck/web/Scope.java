package org.slatecheck.web;

import java.util.Optional;
import java.util.UUID;

import org.slatecheck.governance.AuditLog;
import org.slatecheck.governance.OrgUnits;
import org.slatecheck.records.CheckRecords;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed-in user's organisation scope for pages and API alike: a record of another unit's scope is a 404, as a
 * record that does not exist (its existence is not revealed), and the refusal is written to the audit log.
 */
@Component
public class Scope {
    private final OrgUnits units;
    private final CheckRecords records;
    private final AuditLog audit;

    public Scope(OrgUnits units, CheckRecords records, AuditLog audit) {
        this.units = units;
        this.records = records;
        this.audit = audit;
    }

    /** The signed-in user's unit. */
    public String unit() {
        return units.unitOf(PageController.user());
    }

    /** Returns when check {@code id} exists and lies in the user's scope; 404 otherwise ({@code what}: the action). */
    public void check(UUID id, String what) {
        record(records.unitOf(id), "check " + what, id.toString());
    }

    /** The same for a record whose unit is {@code unit} (empty: no such record). */
    public void record(Optional<String> unit, String what, String subject) {
        if (unit.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!units.within(unit.get(), unit())) {
            throw units.refuse(PageController.user(), what, subject);
        }
    }

    /** Writes a download or reading of a record to the audit log: who, which record, which format. */
    public void downloaded(String subject, String format) {
        audit.append(PageController.user(), "DOWNLOAD", subject, null, null, format);
    }
}
