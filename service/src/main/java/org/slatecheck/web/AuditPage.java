package org.slatecheck.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.slatecheck.governance.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The audit filters of the page and the API, read the same way: dates as YYYY-MM-DD, a bad one is a 400. */
final class AuditPage {
    private AuditPage() {
    }

    static AuditLog.Filter filter(String action, String user, String unit, String from, String to, String scope) {
        return new AuditLog.Filter(blank(action), blank(user), blank(unit), date(from), date(to), scope);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(String s) {
        if (blank(s) == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "dates as YYYY-MM-DD");
        }
    }
}
