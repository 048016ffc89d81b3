package dev.backoffice.core.testing;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.SchemaInstaller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every module schema on the class path: the Flyway-named scripts under {@code db/<module>/}
 * (the same files each JDBC store hands {@link SchemaInstaller}). Found by listing the class
 * path, not by a list written here, so the schema checks (catalog, statements, placement) cover
 * a module or a migration as soon as its jar or classes directory is on the test class path.
 *
 * <p>{@code db/migration/} is Flyway's default folder of an application (the Spring Boot
 * sample's own tables), not an SDK module, and is left out.
 */
public final class SchemaScripts {

    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");
    private static final Set<String> NOT_MODULES = Set.of("migration");

    private SchemaScripts() {
    }

    /** Module name (the folder under {@code db/}) to its scripts, in version order. */
    public static Map<String, List<String>> onClassPath() {
        Map<String, Set<String>> found = new TreeMap<>();
        try {
            Enumeration<URL> roots = SchemaScripts.class.getClassLoader().getResources("db");
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("jar".equals(root.getProtocol())) {
                    fromJar(root, found);
                } else if ("file".equals(root.getProtocol())) {
                    fromDirectory(Path.of(root.toURI()), found);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, List<String>> out = new TreeMap<>();
        found.forEach((module, scripts) -> {
            List<String> sorted = new ArrayList<>(scripts);
            sorted.sort(Comparator.comparingInt(SchemaScripts::version));
            out.put(module, List.copyOf(sorted));
        });
        return out;
    }

    /**
     * Installs every module's scripts into the database of {@code jdbc} through
     * {@link SchemaInstaller}, as the stores do when they are built.
     *
     * @return what was installed (module to scripts)
     */
    public static Map<String, List<String>> installAll(Jdbc jdbc) {
        Map<String, List<String>> all = onClassPath();
        all.forEach((module, scripts) -> SchemaInstaller.install(jdbc, module, scripts));
        return all;
    }

    /** The version number of a Flyway-named script ({@code V12__x.sql} is 12). */
    public static int version(String script) {
        Matcher m = SCRIPT.matcher(script);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Flyway-named script: " + script);
        }
        return Integer.parseInt(m.group(1));
    }

    private static void fromDirectory(Path db, Map<String, Set<String>> found) throws IOException {
        if (!Files.isDirectory(db)) {
            return;
        }
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(db, Files::isDirectory)) {
            for (Path module : modules) {
                String name = module.getFileName().toString();
                if (NOT_MODULES.contains(name)) {
                    continue;
                }
                try (DirectoryStream<Path> scripts = Files.newDirectoryStream(module, "V*__*.sql")) {
                    for (Path script : scripts) {
                        add(found, name, script.getFileName().toString());
                    }
                }
            }
        }
    }

    private static void fromJar(URL root, Map<String, Set<String>> found) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                String[] parts = name.split("/");
                if (parts.length == 3 && parts[0].equals("db") && !NOT_MODULES.contains(parts[1])) {
                    add(found, parts[1], parts[2]);
                }
            }
        }
    }

    private static void add(Map<String, Set<String>> found, String module, String script) {
        if (SCRIPT.matcher(script).matches()) {
            found.computeIfAbsent(module, m -> new TreeSet<>()).add(script);
        }
    }
}
