package io.github.backprop4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.backprop4j.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link SafeTensors#save} promises about the file system (docs/robustness.md): it replaces
 * only a regular file, refuses everything else with one clear message, leaves no temporary file
 * behind, and gives the new file the mode any program creating a file gets under the umask.
 */
class SafeTensorsSaveTest {
    private static final Map<String, Tensor> TENSORS = Map.of("w", Tensor.of(1.0f, 2.0f, 3.0f));

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean isOther(Path p) throws IOException {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .isOther();
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void replacesARegularFileAndLeavesNothingElse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.safetensors");
        Files.writeString(file, "old contents");
        SafeTensors.save(file, TENSORS);
        assertArrayEquals(new float[] {1, 2, 3}, SafeTensors.load(file).get("w").toFloatArray());
        assertEquals(List.of("model.safetensors"), names(dir));
    }

    @Test
    void theNewFileGetsTheModeOfAnyNewlyCreatedFile(@TempDir Path dir) throws IOException {
        assumeTrue(posix(dir));
        Path reference = dir.resolve("reference");
        try (OutputStream out = Files.newOutputStream(reference)) {
            out.write(1); // created the ordinary way: 0666 minus the umask
        }
        Path file = dir.resolve("model.safetensors");
        SafeTensors.save(file, TENSORS);
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        assertEquals(expected, Files.getPosixFilePermissions(file));
    }

    @Test
    void aMissingParentDirectoryIsNamedAsSuch(@TempDir Path dir) {
        Path file = dir.resolve("no-such-dir/model.safetensors");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SafeTensors.save(file, TENSORS));
        assertTrue(e.getMessage().contains("directory " + dir.resolve("no-such-dir") + " does not exist"),
                e.getMessage());
    }

    @Test
    void refusesADirectoryAndKeepsIt(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("model.safetensors"));
        Files.writeString(target.resolve("inside"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SafeTensors.save(target, TENSORS));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertEquals(List.of("inside"), names(target));
        assertEquals(List.of("model.safetensors"), names(dir));
    }

    @Test
    void refusesAFifoAndKeepsIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(30, TimeUnit.SECONDS)
                && Files.exists(fifo, LinkOption.NOFOLLOW_LINKS));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SafeTensors.save(fifo, TENSORS));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertTrue(isOther(fifo), "the FIFO is still a FIFO");
        assertEquals(List.of("pipe"), names(dir));
    }

    /** A device node of its own (a null device made with mknod), never a real one under /dev. */
    @Test
    void refusesADeviceNode(@TempDir Path dir) throws Exception {
        Path device = dir.resolve("device");
        assumeTrue(new ProcessBuilder("mknod", device.toString(), "c", "1", "3").start().waitFor(30, TimeUnit.SECONDS)
                && Files.exists(device, LinkOption.NOFOLLOW_LINKS), "needs mknod (root)");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SafeTensors.save(device, TENSORS));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertTrue(isOther(device), "the device node is untouched");
        assertEquals(List.of("device"), names(dir));
    }

    @Test
    void refusesASymbolicLinkAndLeavesBothLinkAndTarget(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("real.safetensors");
        Files.writeString(real, "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.safetensors"), real.getFileName());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SafeTensors.save(link, TENSORS));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep me", Files.readString(real));
        assertEquals(List.of("link.safetensors", "real.safetensors"), names(dir));
    }

    @Test
    void aFailedSaveLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("busy"));
        assertThrows(UncheckedIOException.class, () -> SafeTensors.save(target, TENSORS));
        Map<String, Tensor> notSavable = Map.of(Header.METADATA_KEY, Tensor.of(1.0f));
        Path file = dir.resolve("m.safetensors");
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.save(file, notSavable));
        assertEquals(List.of("busy"), names(dir));
        assertFalse(Files.exists(file));
    }

    @Test
    void readingAMissingFileSaysItDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("absent.safetensors");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SafeTensors.load(missing));
        assertEquals("safetensors: cannot read " + missing + ": the file does not exist", e.getMessage());
    }

    @Test
    void readingADirectorySaysSo(@TempDir Path dir) {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SafeTensors.load(dir));
        assertTrue(e.getMessage().endsWith(": it is a directory"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void theWrittenBytesAreExactlyTheEncoding(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.safetensors");
        SafeTensors.save(file, TENSORS, Map.of("k", "v"));
        assertArrayEquals(SafeTensors.toBytes(TENSORS, Map.of("k", "v")), Files.readAllBytes(file));
        assertTrue(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains("\"k\":\"v\""));
    }
}
