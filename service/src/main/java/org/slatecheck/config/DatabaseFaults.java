package org.slatecheck.config;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "the database cannot be reached" (stopped, restarting, connection lost) rather than a
 * fault of the request or of the code: no connection within the pool's timeout, a connection refused or broken
 * (SQLSTATE class 08), the server shutting down (57P01–57P03), a transaction whose commit or rollback failed in
 * JDBC (its connection is gone; the server rolls the transaction back). Such failures are answered 503 and never as a wrong
 * password (issue 11).
 */
public final class DatabaseFaults {
    private DatabaseFaults() {
    }

    /** True when {@code e} or one of its causes says the database is unavailable. */
    public static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    // A commit or rollback that fails in JDBC: the connection was lost with the transaction.
                    || t instanceof TransactionSystemException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The database could not be reached; not an authentication failure, so it is never answered 401. */
    public static final class DatabaseUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DatabaseUnavailableException(Throwable cause) {
            super("the database is unavailable", cause);
        }
    }
}
