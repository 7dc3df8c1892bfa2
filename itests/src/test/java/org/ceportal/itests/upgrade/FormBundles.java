package org.ceportal.itests.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A newer feature repository with a newer example form, written to disk as a province would publish one. */
public final class FormBundles {
    /** The newer example feature's version. */
    public static final String UPGRADE_VERSION = "99.0.0";

    private FormBundles() {
    }

    /** Writes the bundle of {@link UpgradedSkillsCompetition} and a repository offering it; answers the repository's URI. */
    public static URI upgradeRepository(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve("learningform-example-" + UPGRADE_VERSION + ".jar");
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.ceportal.learningform.example");
        a.putValue("Bundle-Version", UPGRADE_VERSION);
        a.putValue("Bundle-Name", "ceportal :: learning form example (upgraded, test)");
        a.putValue("Bundle-Activator", UpgradedSkillsCompetition.class.getName());
        a.putValue("Import-Package", "org.ceportal.learningform.api;version=\"[1.1,2)\",org.osgi.framework");
        String entry = UpgradedSkillsCompetition.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m);
                InputStream in = UpgradedSkillsCompetition.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("class file not found: " + entry);
            }
            j.putNextEntry(new JarEntry(entry));
            in.transferTo(j);
            j.closeEntry();
        }
        Path features = dir.resolve("ceportal-upgrade-features.xml");
        Files.writeString(features, """
                <?xml version="1.0" encoding="UTF-8"?>
                <features name="ceportal-upgrade-test" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <feature name="ceportal-learningform-example" version="%s" description="技能竞赛 1.1.0（新版功能包库）">
                    <bundle>%s</bundle>
                  </feature>
                </features>
                """.formatted(UPGRADE_VERSION, jar.toUri()));
        return features.toUri();
    }
}
