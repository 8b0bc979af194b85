package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.application.port.in.TextSource;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The lines of a file or of standard input as texts, read as they come (never the whole input at once).
 * Each line is decoded as strict UTF-8 on its own, so bytes that are not UTF-8 stop the run naming their
 * line instead of being embedded as replacement characters. A trailing CR (a file from Windows) is not
 * part of the text.
 */
final class TextLines implements TextSource {

    private final InputStream input;
    private final String name;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private long lineNumber;

    TextLines(InputStream input, String name) {
        this.input = new BufferedInputStream(input, 64 * 1024);
        this.name = name;
    }

    @Override
    public Optional<String> next() throws IOException {
        line.reset();
        int next;
        while ((next = input.read()) != -1 && next != '\n') {
            line.write(next);
        }
        if (next == -1 && line.size() == 0) {
            return Optional.empty();
        }
        lineNumber++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return Optional.of(utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString());
        } catch (CharacterCodingException e) {
            throw new UnreadableInput(name + " is not UTF-8 text (line " + lineNumber + ")");
        }
    }

    /** Input that cannot be read as texts; the message is the sentence to show. */
    static final class UnreadableInput extends IOException {
        UnreadableInput(String message) {
            super(message);
        }
    }
}
