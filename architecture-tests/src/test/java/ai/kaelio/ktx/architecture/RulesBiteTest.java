package ai.kaelio.ktx.architecture;

import static ai.kaelio.ktx.architecture.ImportedClasses.FIXTURE_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.EvaluationResult;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves every rule can fail: the same rule objects, built for the fixture root, pass on the well-formed
 * fixtures alone and name each broken fixture once the broken ones are added. A rule that cannot fail
 * would otherwise pass forever, whatever the production code does.
 */
class RulesBiteTest {

    private static final KtxRules RULES = new KtxRules(FIXTURE_ROOT);

    /** Rule name, then the fixture classes that break it; the report must name the first. */
    static Stream<Arguments> brokenFixtures() {
        return Stream.of(
                broken("onionArchitecture", "application.port.out.WidgetCache"),
                broken("onionArchitecture", "util.Strings"),
                broken("domainDependsOnlyOnItselfAndTheJdk", "domain.JsonWidget"),
                broken("applicationDependsOnNoFramework", "application.service.InjectorBackedWidgets"),
                broken("jacksonMapsAndTreesOnlyInAdaptersFs", "adapters.process.JacksonProbeParser"),
                broken("ztExecOnlyInAdaptersProcess", "adapters.fs.ProcessBackedWidgets"),
                broken("jlineOnlyInAdaptersCli", "adapters.process.TerminalProbe"),
                broken("picocliOnlyInAdaptersCli", "adapters.process.PicocliArguments"),
                broken("picocliOnlyInAdaptersCli", "bootstrap.UsagePrinter"),
                broken("adaptersReachTheApplicationOnlyThroughPorts", "adapters.fs.ServiceReachingStore"),
                broken("adaptersReachTheApplicationOnlyThroughPorts", "adapters.cli.StoreReachingCommand"),
                broken("adaptersDoNotDependOnEachOther", "adapters.cli.FsReachingCommand"),
                broken("noCyclesBetweenPackages", "domain.cycle.Chicken", "domain.cycle.egg.Egg"),
                broken("cliPartsPointAwayFromTheCommands", "adapters.cli.output.CommandReachingOutput"),
                broken("cliPartsPointAwayFromTheCommands", "adapters.cli.terminal.OutputReachingTerminal"),
                broken("useCasesAreOneMethodInterfacesInPortIn", "application.port.in.ManageWidgetsUseCase"),
                broken("useCasesAreOneMethodInterfacesInPortIn", "application.service.RenameWidgetUseCase"),
                broken("inPortsHoldOnlyUseCasesAndWhatTheyExchange", "application.port.in.WidgetQueries"),
                broken("servicesAreNamedAfterTheirUseCase", "application.service.WidgetFetcher"),
                broken("outPortsAreInterfaces", "application.port.out.InMemoryWidgetStore"),
                broken("onlyConstructorInjection", "adapters.fs.FieldInjectedWidgets"),
                broken("onlyConstructorInjection", "adapters.fs.SetterInjectedWidgets"),
                broken("onlyBootstrapAndCliOutputUseStandardStreams", "adapters.cli.DebugPrinter"),
                broken("onlyBootstrapAndCliOutputUseStandardStreams", "adapters.fs.StackTraceLogger"),
                broken("adaptersArePackagePrivateWithHiddenConstructors", "adapters.fs.PublicWidgetStore"),
                broken("adaptersArePackagePrivateWithHiddenConstructors", "adapters.fs.OpenConstructorWidgetStore"),
                broken("eachAdapterHasAPublicGuiceModule", "adapters.smtp.SmtpWidgetStore"));
    }

    static Stream<String> ruleNames() {
        return RULES.all().keySet().stream();
    }

    @ParameterizedTest(name = "{0} passes the well-formed fixtures")
    @MethodSource("ruleNames")
    void ruleAcceptsTheWellFormedFixtures(String rule) {
        EvaluationResult result = RULES.all().get(rule).evaluate(ImportedClasses.fixturesWithout(allBroken()));

        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("brokenFixtures")
    void ruleRejectsItsBrokenFixture(String rule, List<String> broken) {
        // The well-formed fixtures and this case's broken ones only: ArchUnit 1.4's cycle search, for one,
        // reported one cycle of the fixtures and missed Chicken's once the CLI parts' fixtures were added.
        Set<String> others = new java.util.HashSet<>(allBroken());
        others.removeAll(broken);
        EvaluationResult result = RULES.all().get(rule).evaluate(ImportedClasses.fixturesWithout(others));

        assertThat(result.getFailureReport().getDetails()).anyMatch(detail -> detail.contains(broken.get(0)));
    }

    /**
     * Rules judge all broken fixtures in one import, which keeps this test fast. A report line naming a
     * broken fixture is about that fixture itself only while no other class depends on it; this keeps it so.
     */
    @Test
    void nothingDependsOnABrokenFixtureFromOutsideItsCase() {
        JavaClasses fixtures = ImportedClasses.fixtures();

        brokenFixtures().map(arguments -> (List<?>) arguments.get()[1]).forEach(own -> assertThat(fixtures.stream()
                        .filter(c -> !belongsTo(c, own))
                        .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                        .filter(dependency -> belongsTo(dependency.getTargetClass(), own))
                        .map(Dependency::getDescription))
                .isEmpty());
    }

    @Test
    void everyRuleHasABrokenFixtureAndAProductionTest() {
        Set<String> rules = RULES.all().keySet();
        Set<String> proven = brokenFixtures().map(arguments -> (String) arguments.get()[0]).collect(Collectors.toSet());
        Set<String> checked = Arrays.stream(ArchitectureTest.class.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());

        assertThat(rules).hasSize(19);
        assertThat(proven).containsExactlyInAnyOrderElementsOf(rules);
        assertThat(checked).containsAll(rules);
    }

    @Test
    void everyBrokenFixtureExists() {
        JavaClasses fixtures = ImportedClasses.fixtures();

        assertThat(allBroken()).allMatch(fixtures::contain);
    }

    /** Names are relative to the fixture root: most broken fixtures are package-private on purpose. */
    private static Arguments broken(String rule, String... relativeNames) {
        return Arguments.of(rule, Arrays.stream(relativeNames).map(name -> FIXTURE_ROOT + "." + name).toList());
    }

    private static Set<String> allBroken() {
        return brokenFixtures()
                .flatMap(arguments -> ((List<?>) arguments.get()[1]).stream().map(String.class::cast))
                .collect(Collectors.toSet());
    }

    private static boolean belongsTo(JavaClass c, List<?> classNames) {
        return classNames.stream().anyMatch(name -> c.getName().equals(name) || c.getName().startsWith(name + "$"));
    }
}
