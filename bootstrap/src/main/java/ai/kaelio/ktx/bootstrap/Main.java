package ai.kaelio.ktx.bootstrap;

import ai.kaelio.ktx.adapters.cli.KtxCli;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.RuntimeRoots;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/** {@code ktx}: reads the host once, builds one injector, runs one command, exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureForShortRun();
        Path home = Distribution.home();
        int code = run(currentHost(), home, args);
        StartupArchive.refreshIfUnused(home);
        System.exit(code);
    }

    static int run(HostEnvironment host, Path home, String... args) {
        // UTF-8 whatever the locale: paths and messages may hold any character.
        Charset charset = java.nio.charset.StandardCharsets.UTF_8;
        // Standard output's descriptor itself, not System.out: System.out swallows write errors, and a reader
        // that went away (`ktx embed … | head`) must stop ktx rather than let it compute for nobody.
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        return run(host, home, out, err, args);
    }

    static int run(HostEnvironment host, Path home, PrintWriter out, PrintWriter err, String... args) {
        // Started before the version is read: the second core gets the JVM's first lambda and the class path's
        // opening done while this thread reads the version, and is ahead of Guice when this one gets there.
        StartupWarmUp.start();
        try {
            // The paths made from variables, checked before the wiring uses them: an unreadable one is one
            // sentence, not Guice's report.
            RuntimeRoots.dataDirectory(host);
            RuntimeRoots.runtimeRoot(host);
        } catch (InvalidPathException e) {
            err.println(unreadablePath(e.getInput()));
            return 1;
        }
        return run(KtxModules.production(host, Distribution.version(), Distribution.assetDir(home)), out, err, args);
    }

    /** Runs one command against the given wiring; tests pass the production modules with a port overridden. */
    static int run(Module modules, PrintWriter out, PrintWriter err, String... args) {
        Injector injector = KtxModules.injector(modules);
        return KtxCli.runInterruptibly(injector.getInstance(CommandLine.IFactory.class), out, err, args);
    }

    /**
     * The default paths come from HOME, XDG_DATA_HOME, LOCALAPPDATA or KTX_RUNTIME_ROOT, read in the locale's
     * charset; bin/ktx coerces the C locale to UTF-8, so this is a locale chosen on purpose (LC_ALL=C) that
     * cannot spell the path.
     */
    static String unreadablePath(String path) {
        return "Cannot use the path " + path + ": this locale cannot represent some of its letters. "
                + "Run ktx with a UTF-8 locale, e.g. LC_ALL=C.UTF-8, or choose a path in plain ASCII (set KTX_RUNTIME_ROOT).";
    }

    /** Guice's generated fast constructors cost more to create than one short command saves by them. */
    static void configureForShortRun() {
        System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }

    static HostEnvironment currentHost() {
        return new HostEnvironment(
                Platform.fromOsName(System.getProperty("os.name", "")),
                System.getenv(),
                Path.of(System.getProperty("user.home")));
    }
}
