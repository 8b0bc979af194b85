package ai.kaelio.ktx.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The predicates and conditions that ArchUnit's fluent API cannot say directly. */
final class KtxConditions {

    private static final String GUICE_MODULE = "com.google.inject.AbstractModule";
    private static final List<String> INJECT_ANNOTATIONS =
            List.of("jakarta.inject.Inject", "com.google.inject.Inject", "javax.inject.Inject");

    private KtxConditions() {
    }

    static DescribedPredicate<JavaClass> exactlyOneMethod() {
        return describe("exactly one method", c -> c.getMethods().size() == 1);
    }

    static DescribedPredicate<JavaClass> aPublicConstructor() {
        return describe("a public constructor", c -> c.getConstructors().stream()
                .anyMatch(constructor -> constructor.getModifiers().contains(JavaModifier.PUBLIC)));
    }

    static DescribedPredicate<JavaAnnotation<?>> anInjectAnnotation() {
        return describe("@Inject (" + String.join(", ", INJECT_ANNOTATIONS) + ")",
                annotation -> INJECT_ANNOTATIONS.contains(annotation.getRawType().getName()));
    }

    static DescribedPredicate<JavaClass> inPortMember() {
        // Observers and confirmations are the callbacks a front end hands a use case: one hears, one answers.
        // Sources and sinks are the streams a streaming use case reads its input from and writes its output to.
        return describe("a *UseCase, *Observer, *Confirmation, *Source or *Sink interface, a sealed result, a record or an enum",
                c -> c.isRecord()
                        || c.isEnum()
                        || c.isInterface() && (c.getSimpleName().endsWith("UseCase")
                                || c.getSimpleName().endsWith("Observer")
                                || c.getSimpleName().endsWith("Confirmation")
                                || c.getSimpleName().endsWith("Source")
                                || c.getSimpleName().endsWith("Sink")
                                // ArchUnit does not model sealing; the classes are on the test classpath.
                                || c.reflect().isSealed()));
    }

    static DescribedPredicate<JavaClass> outPortMember() {
        return describe("an interface, or a record or enum nested in one",
                c -> c.isInterface() || c.isNestedClass() && (c.isRecord() || c.isEnum()));
    }

    /** Matches the enclosing top-level class's name too, so anonymous and nested classes share its licence. */
    static DescribedPredicate<JavaClass> topLevelSimpleNameEndingWith(String suffix) {
        return describe("are (nested in) classes named *" + suffix,
                c -> topLevel(c).getSimpleName().endsWith(suffix));
    }

    static DescribedPredicate<JavaClass> implementAUseCaseIn(String portInPackage) {
        return describe("implement a *UseCase", c -> !useCasesOf(c, portInPackage).isEmpty());
    }

    static ArchCondition<JavaClass> beNamedAfterTheOneUseCaseTheyImplement(String portInPackage) {
        return new ArchCondition<>("be named <X>Service and implement exactly the use case <X>UseCase") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                Set<String> useCases = useCasesOf(service, portInPackage);
                String name = service.getSimpleName();
                boolean named = name.endsWith("Service")
                        && useCases.equals(Set.of(name.substring(0, name.length() - "Service".length()) + "UseCase"));
                events.add(new SimpleConditionEvent(service, named, String.format(
                        "Class <%s> implements use cases %s, so its name should be the use case's with "
                                + "Service for UseCase", service.getName(), useCases)));
            }
        };
    }

    static ArchCondition<Slice> containAPublicGuiceModule() {
        return new ArchCondition<>("contain a public *Module extending " + GUICE_MODULE) {
            @Override
            public void check(Slice slice, ConditionEvents events) {
                boolean found = slice.stream().anyMatch(c -> c.getSimpleName().endsWith("Module")
                        && c.getModifiers().contains(JavaModifier.PUBLIC)
                        && c.isAssignableTo(GUICE_MODULE));
                Set<String> classes = slice.stream()
                        .map(JavaClass::getName)
                        .collect(Collectors.toCollection(TreeSet::new));
                events.add(new SimpleConditionEvent(slice, found, String.format(
                        "%s %s a public *Module extending AbstractModule; its classes: %s",
                        slice.getDescription(), found ? "has" : "lacks", classes)));
            }
        };
    }

    private static Set<String> useCasesOf(JavaClass c, String portInPackage) {
        PackageMatcher portIn = PackageMatcher.of(portInPackage);
        return c.getAllRawInterfaces().stream()
                .filter(i -> i.getSimpleName().endsWith("UseCase") && portIn.matches(i.getPackageName()))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
