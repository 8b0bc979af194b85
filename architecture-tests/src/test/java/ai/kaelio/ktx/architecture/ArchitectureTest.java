package ai.kaelio.ktx.architecture;

import static ai.kaelio.ktx.architecture.ImportedClasses.FIXTURE_ROOT;
import static ai.kaelio.ktx.architecture.ImportedClasses.PRODUCTION_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The production code against ARCHITECTURE.md. RulesBiteTest proves that each of these rules can fail. */
class ArchitectureTest {

    private static final KtxRules RULES = new KtxRules(PRODUCTION_ROOT);

    private static JavaClasses classes() {
        return ImportedClasses.production();
    }

    @Test
    void productionImportHoldsEveryModuleAndNoFixture() {
        assertThat(classes().stream().map(JavaClass::getPackageName).distinct())
                .contains(PRODUCTION_ROOT + ".domain",
                        PRODUCTION_ROOT + ".application.port.in",
                        PRODUCTION_ROOT + ".application.port.out",
                        PRODUCTION_ROOT + ".application.service",
                        PRODUCTION_ROOT + ".adapters.fs",
                        PRODUCTION_ROOT + ".adapters.process",
                        PRODUCTION_ROOT + ".adapters.cli",
                        PRODUCTION_ROOT + ".bootstrap")
                .noneMatch(name -> name.startsWith(FIXTURE_ROOT) || name.endsWith(".architecture"));
    }

    @Test
    void onionArchitecture() {
        RULES.onionArchitecture().check(classes());
    }

    @Test
    void domainDependsOnlyOnItselfAndTheJdk() {
        RULES.domainDependsOnlyOnItselfAndTheJdk().check(classes());
    }

    @Test
    void applicationDependsOnNoFramework() {
        RULES.applicationDependsOnNoFramework().check(classes());
    }

    @Test
    void jacksonMapsAndTreesOnlyInAdaptersFs() {
        RULES.jacksonMapsAndTreesOnlyInAdaptersFs().check(classes());
    }

    @Test
    void ztExecOnlyInAdaptersProcess() {
        RULES.ztExecOnlyInAdaptersProcess().check(classes());
    }

    @Test
    void jlineOnlyInAdaptersCli() {
        RULES.jlineOnlyInAdaptersCli().check(classes());
    }

    @Test
    void picocliOnlyInAdaptersCli() {
        RULES.picocliOnlyInAdaptersCli().check(classes());
    }

    @Test
    void adaptersReachTheApplicationOnlyThroughPorts() {
        RULES.adaptersReachTheApplicationOnlyThroughPorts().check(classes());
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        RULES.adaptersDoNotDependOnEachOther().check(classes());
    }

    @Test
    void noCyclesBetweenPackages() {
        RULES.noCyclesBetweenPackages().check(classes());
    }

    @Test
    void cliPartsPointAwayFromTheCommands() {
        RULES.cliPartsPointAwayFromTheCommands().check(classes());
    }

    @Test
    void useCasesAreOneMethodInterfacesInPortIn() {
        RULES.useCasesAreOneMethodInterfacesInPortIn().check(classes());
    }

    @Test
    void inPortsHoldOnlyUseCasesAndWhatTheyExchange() {
        RULES.inPortsHoldOnlyUseCasesAndWhatTheyExchange().check(classes());
    }

    @Test
    void servicesAreNamedAfterTheirUseCase() {
        RULES.servicesAreNamedAfterTheirUseCase().check(classes());
    }

    @Test
    void outPortsAreInterfaces() {
        RULES.outPortsAreInterfaces().check(classes());
    }

    @Test
    void onlyConstructorInjection() {
        RULES.onlyConstructorInjection().check(classes());
    }

    @Test
    void onlyBootstrapAndCliOutputUseStandardStreams() {
        RULES.onlyBootstrapAndCliOutputUseStandardStreams().check(classes());
    }

    @Test
    void adaptersArePackagePrivateWithHiddenConstructors() {
        RULES.adaptersArePackagePrivateWithHiddenConstructors().check(classes());
    }

    @Test
    void eachAdapterHasAPublicGuiceModule() {
        RULES.eachAdapterHasAPublicGuiceModule().check(classes());
    }
}
