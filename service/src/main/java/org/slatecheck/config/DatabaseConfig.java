package org.slatecheck.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: the server named by {@code SLATECHECK_DB_URL} when set (nothing is started then), otherwise an
 * embedded PostgreSQL that the application starts itself, with its files under {@code slatecheck.data-dir} so
 * records survive a restart. One embedded server per JVM. The data folder and the work folder (which holds the
 * server binaries started at the next run) are owner-only, mode 0700 ({@link PrivateFolders}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfig.class);
    private static EmbeddedPostgres embedded;

    @Bean
    DataSource dataSource(SlateCheckProperties props) {
        if (props.external()) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(props.dbUrl());
            ds.setUsername(props.dbUser());
            ds.setPassword(props.dbPassword());
            return failFast(ds);
        }
        EmbeddedPostgres pg = embedded(props.dataDir());
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(8);
        return failFast(ds);
    }

    /** Most time a request waits for a database connection before it is answered 503 (issue 11). */
    static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    /**
     * A stopped database is reported within seconds, not after Hikari's default 30 s: a connection is waited for at
     * most {@link #CONNECTION_TIMEOUT_MILLIS}, validated within 2 s, and the driver gives up connecting or logging in
     * after 3 s. Connections broken by a database restart are dropped by the pool and new ones are made on the
     * next request, so the application recovers without a restart.
     */
    static HikariDataSource failFast(HikariDataSource ds) {
        ds.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        ds.setValidationTimeout(2_000);
        ds.addDataSourceProperty("connectTimeout", "3");
        ds.addDataSourceProperty("loginTimeout", "3");
        return ds;
    }

    /** Starts (once per JVM) the embedded server on {@code dataDir}, clearing a lock left by a killed server. */
    public static synchronized EmbeddedPostgres embedded(Path dataDir) {
        if (embedded == null) {
            try {
                Path dir = dataDir.toAbsolutePath();
                PrivateFolders.create(dir);
                Path lock = dir.resolve("postmaster.pid");
                stopOrphan(lock);
                if (Files.exists(lock) && !alive(lock)) {
                    Files.delete(lock);
                }
                Path work = dir.resolveSibling(dir.getFileName() + "-work");
                PrivateFolders.create(work);
                embedded = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(work.toFile()).start();
                PrivateFolders.create(work); // the server unpacks its binaries there: owner only, also afterwards
                LOG.info("embedded PostgreSQL started on port {} with data in {}", embedded.getPort(), dir);
                Runtime.getRuntime().addShutdownHook(new Thread(DatabaseConfig::stop));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return embedded;
    }

    /**
     * A server left running by a JVM that was killed (its parent is gone, so it was re-parented to init) is stopped,
     * so this start can use the data folder; a server that still has its parent belongs to a running application
     * and is left alone (the start then fails with a clear lock error).
     */
    private static void stopOrphan(Path lock) throws IOException {
        if (!Files.exists(lock)) {
            return;
        }
        String first = Files.readAllLines(lock).stream().findFirst().orElse("").strip();
        try {
            ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                    .filter(p -> p.parent().map(parent -> parent.pid() == 1 || !parent.isAlive()).orElse(true))
                    .ifPresent(p -> {
                        LOG.warn("stopping an orphaned embedded PostgreSQL (pid {}) left by a killed run", p.pid());
                        p.destroy();
                        p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                    });
        } catch (NumberFormatException | java.util.concurrent.CompletionException e) {
            LOG.warn("could not stop an orphaned embedded PostgreSQL: {}", e.getClass().getSimpleName());
        }
    }

    private static boolean alive(Path lock) throws IOException {
        String first = Files.readAllLines(lock).stream().findFirst().orElse("").strip();
        try {
            return ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static synchronized void stop() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getClass().getSimpleName());
        }
    }
}
