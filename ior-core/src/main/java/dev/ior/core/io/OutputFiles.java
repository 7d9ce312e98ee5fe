package dev.ior.core.io;

import dev.ior.core.IorException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the files ior writes (recordings, exports, flamegraphs). ior runs as root
 * and its files hold every user's paths, so a file is created new (never replacing
 * or following a symlink: O_CREAT|O_EXCL), with mode 0600, and handed to the user
 * who ran sudo.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Creates {@code path} for writing (and reading back what was written); one-line
     * {@link IorException} if it cannot.
     */
    public static FileChannel createExclusive(Path path) {
        try {
            FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            giveToSudoUser(path);
            return channel;
        } catch (FileAlreadyExistsException e) {
            throw new IorException(path + " already exists: ior does not overwrite files, choose another name");
        } catch (NoSuchFileException e) {
            throw new IorException("cannot create " + path + ": the directory " + path.toAbsolutePath().getParent()
                    + " does not exist");
        } catch (AccessDeniedException e) {
            throw new IorException("cannot create " + path + ": permission denied");
        } catch (FileSystemException e) {
            throw new IorException("cannot create " + path + ": " + reason(e));
        } catch (IOException e) {
            throw new IorException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * What identifies the file at {@code path} (device and inode), without following a
     * symlink; null when nothing is there. A file ior created that no longer has its
     * identity was removed or replaced under it.
     */
    public static Object identity(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** {@link #createExclusive} as a stream. */
    public static OutputStream newOutputStream(Path path) {
        return Channels.newOutputStream(createExclusive(path));
    }

    /** Creates {@code dir} and its parents if missing, also owned by the sudo user. */
    public static void createDirectories(Path dir) {
        try {
            Path missing = dir.toAbsolutePath();
            while (missing.getParent() != null && !Files.exists(missing.getParent())) {
                missing = missing.getParent();
            }
            Files.createDirectories(dir);
            for (Path d = dir.toAbsolutePath(); d != null && d.startsWith(missing); d = d.getParent()) {
                giveToSudoUser(d);
            }
        } catch (IOException e) {
            throw new IorException("cannot create the directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Under sudo, the invoking user owns what ior creates, not root. Best effort: it
     * fails only when ior is not root, and then the file is the user's already.
     */
    private static void giveToSudoUser(Path path) {
        String uid = System.getenv("SUDO_UID");
        String gid = System.getenv("SUDO_GID");
        if (uid == null || gid == null || !uid.matches("\\d+") || !gid.matches("\\d+")) {
            return;
        }
        try {
            Files.setAttribute(path, "unix:uid", Integer.parseInt(uid), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", Integer.parseInt(gid), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            // not root: nothing to hand over
        }
    }

    private static String reason(FileSystemException e) {
        String reason = e.getReason();
        return reason == null ? e.getMessage() : reason;
    }
}
