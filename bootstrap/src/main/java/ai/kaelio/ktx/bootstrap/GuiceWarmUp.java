package ai.kaelio.ktx.bootstrap;

import com.google.inject.Provides;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.Comparator;

/**
 * What building the injector does for the first time in a JVM and can be done ahead on a spare core.
 *
 * <p>The JDK generates a proxy class for each annotation type the first time one of its annotations is
 * read, about a millisecond each, and neither kind of class can come from the class-data-sharing archive
 * on JDK 17; nor can the serializable lambdas of {@link Comparator}'s factories, which Guice sorts members
 * with. Guice meets them all while it builds the injector: {@code @Provides} and its meta-annotations,
 * the two {@code @Singleton} types' scope annotations, {@code @Inject}, and the sample annotation its
 * {@code Annotations} helper formats once. Reading them here first leaves the main thread the cached
 * classes, and the modules' parsed method annotations, which the JDK shares between copies of a method.
 */
final class GuiceWarmUp {

    private GuiceWarmUp() {
    }

    static void run(Class<?>... moduleTypes) throws ClassNotFoundException {
        // The factories Guice's member sorting calls: comparing, and thenComparing with a key comparator.
        Comparator.comparing(Object::toString).thenComparing(Object::toString, Comparator.naturalOrder());
        Provides.class.getAnnotations();
        for (Class<?> moduleType : moduleTypes) {
            for (Method method : moduleType.getDeclaredMethods()) {
                method.getAnnotations();
            }
        }
        // Guice's annotation helper formats a sample annotation of its own when it is initialised.
        Class.forName("com.google.inject.internal.Annotations", true, GuiceWarmUp.class.getClassLoader());
        com.google.inject.Singleton.class.getAnnotations();
        jakarta.inject.Singleton.class.getAnnotations();
        InjectedSample.class.getDeclaredConstructors()[0].getAnnotations();
    }

    /** Has the one annotation every injected constructor has. */
    private static final class InjectedSample {
        @Inject
        InjectedSample() {
        }
    }
}
