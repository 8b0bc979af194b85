package ai.kaelio.ktx.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Imports once per run: the production jars, and separately the broken fixtures that prove the rules bite. */
final class ImportedClasses {

    static final String PRODUCTION_ROOT = "ai.kaelio.ktx";
    static final String FIXTURE_ROOT = "ai.kaelio.ktx.archfixtures";

    private static JavaClasses production;
    private static final Map<Set<String>, JavaClasses> FIXTURES = new HashMap<>();

    private ImportedClasses() {
    }

    /**
     * The modules' main classes as the test class path has them: jars from the local repository when this
     * module is built alone, target/classes in a reactor build. DoNotIncludeTests drops test classes; the
     * fixture exclusion is spelled out as well, because a fixture in the production import would fail the
     * build for the wrong reason, or worse, make a broken rule look satisfied.
     */
    static synchronized JavaClasses production() {
        if (production == null) {
            production = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.contains("/" + FIXTURE_ROOT.replace('.', '/') + "/"))
                    .importPackages(PRODUCTION_ROOT);
        }
        return production;
    }

    static JavaClasses fixtures() {
        return fixturesWithout(Set.of());
    }

    /**
     * The fixtures minus some classes, left out at import time: filtering an imported set would not do,
     * because a class keeps its incoming dependencies from classes filtered away, and rules such as the
     * onion architecture judge exactly those.
     */
    static synchronized JavaClasses fixturesWithout(Set<String> excludedClassNames) {
        return FIXTURES.computeIfAbsent(Set.copyOf(excludedClassNames), excluded -> new ClassFileImporter()
                .withImportOption(location -> excluded.stream().noneMatch(name -> isClassFileOf(location, name)))
                .importPackages(FIXTURE_ROOT));
    }

    private static boolean isClassFileOf(Location location, String className) {
        String path = "/" + className.replace('.', '/');
        return location.contains(path + ".class") || location.contains(path + "$");
    }
}
