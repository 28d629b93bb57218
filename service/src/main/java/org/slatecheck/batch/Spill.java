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
 * (by hash of the congress id), so that one partition at a time holds whole lists and memory stays bounded. Workers
 * encode a chunk of rows into buffers of their own and append each buffer to its partition under that partition's
 * lock; the order inside a partition may therefore differ from the file, and readers sort a list by line.
 */
public final class Spill implements Closeable {
    /** A nominee read back from a partition, with its line in the nominees file. */
    public record Spilled(long line, Nominee nominee) {
    }

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
            int p = partition(n.getCongressId(), outs.length);
            if (buffers[p] == null) {
                buffers[p] = new ByteArrayOutputStream(4096);
            }
            try {
                DataOutputStream out = new DataOutputStream(buffers[p]);
                out.writeLong(line);
                NomineeCodec.write(out, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    /** Every nominee of partition {@code p}. */
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
                all.add(new Spilled(line, NomineeCodec.read(in)));
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
