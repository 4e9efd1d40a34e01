package io.github.backprop4j.nn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Writing a file so that nothing but a regular file is ever replaced, and never half-written:
 *
 * <ul>
 *   <li>The destination must be absent or a regular file. A directory, a device, a FIFO or a
 *       socket is refused, and so is a symbolic link: a link is left alone, never written
 *       through nor replaced (give the link's target to write there). Directories on the way to
 *       the file may be links.</li>
 *   <li>The bytes go to {@code NAME.backprop4j-PID-N.partial} next to the destination, are
 *       flushed to the disk ({@code fsync}), then renamed over the destination in one step. The
 *       temporary file is removed on every failure and when the JVM is shut down (Ctrl-C, kill);
 *       only a hard kill ({@code kill -9}) or a power cut can leave it, recognisable by its name.</li>
 *   <li>The new file gets the mode any newly created file gets under the umask (0644 under
 *       umask 022).</li>
 * </ul>
 *
 * <p>Every failure is an {@link UncheckedIOException} whose message is one line:
 * {@code cannot write PATH: REASON}, e.g. "the directory /x does not exist".
 */
public final class SafeFiles {
    /** The end of a temporary file's name. */
    public static final String TEMP_SUFFIX = ".partial";

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(SafeFiles::deleteQuietly),
                "backprop4j-remove-partial-files"));
    }

    private SafeFiles() {
    }

    /**
     * Checks, before any long work, that {@code path} can be written: its directory exists and
     * takes a new file, and the destination is absent or a regular file. It creates and removes
     * an empty temporary file to find out.
     *
     * @param path the file that will be written
     * @throws UncheckedIOException "cannot write PATH: REASON" when {@link #write} would fail
     *     before writing
     */
    public static void checkWritable(Path path) {
        Path tmp = createTemp(path);
        deleteQuietly(tmp);
    }

    /**
     * Writes {@code bytes} to {@code path} as the class comment describes: through a synced
     * temporary file renamed over the destination.
     *
     * @param path the destination: absent or a regular file
     * @param bytes the file's whole new content
     * @throws UncheckedIOException "cannot write PATH: REASON"; the destination is then unchanged
     */
    public static void write(Path path, byte[] bytes) {
        Path tmp = createTemp(path);
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            checkDestination(path); // again, just before replacing it
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw failure(path, reason(e));
        } finally {
            deleteQuietly(tmp);
        }
        syncDirectory(path.toAbsolutePath().getParent());
    }

    /**
     * Why an I/O operation failed, in words: "the file does not exist", "permission denied", ...
     *
     * @param e the failure
     * @return a short reason for a one-line message, without the path
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "the file does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Creates the (empty) temporary file next to {@code path}, after checking the destination. */
    private static Path createTemp(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        if (path.getFileName() == null || dir == null) {
            throw failure(path, "it is not a file name");
        }
        if (!Files.exists(dir)) {
            throw failure(path, "the directory " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw failure(path, dir + " is not a directory");
        }
        checkDestination(path);
        String prefix = path.getFileName() + ".backprop4j-" + ProcessHandle.current().pid() + "-";
        while (true) {
            Path tmp = dir.resolve(prefix + COUNTER.incrementAndGet() + TEMP_SUFFIX);
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                PENDING.add(tmp);
                return tmp;
            } catch (FileAlreadyExistsException taken) {
                // left by an earlier process with the same pid: take the next number
            } catch (AccessDeniedException e) {
                throw failure(path, "cannot create a file in " + dir + " (permission denied)");
            } catch (IOException e) {
                String why = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
                throw failure(path, "cannot create a file in " + dir + (why == null ? "" : " (" + why + ")"));
            }
        }
    }

    /** The destination is absent or a regular file (not a link, directory, device, FIFO or socket). */
    private static void checkDestination(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return;
        } catch (IOException e) {
            throw failure(path, reason(e));
        }
        if (attributes.isSymbolicLink()) {
            throw failure(path, "it is a symbolic link (to " + linkTarget(path) + "); links are neither "
                    + "replaced nor written through: give the file's own path");
        }
        if (attributes.isDirectory()) {
            throw failure(path, "it is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw failure(path, "it is not a regular file (a device, FIFO or socket); only regular files "
                    + "are replaced");
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Makes the rename durable; a file system that cannot sync a directory is left as it is. */
    private static void syncDirectory(@Nullable Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform opens directories; the file itself is already on the disk
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // nothing more can be done; the name says what it is
        }
        PENDING.remove(tmp);
    }

    private static UncheckedIOException failure(Path path, String reason) {
        return new UncheckedIOException("cannot write " + path + ": " + reason, new IOException(reason));
    }
}
