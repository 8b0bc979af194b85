package ai.kaelio.ktx.domain;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wheel's {@code Requires-Python} specifier set (PEP 440), for the clauses that appear in practice:
 * {@code >=, >, <=, <, ==, !=, ~=} with optional {@code .*} wildcards on {@code ==} and {@code !=}.
 * Checked before any environment is created so an unusable interpreter fails fast and clearly.
 */
public record PythonRequirement(String specifier, List<Clause> clauses) {

    private static final Pattern CLAUSE = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*([0-9][0-9.]*)(\\.\\*)?\\s*");

    public static final PythonRequirement ANY = new PythonRequirement("", List.of());

    public PythonRequirement {
        clauses = List.copyOf(clauses);
    }

    public static PythonRequirement parse(String specifier) {
        if (specifier == null || specifier.isBlank()) {
            return ANY;
        }
        List<Clause> clauses = Arrays.stream(specifier.split(",")).map(PythonRequirement::clause).toList();
        return new PythonRequirement(specifier.trim(), clauses);
    }

    private static Clause clause(String text) {
        Matcher matcher = CLAUSE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Unsupported Requires-Python clause: '" + text.trim() + "'");
        }
        boolean wildcard = matcher.group(3) != null;
        String operator = matcher.group(1);
        if (wildcard && !operator.equals("==") && !operator.equals("!=")) {
            throw new IllegalArgumentException("Unsupported Requires-Python clause: '" + text.trim() + "'");
        }
        return new Clause(operator, PythonVersion.parse(matcher.group(2)), wildcard);
    }

    public boolean isSatisfiedBy(PythonVersion version) {
        return clauses.stream().allMatch(clause -> clause.matches(version));
    }

    @Override
    public String toString() {
        return specifier.isEmpty() ? "any Python" : specifier;
    }

    /** One comparison, such as {@code >=3.10}. */
    public record Clause(String operator, PythonVersion version, boolean wildcard) {

        boolean matches(PythonVersion candidate) {
            return switch (operator) {
                case ">=" -> candidate.compareTo(version) >= 0;
                case ">" -> candidate.compareTo(version) > 0;
                case "<=" -> candidate.compareTo(version) <= 0;
                case "<" -> candidate.compareTo(version) < 0;
                case "==", "===" -> wildcard ? hasPrefix(candidate) : candidate.compareTo(version) == 0;
                case "!=" -> wildcard ? !hasPrefix(candidate) : candidate.compareTo(version) != 0;
                case "~=" -> compatible(candidate);
                default -> throw new IllegalStateException(operator);
            };
        }

        private boolean hasPrefix(PythonVersion candidate) {
            for (int i = 0; i < version.release().size(); i++) {
                if (candidate.segment(i) != version.segment(i)) {
                    return false;
                }
            }
            return true;
        }

        /** {@code ~=3.10.2} means {@code >=3.10.2, ==3.10.*}. */
        private boolean compatible(PythonVersion candidate) {
            List<Integer> prefix = version.release().subList(0, Math.max(1, version.release().size() - 1));
            return candidate.compareTo(version) >= 0
                    && new Clause("==", new PythonVersion(prefix), true).matches(candidate);
        }
    }
}
