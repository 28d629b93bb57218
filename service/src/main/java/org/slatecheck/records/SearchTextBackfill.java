package org.slatecheck.records;

import java.sql.SQLException;

import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * The Liquibase change that fills {@code search_text} of the lists and nominees stored before it existed (changeset
 * 0.6.0-search): the folding is Java's ({@link SearchText#of}), the same as for rows stored after, so it runs in Java
 * and not as SQL. It runs once, inside the changeset's transaction, before the application serves any page.
 */
public class SearchTextBackfill implements liquibase.change.custom.CustomTaskChange {
    private long filled;

    @Override
    public void execute(Database database) throws CustomChangeException {
        if (!(database.getConnection() instanceof JdbcConnection jdbc)) {
            throw new CustomChangeException("search text backfill needs a JDBC connection");
        }
        try {
            filled = SearchText.backfill(jdbc.getUnderlyingConnection());
        } catch (SQLException e) {
            throw new CustomChangeException("search text backfill failed", e);
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "search text filled for " + filled + " stored lists and nominees";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
