package io.refguard.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The coordinates users copy stay right: the BOM has the project's version and manages every module
 * a user depends on, and every refguard version the documents show is the project's.
 */
class CoordinatesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

    @Test
    void theBomHasTheProjectsVersionAndManagesEveryPublishedModule() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        String bom = Files.readString(ROOT.resolve("refguard-bom/pom.xml"), StandardCharsets.UTF_8);
        String version = firstVersion(parent);
        assertEquals(
                version, firstVersion(bom), "refguard-bom/pom.xml must have the parent's version");
        TreeSet<String> managed = new TreeSet<>();
        Matcher m =
                Pattern.compile("<artifactId>(refguard-[\\w-]+)</artifactId>")
                        .matcher(bom.substring(bom.indexOf("<dependencyManagement>")));
        while (m.find()) {
            managed.add(m.group(1));
        }
        assertEquals(
                new TreeSet<>(
                        List.of(
                                "refguard-agent",
                                "refguard-core",
                                "refguard-explore",
                                "refguard-junit",
                                "refguard-maven-plugin",
                                "refguard-netty",
                                "refguard-runner")),
                managed);
    }

    @Test
    void everyVersionTheDocumentsShowIsTheProjectsVersion() throws IOException {
        String version =
                firstVersion(Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8));
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        Pattern shown =
                Pattern.compile(
                        "(?:io\\.refguard:refguard-[\\w-]+:|<refguard\\.version>"
                                + "|<artifactId>refguard-[\\w-]+</artifactId>\\s*<version>)(\\d[\\w.-]*?)[\"'<)\\s`]"
                                + "|refguard-(?:core|explore|junit|agent|bom|maven-plugin|cli|cases)-(\\d[\\w.-]*?)\\.jar");
        int seen = 0;
        for (Path d : documents) {
            Matcher m = shown.matcher(Files.readString(d, StandardCharsets.UTF_8));
            while (m.find()) {
                seen++;
                assertEquals(
                        version,
                        m.group(1) != null ? m.group(1) : m.group(2),
                        d + " shows " + m.group());
            }
        }
        assertTrue(seen >= 5, "the documents show refguard's coordinates: " + seen);
    }

    private static String firstVersion(String pom) {
        Matcher m = VERSION.matcher(pom.substring(pom.indexOf("</artifactId>")));
        assertTrue(m.find(), "no version");
        return m.group(1);
    }
}
