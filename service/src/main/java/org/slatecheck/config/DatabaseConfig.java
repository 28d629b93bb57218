package org.slatecheck.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: the server named by {@code SLATECHECK_DB_URL} when set (nothing is started then), otherwise an
 * embedded PostgreSQL that the application starts itself, with its files under {@code slatecheck.data-dir} so
 * records survive a restart. One embedded server per JVM. The data folder and the work folder (which holds the
 * server binaries started at the next run) are owner-only, mode 0700 ({@link PrivateFolders}).
 *
 * <p>One data folder serves every SlateCheck process of its user at once (issue 17): the web application and the
 * command line. The first process starts the server; a process that finds the server in use by a live SlateCheck
 * process connects to it (its port is in {@code postmaster.pid}) and never stops or restarts it; the last process
 * using the server stops it when it ends. Who uses the server is known from locks on the owner file beside the data
 * folder ({@link #ownerFile}), which the operating system releases when a process ends, even when it is killed — so
 * a server left running by a killed process (an orphan: no live process uses it) is still recognised and stopped
 * before a new one starts, and a re-used process id can never make a dead process look alive.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfig.class);

    @Bean
    DataSource dataSource(SlateCheckProperties props,
            @org.springframework.beans.factory.annotation.Value("${" + EmbeddedDatabaseSwitch.PROPERTY + ":true}")
            boolean embeddedDb) {
        if (!props.external() && !embeddedDb) {
            // The container image: an empty SLATECHECK_DB_URL is a mistake, not a database to make (issue 17).
            throw new EmbeddedDatabaseSwitch.EmbeddedDatabaseOffException();
        }
        if (props.external()) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(props.dbUrl());
            ds.setUsername(props.dbUser());
            ds.setPassword(props.dbPassword());
            return failFast(ds);
        }
        Embedded pg = embedded(props.dataDir());
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(8);
        return failFast(ds);
    }

    /**
     * The schema by Liquibase, one process at a time (issue 22): several instances starting at once on one empty
     * database would otherwise both try to create Liquibase's own tables (its lock table cannot guard its own
     * creation) and one of them would fail. A PostgreSQL advisory lock, held on a connection of its own while the
     * change log runs, makes the others wait and then find everything applied.
     */
    @Bean
    liquibase.integration.spring.SpringLiquibase liquibase(DataSource dataSource) {
        liquibase.integration.spring.SpringLiquibase l = new LockedLiquibase();
        l.setDataSource(dataSource);
        l.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        return l;
    }

    /** The advisory lock key held while the schema is migrated. */
    static final long MIGRATION_LOCK = 22_0001L;

    static final class LockedLiquibase extends liquibase.integration.spring.SpringLiquibase {
        @Override
        public void afterPropertiesSet() throws liquibase.exception.LiquibaseException {
            try (java.sql.Connection c = getDataSource().getConnection();
                    java.sql.Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock(" + MIGRATION_LOCK + ")");
                try {
                    super.afterPropertiesSet();
                } finally {
                    s.execute("select pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                }
            } catch (java.sql.SQLException e) {
                throw new liquibase.exception.DatabaseException(e);
            }
        }
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

    /**
     * The embedded server, as one process sees it: on {@code port} of this machine, user {@code postgres} (initdb
     * {@code -A trust}, local connections only), started by this process or by another SlateCheck process that uses
     * the same data folder.
     */
    public record Embedded(int port, boolean startedHere) {
        public int getPort() {
            return port;
        }

        public String getJdbcUrl(String user, String database) {
            return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=" + user;
        }

        public DataSource getPostgresDatabase() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {"localhost"});
            ds.setPortNumbers(new int[] {port});
            ds.setDatabaseName("postgres");
            ds.setUser("postgres");
            ds.setConnectTimeout(3);
            ds.setLoginTimeout(3);
            return ds;
        }
    }

    /**
     * The data folder is used by a live SlateCheck process whose database cannot be reached (stopped, still starting
     * after {@link #JOIN_WAIT_MILLIS}, or started by a SlateCheck before issue 17 that does not share it): this
     * process neither uses nor touches it. The command line says so in one line.
     */
    public static final class DataFolderInUseException extends IllegalStateException {
        private final transient Path dataDir;

        DataFolderInUseException(Path dataDir) {
            super("the data folder " + dataDir + " is in use by another SlateCheck process whose database cannot be"
                    + " reached");
            this.dataDir = dataDir;
        }

        public Path dataDir() {
            return dataDir;
        }
    }

    /** Where the locks lie in the owner file: beyond its text, one byte for the turn and one for the users. */
    private static final long TURN = 1L << 20;
    static final long USERS = TURN + 1;
    /** Most time a process waits for its turn to start or join the server (another one is starting it). */
    static final long TURN_WAIT_MILLIS = 180_000;
    /** Most time a process that ends waits for its turn to leave (the last one stops the server). */
    static final long LEAVE_WAIT_MILLIS = 30_000;
    /** Most time a process waits for the running server of another process to accept connections. */
    static final long JOIN_WAIT_MILLIS = 15_000;
    /** A pid in {@code postmaster.pid} names the server only if that process started within this of its start time. */
    private static final long START_TOLERANCE_SECONDS = 10;

    private static Embedded embedded;
    private static Path embeddedDir;
    /** The server this process started (null when it joined the server of another process). */
    private static EmbeddedPostgres started;
    /** The owner file, open (and its users' lock held, shared) as long as this process uses the server. */
    private static FileChannel owner;
    private static FileLock using;

    /**
     * {@code db.owner} beside the data folder {@code db}, owner-only (0600): the process that started the server
     * writes its pid and start time there (for people; the decisions are made by its locks). Every process using
     * the server holds a shared lock on it; a start, a join and a leave take turns through an exclusive one.
     */
    public static Path ownerFile(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + ".owner");
    }

    /**
     * Starts the embedded server on {@code dataDir}, or joins it when another live SlateCheck process uses it (once
     * per JVM). A server no live process uses is an orphan of a killed run: it is stopped first and a lock file it
     * left is cleared.
     */
    public static synchronized Embedded embedded(Path dataDir) {
        if (embedded == null) {
            Path dir = dataDir.toAbsolutePath().normalize();
            FileChannel channel = null;
            try {
                PrivateFolders.create(dir);
                channel = openOwnerFile(ownerFile(dir));
                FileLock turn = turn(channel, TURN_WAIT_MILLIS);
                if (turn == null) {
                    throw new DataFolderInUseException(dir);
                }
                try {
                    boolean inUse = !alone(channel) || heldByAnotherProcess(dir.resolve("epg-lock"));
                    FileLock use = channel.tryLock(USERS, 1, true); // only a probe under the turn excludes it
                    if (use == null) {
                        throw new DataFolderInUseException(dir);
                    }
                    embedded = inUse ? join(dir) : start(dir, channel);
                    embeddedDir = dir;
                    owner = channel;
                    using = use;
                } finally {
                    if (channel.isOpen()) {
                        turn.release();
                    }
                }
                Runtime.getRuntime().addShutdownHook(new Thread(DatabaseConfig::leave, "slatecheck-database"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            } finally {
                if (embedded == null) {
                    close(channel);
                }
            }
        }
        return embedded;
    }

    private static FileChannel openOwnerFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another process created it just now
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            }
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")
                && !Files.getPosixFilePermissions(file).equals(OWNER_FILE)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_FILE =
            PosixFilePermissions.fromString("rw-------");

    /** The exclusive turn to start, join or leave; null after {@code millis} without it. */
    private static FileLock turn(FileChannel channel, long millis) throws IOException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (true) {
            FileLock turn = channel.tryLock(TURN, 1, false);
            if (turn != null || System.nanoTime() > end) {
                return turn;
            }
            pause(100);
        }
    }

    /** Whether no other process uses the server (nobody holds the users' lock); asked during one's turn only. */
    private static boolean alone(FileChannel channel) throws IOException {
        FileLock probe = channel.tryLock(USERS, 1, false);
        if (probe == null) {
            return false;
        }
        probe.release();
        return true;
    }

    /**
     * Whether another live process holds the lock the embedded server's library takes in the data folder while it
     * runs a server there (a SlateCheck before issue 17 does not take the owner file's locks).
     */
    private static boolean heldByAnotherProcess(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = c.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** Starts the server (no live process uses the folder): stops an orphan first, records this process as owner. */
    private static Embedded start(Path dir, FileChannel channel) throws IOException {
        stopOrphan(dir);
        Path lock = dir.resolve("postmaster.pid");
        if (Files.exists(lock) && postmaster(dir).isEmpty()) {
            Files.delete(lock);
        }
        Path work = dir.resolveSibling(dir.getFileName() + "-work");
        PrivateFolders.create(work);
        started = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile()).setRegisterShutdownHook(false).start();
        PrivateFolders.create(work); // the server unpacks its binaries there: owner only, also afterwards
        ProcessHandle self = ProcessHandle.current();
        byte[] text = ("pid " + self.pid() + "\nstarted " + self.info().startInstant().map(Object::toString).orElse("?")
                + "\nport " + started.getPort() + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0); // through this channel: closing another one would drop its locks
        channel.force(false);
        LOG.info("embedded PostgreSQL started on port {} with data in {}", started.getPort(), dir);
        return new Embedded(started.getPort(), true);
    }

    /**
     * Joins the server of the live SlateCheck process that uses the folder: its port from {@code postmaster.pid},
     * once it accepts connections (at most {@link #JOIN_WAIT_MILLIS}); otherwise the folder is in use and this
     * process leaves the server alone.
     */
    private static Embedded join(Path dir) {
        long end = System.nanoTime() + JOIN_WAIT_MILLIS * 1_000_000;
        while (true) {
            Optional<Postmaster> running = postmaster(dir);
            if (running.isPresent() && !running.get().status().equals("stopping")) {
                Embedded db = new Embedded(running.get().port(), false);
                try (Connection c = db.getPostgresDatabase().getConnection()) {
                    c.createStatement().execute("select 1");
                    LOG.info("using the embedded PostgreSQL of the running SlateCheck on port {} with data in {}",
                            db.port(), dir);
                    return db;
                } catch (SQLException e) {
                    // not ready (yet)
                }
            }
            if (System.nanoTime() > end) {
                throw new DataFolderInUseException(dir);
            }
            pause(250);
        }
    }

    /** The running postmaster named by {@code postmaster.pid}: process, port and status (ready, starting, stopping). */
    record Postmaster(ProcessHandle process, int port, String status) {
    }

    /**
     * The postmaster {@code dir/postmaster.pid} names, when it runs: the pid is alive and that process started when
     * the file says the server started (line 3) — a pid reused by another process after a restart of the machine is
     * not taken for the server.
     */
    static Optional<Postmaster> postmaster(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            long since = Long.parseLong(lines.get(2).strip());
            int port = Integer.parseInt(lines.get(3).strip());
            String status = lines.size() > 7 ? lines.get(7).strip() : "";
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().startInstant()
                            .map(at -> Math.abs(at.getEpochSecond() - since) <= START_TOLERANCE_SECONDS).orElse(true))
                    .map(p -> new Postmaster(p, port, status));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A server left running by a process that was killed (no live process uses the folder: this one holds the turn
     * and found the users' lock free) is stopped, so this start can use the data folder.
     */
    private static void stopOrphan(Path dir) {
        postmaster(dir).ifPresent(p -> {
            LOG.warn("stopping an orphaned embedded PostgreSQL (pid {}) left by a killed run", p.process().pid());
            p.process().destroy();
            try {
                p.process().onExit().orTimeout(30, TimeUnit.SECONDS).join();
            } catch (CompletionException e) {
                LOG.warn("could not stop an orphaned embedded PostgreSQL: {}", e.getClass().getSimpleName());
            }
        });
    }

    /**
     * At the end of this process: it stops using the server; the last process using it stops it (fast, when this
     * process started it; otherwise a smart shutdown, which ends once this process's connections are closed).
     */
    private static synchronized void leave() {
        if (owner == null) {
            return;
        }
        try {
            FileLock turn = turn(owner, LEAVE_WAIT_MILLIS);
            if (turn == null) {
                return; // another process is starting or leaving: it decides; ending this process frees the locks
            }
            using.release();
            if (alone(owner)) {
                if (started != null) {
                    started.close();
                } else {
                    postmaster(embeddedDir).ifPresent(p -> {
                        LOG.info("stopping the embedded PostgreSQL (pid {}): no SlateCheck uses it any more",
                                p.process().pid());
                        p.process().destroy();
                    });
                }
            }
            turn.release();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getClass().getSimpleName());
        } finally {
            close(owner);
            owner = null;
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the locks; nothing else to do
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded PostgreSQL", e);
        }
    }
}
