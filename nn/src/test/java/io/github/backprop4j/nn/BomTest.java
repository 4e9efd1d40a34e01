package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM (which has no parent, on purpose) stays in step with the reactor: the same version, and
 * exactly the modules that are deployed (every module whose pom does not set
 * {@code maven.deploy.skip}).
 */
class BomTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void bomHasTheReactorsVersionAndListsExactlyTheDeployedModules() throws IOException {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));

        assertEquals(firstVersion(root), firstVersion(bom), "bom/pom.xml's version");

        TreeSet<String> deployed = new TreeSet<>();
        for (String module : all(root, "<module>([^<]+)</module>")) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            if (!module.equals("bom") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                deployed.add(all(pom, "<artifactId>(backprop4j-[^<]+)</artifactId>").get(1));
            }
        }
        TreeSet<String> listed = new TreeSet<>(all(bom, "<artifactId>(backprop4j-[^<]+)</artifactId>"));
        listed.remove("backprop4j-bom");
        assertEquals(deployed, listed);
        assertEquals(new TreeSet<>(List.of("backprop4j-tensor", "backprop4j-autograd", "backprop4j-losses",
                "backprop4j-nn", "backprop4j-kotlin")), deployed, "the library modules");
    }

    /** The project's own version: the first {@code <version>} after its {@code <artifactId>} line. */
    private static String firstVersion(String pom) {
        Matcher m = Pattern.compile("<artifactId>backprop4j-(?:parent|bom)</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        if (!m.find()) {
            throw new AssertionError("no project version in pom");
        }
        return m.group(1);
    }

    private static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }
}
