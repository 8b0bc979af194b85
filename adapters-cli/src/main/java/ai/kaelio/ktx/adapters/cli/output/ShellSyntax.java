package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.domain.RuntimeActivation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shells {@code ktx runtime env} speaks, each with its own way to set and unset a variable and to
 * quote a value so that the shell reads it back exactly: every character of a path is data, none syntax.
 */
public enum ShellSyntax {

    /** POSIX shells (bash, zsh, sh, dash, ksh): single quotes take everything literally but {@code '}. */
    BASH("bash") {
        @Override
        public String render(RuntimeActivation activation) {
            return posix(activation);
        }
    },
    ZSH("zsh") {
        @Override
        public String render(RuntimeActivation activation) {
            return posix(activation);
        }
    },
    /** fish's {@code PATH} is a list: one quoted word per entry. In its single quotes only {@code \} and {@code '} are escaped. */
    FISH("fish") {
        @Override
        public String render(RuntimeActivation activation) {
            StringBuilder script = new StringBuilder();
            activation.variables().forEach((name, value) -> {
                List<String> words = name.equals(RuntimeActivation.PATH)
                        ? List.of(value.split(Pattern.quote(activation.platform().pathSeparator()), -1)) : List.of(value);
                script.append("set -gx ").append(name);
                words.forEach(word -> script.append(' ').append(fishQuote(word)));
                script.append('\n');
            });
            activation.unset().forEach(name -> script.append("set -e ").append(name).append('\n'));
            return script.toString();
        }
    },
    /**
     * PowerShell's single quotes take everything literally but a quote, doubled to escape it; it counts
     * the typographic single quotes as quotes too.
     */
    POWERSHELL("powershell") {
        @Override
        public String render(RuntimeActivation activation) {
            StringBuilder script = new StringBuilder();
            activation.variables().forEach((name, value) ->
                    script.append("$env:").append(name).append(" = ").append(powershellQuote(value)).append('\n'));
            activation.unset().forEach(name ->
                    script.append("Remove-Item -ErrorAction SilentlyContinue Env:").append(name).append('\n'));
            return script.toString();
        }
    },
    /**
     * A batch file for {@code call}: {@code set "NAME=value"} takes the value literally up to its last quote,
     * except {@code %}, doubled in a batch file. Windows paths cannot hold a quote.
     */
    CMD("cmd") {
        @Override
        public String render(RuntimeActivation activation) {
            StringBuilder script = new StringBuilder();
            activation.variables().forEach((name, value) ->
                    script.append("@set \"").append(name).append('=').append(value.replace("%", "%%")).append("\"\r\n"));
            activation.unset().forEach(name -> script.append("@set ").append(name).append("=\r\n"));
            return script.toString();
        }
    },
    /** For programs: {@code {"PATH": …, "VIRTUAL_ENV": …, "unset": [...]}}. */
    JSON("json") {
        @Override
        public String render(RuntimeActivation activation) {
            return JsonDocument.render(json -> {
                json.writeStartObject();
                for (Map.Entry<String, String> variable : activation.variables().entrySet()) {
                    json.writeStringField(variable.getKey(), variable.getValue());
                }
                JsonDocument.strings(json, "unset", activation.unset());
                json.writeEndObject();
            }) + "\n";
        }
    };

    private final String id;

    ShellSyntax(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The script that, read by this shell, applies {@code activation}. */
    public abstract String render(RuntimeActivation activation);

    static List<String> ids() {
        return Arrays.stream(values()).map(ShellSyntax::id).toList();
    }

    public static ShellSyntax parse(String value) {
        return Arrays.stream(values()).filter(shell -> shell.id.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown shell: " + value + " (expected " + String.join(", ", ids()) + ")"));
    }

    /**
     * The user's login shell, from {@code $SHELL}'s file name ({@code /usr/bin/fish}, {@code pwsh.exe}); any
     * other shell, or none, gets bash's syntax, which every POSIX shell reads.
     */
    public static ShellSyntax ofLoginShell(Optional<String> shellVariable) {
        String path = shellVariable.orElse("");
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT).replaceFirst("\\.exe$", "");
        return switch (name) {
            case "zsh" -> ZSH;
            case "fish" -> FISH;
            case "pwsh", "powershell" -> POWERSHELL;
            default -> BASH;
        };
    }

    private static String posix(RuntimeActivation activation) {
        StringBuilder script = new StringBuilder();
        activation.variables().forEach((name, value) ->
                script.append("export ").append(name).append('=').append(posixQuote(value)).append('\n'));
        activation.unset().forEach(name -> script.append("unset ").append(name).append('\n'));
        return script.toString();
    }

    static String posixQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static String fishQuote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String powershellQuote(String value) {
        StringBuilder quoted = new StringBuilder("'");
        value.codePoints().forEach(c -> {
            quoted.appendCodePoint(c);
            if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('\'').toString();
    }
}
