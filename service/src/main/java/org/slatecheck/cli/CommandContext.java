package org.slatecheck.cli;

import java.sql.SQLException;

import org.slatecheck.SlateCheckApplication;
import org.slatecheck.config.DatabaseConfig;
import org.slatecheck.rules.text.Messages;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;

/**
 * The application context of the commands that use the database ({@code batch}, {@code users add}), and their
 * one-line database errors (issue 17). A start that fails is reported by the command itself in one line, so Spring's
 * own report of it (the failure with its stack trace, repeated by the connection pool) is not printed — unless
 * {@code SLATECHECK_DEBUG} is set, which prints everything as before.
 */
final class CommandContext {
    private CommandContext() {
    }

    static boolean debug() {
        return System.getenv("SLATECHECK_DEBUG") != null;
    }

    static ConfigurableApplicationContext start(String... args) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SlateCheckApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).bannerMode(Banner.Mode.OFF);
        if (!debug()) {
            builder.properties("logging.level.org.springframework.boot.SpringApplication=OFF",
                    "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF",
                    "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=OFF",
                    "logging.level.com.zaxxer.hikari=OFF");
        }
        return builder.run(args);
    }

    /**
     * The one line (in {@code messages}' language) for a failure caused by the database: the data folder in use by
     * another SlateCheck whose database cannot be reached, or a database that cannot be reached or answers with an
     * error; null when the failure is not the database's. Only the exception's type is named: its message may carry
     * a server, user or input value.
     */
    static String databaseProblem(Throwable failure, Messages messages) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseConfig.DataFolderInUseException inUse) {
                return messages.text("cli.data_dir_in_use", inUse.dataDir());
            }
            if (t instanceof org.slatecheck.config.EmbeddedDatabaseSwitch.EmbeddedDatabaseOffException) {
                return messages.raw("cli.embedded_db_off");
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof DataAccessException
                    || t instanceof liquibase.exception.DatabaseException) {
                return messages.text("cli.database_unreachable", t.getClass().getSimpleName());
            }
        }
        return null;
    }
}
