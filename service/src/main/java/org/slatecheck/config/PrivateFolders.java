package org.slatecheck.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Every folder SlateCheck creates (the embedded database's data and work folders, {@code .slatecheck}, batch
 * uploads and spill folders) is readable by its owner only: mode 0700. A folder that already exists with a more
 * open mode is tightened to 0700 when SlateCheck uses it; folders SlateCheck did not create (the parents that
 * already existed) are never changed. On a file system without POSIX permissions nothing is changed.
 */
public final class PrivateFolders {
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFolders() {
    }

    /** Creates {@code dir} and its missing parents with mode 0700, or tightens {@code dir} to 0700; returns it. */
    public static Path create(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            if (posix) {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(p, OWNER_ONLY); // the umask may have taken bits away, never adds
            } else {
                Files.createDirectory(p);
            }
        }
        if (posix && !Files.getPosixFilePermissions(abs).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(abs, OWNER_ONLY);
        }
        return dir;
    }
}
