package org.slatecheck.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slatecheck.rules.intake.InputError;

/**
 * The input errors of a batch, collected from parallel workers: all are counted, and the first {@code max} in file
 * order (the congresses file first, then by line, then in the order a row reported them) are kept, whatever order the
 * workers found them in. Thread-safe.
 */
final class Errors {
    private record Key(int file, long line, int index) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(file, o.file);
            if (c == 0) {
                c = Long.compare(line, o.line);
            }
            return c != 0 ? c : Integer.compare(index, o.index);
        }
    }

    private final int max;
    private final String congressesFile;
    private final AtomicLong count = new AtomicLong();
    private final TreeMap<Key, InputError> kept = new TreeMap<>();
    private int added;

    Errors(int max, String congressesFile) {
        this.max = max;
        this.congressesFile = congressesFile;
    }

    void addAll(List<InputError> more) {
        if (more.isEmpty()) {
            return;
        }
        count.addAndGet(more.size());
        synchronized (kept) {
            for (InputError e : more) {
                kept.put(new Key(e.file().equals(congressesFile) ? 0 : 1, e.line(), added++), e);
                if (kept.size() > max) {
                    kept.pollLastEntry();
                }
            }
        }
    }

    long count() {
        return count.get();
    }

    /** The kept errors in file order. */
    List<InputError> sorted() {
        synchronized (kept) {
            return new ArrayList<>(kept.values());
        }
    }
}
