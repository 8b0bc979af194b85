package ai.kaelio.ktx.adapters.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * Replaces a file so that readers see either the old content or the new, never a torn mix, even if the
 * process is killed midway: write a sibling, flush it to disk, rename it over the target, flush the
 * directory. Writers of one file are serialised by the version lock, so a fixed sibling name is enough
 * and a killed writer's leftover is simply overwritten next time.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static void write(Path target, byte[] content) throws IOException {
        write(target, content, new FileAttribute<?>[0]);
    }

    /** As {@link #write(Path, byte[])}, for content only the owner may read (a token): mode 0600 from the start. */
    static void writeOwnerOnly(Path target, byte[] content) throws IOException {
        write(target, content, OwnerOnly.file(target));
    }

    private static void write(Path target, byte[] content, FileAttribute<?>... attributes) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        // A fresh file, never one planted in our place: a link left there would redirect the write.
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(temporary, Set.of(
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(target.getParent());
    }

    /** Makes the rename itself durable; not every platform can open a directory, and that is fine. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: Windows cannot open directories this way, and the rename is already done.
        }
    }
}
