package org.slatecheck.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slatecheck.rules.intake.NomineeCodec;
import org.slatecheck.rules.model.Nominee;

/**
 * Partition files of a batch: every validated nominee, with the line it came from, in the partition of its congress
 * (and, for a row with errors, only its congress id and nominee id, so that ids used twice are found among all rows
 * as an interactive check finds them)
 * (by hash of the congress id), so that one partition at a time holds whole lists and memory stays bounded. Workers
 * encode a chunk of rows into buffers of their own and append each buffer to its partition under that partition's
 * lock; the order inside a partition may therefore differ from the file, and readers sort a list by line.
 */
public final class Spill implements Closeable {
    /**
     * A row read back from a partition: its line in the nominees file, its congress and nominee ids, and the nominee
     * (null for a row that had errors).
     */
    public record Spilled(long line, String congressId, String nomineeId, Nominee nominee) {
    }

    private static final byte NOMINEE = 0;
    private static final byte IDS = 1;

    private final DataOutputStream[] outs;

    public Spill(Path dir, int partitions) throws IOException {
        outs = new DataOutputStream[partitions];
        try {
            for (int p = 0; p < partitions; p++) {
                outs[p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(dir, p)), 1 << 16));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private static Path file(Path dir, int p) {
        return dir.resolve("part-" + p + ".bin");
    }

    static int partition(String congressId, int partitions) {
        return Math.floorMod(congressId.hashCode(), partitions);
    }

    public Chunk chunk() {
        return new Chunk();
    }

    /** The spill output of one worker's chunk of rows. */
    public final class Chunk {
        private final ByteArrayOutputStream[] buffers = new ByteArrayOutputStream[outs.length];

        public void add(long line, Nominee n) {
            try {
                DataOutputStream out = buffer(n.getCongressId());
                out.writeLong(line);
                out.writeByte(NOMINEE);
                NomineeCodec.write(out, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A row with errors: only its ids, for the duplicate-id check. */
        public void addIds(long line, String congressId, String nomineeId) {
            try {
                DataOutputStream out = buffer(congressId);
                out.writeLong(line);
                out.writeByte(IDS);
                out.writeUTF(congressId);
                out.writeUTF(nomineeId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private DataOutputStream buffer(String congressId) {
            int p = partition(congressId, outs.length);
            if (buffers[p] == null) {
                buffers[p] = new ByteArrayOutputStream(4096);
            }
            return new DataOutputStream(buffers[p]);
        }

        public void flush() {
            for (int p = 0; p < buffers.length; p++) {
                if (buffers[p] != null) {
                    synchronized (outs[p]) {
                        try {
                            buffers[p].writeTo(outs[p]);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            }
        }
    }

    /** Every row of partition {@code p}. */
    public static List<Spilled> read(Path dir, int p) throws IOException {
        List<Spilled> all = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file(dir, p)),
                1 << 16))) {
            while (true) {
                long line;
                try {
                    line = in.readLong();
                } catch (EOFException end) {
                    return all;
                }
                if (in.readByte() == IDS) {
                    all.add(new Spilled(line, in.readUTF(), in.readUTF(), null));
                } else {
                    Nominee n = NomineeCodec.read(in);
                    all.add(new Spilled(line, n.getCongressId(), n.getNomineeId(), n));
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (DataOutputStream out : outs) {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
