package org.involve.handlers;

import io.micronaut.context.DefaultBeanContext;
import io.micronaut.core.convert.TypeConverterRegistrar;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;
import io.micronaut.inject.BeanConfiguration;
import io.micronaut.inject.BeanDefinitionReference;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A Micronaut bean context that finds its bean definitions without scanning the classpath, and loads only those a
 * function needs.
 *
 * <p>Micronaut's own start-up lists {@code META-INF/micronaut/...} by opening every jar as a zip file system and
 * walking it (the Lambda jar has some 15,000 entries), then loads every bean definition class it finds. Here the
 * definitions' names are read from the jar's central directory with {@code java.util.jar} (no zip file system), and
 * {@code wanted} picks which of them to load by name, before any class is loaded. The definitions are still the ones
 * Micronaut generated at compile time; nothing is wired by hand. There are no bean configurations
 * ({@code @Configuration} packages) in Involve, so none are looked for.
 *
 * <p>Micronaut's conversion service asks for its {@link TypeConverterRegistrar}s as the context starts, which would
 * walk the jar all the same: {@link #withoutScanning()} gives Micronaut those from {@code META-INF/services} through
 * its own static-optimisation hook (what Micronaut AOT generates), before any service is looked for.
 */
final class FunctionBeanContext extends DefaultBeanContext {
    private static final String DEFINITIONS =
            "META-INF/micronaut/" + BeanDefinitionReference.class.getName();

    private final Predicate<String> wanted;
    private List<BeanDefinitionReference> references;

    FunctionBeanContext(Predicate<String> wanted) {
        super(FunctionBeanContext.class.getClassLoader());
        this.wanted = wanted;
    }

    private static boolean optimised;

    /**
     * Before the first context in this JVM: the conversion service's registrars from {@code META-INF/services}
     * (Involve adds none under {@code META-INF/micronaut}). Micronaut reads this once, when its service loader first
     * loads; if something in this JVM already looked services up, it keeps scanning, which is only slower.
     */
    static synchronized void withoutScanning() {
        if (optimised) return;
        optimised = true;
        try {
            SoftServiceLoader.StaticServiceLoader<TypeConverterRegistrar> registrars =
                    FunctionBeanContext::registrars;
            StaticOptimizations.set(
                    new SoftServiceLoader.Optimizations(
                            Map.of(TypeConverterRegistrar.class.getName(), registrars)));
        } catch (IllegalStateException alreadyRead) {
            // Tests that started Micronaut another way first: the scan still finds the same.
        }
    }

    /** The registrars named in every {@code META-INF/services/io.micronaut.core.convert.TypeConverterRegistrar}. */
    static Stream<SoftServiceLoader.StaticDefinition<TypeConverterRegistrar>> registrars(
            Predicate<String> condition) {
        ClassLoader loader = FunctionBeanContext.class.getClassLoader();
        List<SoftServiceLoader.StaticDefinition<TypeConverterRegistrar>> found = new ArrayList<>();
        try {
            Enumeration<URL> files =
                    loader.getResources(
                            "META-INF/services/" + TypeConverterRegistrar.class.getName());
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    for (String line :
                            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                                    .split("\n")) {
                        String name = line.replaceAll("#.*", "").strip();
                        if (name.isEmpty() || (condition != null && !condition.test(name)))
                            continue;
                        found.add(
                                SoftServiceLoader.StaticDefinition.of(
                                        name, () -> registrar(name, loader)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream();
    }

    @Override
    protected synchronized List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
        if (references != null) return references;
        List<BeanDefinitionReference> found = new ArrayList<>();
        for (String name : definitionNames(getClassLoader())) {
            if (!wanted.test(name)) continue;
            BeanDefinitionReference reference = instantiate(name, getClassLoader());
            if (reference != null && reference.isPresent()) found.add(reference);
        }
        references = found;
        return found;
    }

    @Override
    protected Iterable<BeanConfiguration> resolveBeanConfigurations() {
        return List.of();
    }

    /** The class names under META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference, in jars and folders. */
    static List<String> definitionNames(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> places = loader.getResources(DEFINITIONS);
            while (places.hasMoreElements()) {
                URL place = places.nextElement();
                if (place.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) place.openConnection();
                    connection.setUseCaches(true);
                    JarFile jar = connection.getJarFile();
                    String prefix = DEFINITIONS + "/";
                    for (Enumeration<JarEntry> entries = jar.entries();
                            entries.hasMoreElements(); ) {
                        String entry = entries.nextElement().getName();
                        if (entry.length() > prefix.length() && entry.startsWith(prefix))
                            names.add(entry.substring(prefix.length()));
                    }
                } else if (place.getProtocol().equals("file")) {
                    String[] files = new File(place.toURI()).list();
                    if (files != null) names.addAll(List.of(files));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /**
     * The definition, or null where it names a class that is not on the class path (Micronaut's definition of
     * {@code javax.inject.Provider}, which Involve does not use): skipped, as Micronaut's own loader skips it.
     */
    private static BeanDefinitionReference instantiate(String name, ClassLoader loader) {
        try {
            return (BeanDefinitionReference) newInstance(name, loader);
        } catch (NoClassDefFoundError e) {
            return null;
        } catch (ReflectiveOperationException e) {
            // A definition of a bean whose type this function's artifact leaves out (the SES client
            // in a jar without
            // SES): not present here, as Micronaut's own loader treats it.
            if (missingOtherClass(e, name)) return null;
            throw new IllegalStateException("Could not load the bean definition " + name, e);
        }
    }

    private static boolean missingOtherClass(Throwable e, String name) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError) return true;
            if (t instanceof ClassNotFoundException && !name.equals(t.getMessage())) return true;
        }
        return false;
    }

    private static TypeConverterRegistrar registrar(String name, ClassLoader loader) {
        try {
            return (TypeConverterRegistrar) newInstance(name, loader);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not load the converters " + name, e);
        }
    }

    private static Object newInstance(String name, ClassLoader loader)
            throws ReflectiveOperationException {
        return Class.forName(name, false, loader).getConstructor().newInstance();
    }
}
