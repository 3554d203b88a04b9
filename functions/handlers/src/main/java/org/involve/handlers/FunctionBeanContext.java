package org.involve.handlers;

import io.micronaut.context.DefaultBeanContext;
import io.micronaut.inject.BeanConfiguration;
import io.micronaut.inject.BeanDefinitionReference;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A Micronaut bean context that finds its bean definitions without scanning the classpath, and loads only those a
 * function needs.
 *
 * <p>Micronaut's own start-up lists {@code META-INF/micronaut/...} by opening every jar as a zip file system and
 * walking it (the Lambda jar has some 15,000 entries), then loads every bean definition class it finds. Here the
 * definitions' names are read from the jar's own index of entries (already open: it is the class path), and
 * {@code wanted} picks which of them to load by name, before any class is loaded. The definitions are still the ones
 * Micronaut generated at compile time; nothing is wired by hand. There are no bean configurations
 * ({@code @Configuration} packages) in Involve, so none are looked for.
 */
final class FunctionBeanContext extends DefaultBeanContext {
    private static final String DEFINITIONS =
            "META-INF/micronaut/" + BeanDefinitionReference.class.getName();

    private final Predicate<String> wanted;

    FunctionBeanContext(Predicate<String> wanted) {
        super(FunctionBeanContext.class.getClassLoader());
        this.wanted = wanted;
    }

    @Override
    protected List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
        List<BeanDefinitionReference> found = new ArrayList<>();
        for (String name : definitionNames(getClassLoader())) {
            if (!wanted.test(name)) continue;
            BeanDefinitionReference reference = instantiate(name, getClassLoader());
            if (reference != null && reference.isPresent()) found.add(reference);
        }
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
            return (BeanDefinitionReference)
                    Class.forName(name, false, loader).getConstructor().newInstance();
        } catch (NoClassDefFoundError e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not load the bean definition " + name, e);
        }
    }
}
