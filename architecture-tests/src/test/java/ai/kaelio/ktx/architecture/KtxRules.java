package ai.kaelio.ktx.architecture;

import static ai.kaelio.ktx.architecture.KtxConditions.aPublicConstructor;
import static ai.kaelio.ktx.architecture.KtxConditions.anInjectAnnotation;
import static ai.kaelio.ktx.architecture.KtxConditions.beNamedAfterTheOneUseCaseTheyImplement;
import static ai.kaelio.ktx.architecture.KtxConditions.containAPublicGuiceModule;
import static ai.kaelio.ktx.architecture.KtxConditions.exactlyOneMethod;
import static ai.kaelio.ktx.architecture.KtxConditions.implementAUseCaseIn;
import static ai.kaelio.ktx.architecture.KtxConditions.inPortMember;
import static ai.kaelio.ktx.architecture.KtxConditions.outPortMember;
import static ai.kaelio.ktx.architecture.KtxConditions.topLevelSimpleNameEndingWith;
import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.conditions.ArchConditions.have;
import static com.tngtech.archunit.lang.conditions.ArchConditions.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules of ARCHITECTURE.md, parameterised by the root package so that one definition judges both
 * the production code and the deliberately broken fixtures that prove each rule can fail.
 * Every public no-argument method returning an {@link ArchRule} is a rule; see {@link #all()}.
 */
final class KtxRules {

    // Bootstrap may see picocli's factory type, because it hands the injector-backed factory to the CLI.
    static final String PICOCLI_TYPE_BOOTSTRAP_MAY_USE = "picocli.CommandLine$IFactory";

    private final String domain;
    private final String application;
    private final String ports;
    private final String portIn;
    private final String portOut;
    private final String service;
    private final String adapters;
    private final String fs;
    private final String process;
    private final String cli;
    private final String bootstrap;
    private final String root;

    KtxRules(String root) {
        this.root = root;
        this.domain = root + ".domain..";
        this.application = root + ".application..";
        this.ports = root + ".application.port..";
        this.portIn = root + ".application.port.in..";
        this.portOut = root + ".application.port.out..";
        this.service = root + ".application.service..";
        this.adapters = root + ".adapters..";
        this.fs = root + ".adapters.fs..";
        this.process = root + ".adapters.process..";
        this.cli = root + ".adapters.cli..";
        this.bootstrap = root + ".bootstrap..";
    }

    /** Every rule by its method name, so tests can prove that none is left without a failing fixture. */
    public Map<String, ArchRule> all() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        Arrays.stream(KtxRules.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType() == ArchRule.class && m.getParameterCount() == 0)
                .sorted(Comparator.comparing(Method::getName))
                .forEach(m -> rules.put(m.getName(), invoke(m)));
        return rules;
    }

    public ArchRule onionArchitecture() {
        return Architectures.onionArchitecture()
                .domainModels(domain)
                .domainServices(ports)
                .applicationServices(service)
                .adapter("fs", fs)
                .adapter("process", process)
                .adapter("cli", cli)
                .ignoreDependency(resideInAPackage(bootstrap), alwaysTrue())
                .ensureAllClassesAreContainedInArchitectureIgnoring(bootstrap)
                .because("arrows point inward: adapters know the application, the application knows the domain, "
                        + "and only bootstrap wires them; a class in no layer would escape every other rule");
    }

    public ArchRule domainDependsOnlyOnItselfAndTheJdk() {
        return classes().that().resideInAPackage(domain)
                .should().onlyDependOnClassesThat().resideInAnyPackage(domain, "java..")
                .because("the domain says what a runtime is, not how it is stored, run or shown, "
                        + "so it must stay usable without any library or wiring");
    }

    public ArchRule applicationDependsOnNoFramework() {
        return classes().that().resideInAPackage(application)
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(application, domain, "java..", "jakarta.inject..")
                .because("use cases must be testable with hand-written fakes and outlive a change of Guice, "
                        + "Jackson, zt-exec, picocli or JLine; jakarta.inject is the most they may know of wiring");
    }

    public ArchRule jacksonMapsAndTreesOnlyInAdaptersFs() {
        return noClasses().that().resideOutsideOfPackage(fs)
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.jr..")
                .because("JSON as maps, trees or bound objects earns its cost only for the documents on disk (and there "
                        + "jackson-jr's, not databind's: bench/README.md); every other adapter reads and writes its JSON "
                        + "with jackson-core's streaming parser and generator, which load quickly and turn numbers "
                        + "straight into primitives");
    }

    public ArchRule ztExecOnlyInAdaptersProcess() {
        return onlyIn(process, "org.zeroturnaround..")
                .because("running processes is the process adapter's job; one place knows how they are started, "
                        + "logged and killed");
    }

    public ArchRule jlineOnlyInAdaptersCli() {
        return onlyIn(cli, "org.jline..")
                .because("the terminal belongs to the command-line adapter alone");
    }

    public ArchRule picocliOnlyInAdaptersCli() {
        ArchRule outsideCliAndBootstrap = noClasses().that().resideOutsideOfPackages(cli, bootstrap)
                .should().dependOnClassesThat().resideInAPackage("picocli..");
        ArchRule bootstrapOnlyPassesTheFactory = noClasses().that().resideInAPackage(bootstrap)
                .should().dependOnClassesThat(resideInAPackage("picocli..")
                        .and(describe("are not " + PICOCLI_TYPE_BOOTSTRAP_MAY_USE,
                                c -> !c.getName().equals(PICOCLI_TYPE_BOOTSTRAP_MAY_USE))));
        return CompositeArchRule.of(outsideCliAndBootstrap).and(bootstrapOnlyPassesTheFactory)
                .because("commands, options and help are the CLI adapter's; bootstrap only hands it "
                        + "the Guice-backed CommandLine.IFactory");
    }

    public ArchRule adaptersReachTheApplicationOnlyThroughPorts() {
        ArchRule noAdapterUsesServices = noClasses().that().resideInAPackage(adapters)
                .should().dependOnClassesThat().resideInAPackage(service);
        ArchRule cliDrivesOnlyInPorts = noClasses().that().resideInAPackage(cli)
                .should().dependOnClassesThat().resideInAPackage(portOut);
        return CompositeArchRule.of(noAdapterUsesServices).and(cliDrivesOnlyInPorts)
                .because("services are wired by bootstrap and reached through use cases; the CLI drives the "
                        + "application (port.in) and is never the one it calls back (port.out)");
    }

    public ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .because("each adapter is replaceable on its own; they meet only through the application's ports");
    }

    public ArchRule noCyclesBetweenPackages() {
        return slices().matching(root + ".(**)")
                .should().beFreeOfCycles()
                .because("a package cycle makes two packages one in all but name, "
                        + "and hides which way the arrows point");
    }

    /**
     * adapters-cli in parts (ARCHITECTURE.md, "Growing a module"): the entry and the commands use the
     * others, never the other way; terminal is the floor every part may stand on.
     */
    public ArchRule cliPartsPointAwayFromTheCommands() {
        String entry = root + ".adapters.cli";
        String command = root + ".adapters.cli.command..";
        String commandline = root + ".adapters.cli.commandline..";
        String output = root + ".adapters.cli.output..";
        String terminal = root + ".adapters.cli.terminal..";
        String shell = root + ".adapters.cli.shell..";
        ArchRule nothingReachesUp = noClasses().that().resideInAnyPackage(commandline, output, terminal, shell)
                .should().dependOnClassesThat().resideInAnyPackage(entry, command);
        ArchRule terminalIsTheFloor = noClasses().that().resideInAPackage(terminal)
                .should().dependOnClassesThat().resideInAnyPackage(commandline, output, shell);
        return CompositeArchRule.of(nothingReachesUp).and(terminalIsTheFloor)
                .because("a reader finds a command's whole story by following arrows out of command: its "
                        + "model (commandline), what it prints (output), the terminal it runs on, and the shell; "
                        + "the shell is handed a line runner instead of calling back into the command line");
    }

    public ArchRule useCasesAreOneMethodInterfacesInPortIn() {
        return classes().that().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces()
                .andShould().resideInAPackage(portIn)
                .andShould(have(exactlyOneMethod()))
                .because("an in-port is one thing a user can do (<Verb><Noun>UseCase, one method), "
                        + "so each front end depends on exactly what it calls");
    }

    public ArchRule inPortsHoldOnlyUseCasesAndWhatTheyExchange() {
        return classes().that().resideInAPackage(portIn).and().areTopLevelClasses()
                .should(be(inPortMember()))
                .because("port.in is the application's offer to front ends: use cases, the records they take, "
                        + "the sealed results they return, the observers and confirmations they call back and the sources and sinks "
                        + "they stream through; logic belongs in services");
    }

    public ArchRule servicesAreNamedAfterTheirUseCase() {
        return classes().that().resideInAPackage(service)
                .and(implementAUseCaseIn(portIn).or(simpleNameEndingWith("Service")))
                .should(beNamedAfterTheOneUseCaseTheyImplement(portIn))
                .because("<Verb><Noun>Service implements <Verb><Noun>UseCase, so the implementation of any "
                        + "use case is found by name");
    }

    public ArchRule outPortsAreInterfaces() {
        return classes().that().resideInAPackage(portOut)
                .should(be(outPortMember()))
                .because("an out-port is a contract the application needs, named for what it does; its "
                        + "implementations live in adapters and only its messages (records, enums) live beside it");
    }

    public ArchRule onlyConstructorInjection() {
        return noMembers()
                .that(describe("are fields or methods", m -> !(m instanceof JavaConstructor)))
                .should().beAnnotatedWith(anInjectAnnotation())
                .because("constructor injection keeps fields final and every dependency visible, "
                        + "and lets tests build objects without an injector");
    }

    public ArchRule onlyBootstrapAndCliOutputUseStandardStreams() {
        return noClasses().that().resideOutsideOfPackage(bootstrap)
                .and(DescribedPredicate.not(resideInAPackage(cli).and(topLevelSimpleNameEndingWith("Output")))
                        .as("are not the CLI adapter's *Output classes"))
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("output goes through the writers that Main hands to the CLI, so tests can capture it "
                        + "and nothing else writes to the user's terminal behind the command's back");
    }

    public ArchRule adaptersArePackagePrivateWithHiddenConstructors() {
        return classes().that().resideInAPackage(adapters).and().areAssignableTo(resideInAPackage(portOut))
                .should().notBePublic()
                .andShould(not(have(aPublicConstructor())))
                .because("the application reaches adapters only through their ports, and Guice builds them "
                        + "through the adapter package's module; nothing else should be able to");
    }

    public ArchRule eachAdapterHasAPublicGuiceModule() {
        return slices().matching(root + ".adapters.(*)..")
                .should(containAPublicGuiceModule())
                .because("package-private adapters can only be bound from inside their package, by one public "
                        + "<Name>Module that bootstrap installs");
    }

    private ArchRule onlyIn(String allowedPackage, String libraryPackage) {
        return noClasses().that().resideOutsideOfPackage(allowedPackage)
                .should().dependOnClassesThat().resideInAPackage(libraryPackage);
    }

    private ArchRule invoke(Method method) {
        try {
            return (ArchRule) method.invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build rule " + method.getName(), e);
        }
    }
}
