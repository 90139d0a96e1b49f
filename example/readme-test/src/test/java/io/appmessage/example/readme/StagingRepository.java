package io.appmessage.example.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Maven local repository for the quick-start project: this build's own artifacts are copied in
 * from the reactor (the poms and the jars {@code package} just wrote, as {@code mvn install} would
 * put them), and every other artifact is read from the outer build's local repository through a
 * {@code file:} repository, so nothing is downloaded and the outer repository is not written to.
 */
final class StagingRepository {

    final Path repository;
    final Path settings;

    private StagingRepository(Path repository, Path settings) {
        this.repository = repository;
        this.settings = settings;
    }

    static StagingRepository create(Path work, Path root, String version, Path outerRepository) throws IOException {
        Path repository = work.resolve("repository");
        stage(repository, version, "appmessage-parent", root.resolve("pom.xml"), null);
        stage(repository, version, "appmessage-bom", root.resolve("runtime/bom/pom.xml"), null);
        stage(repository, version, "appmessage-annotations", root.resolve("annotations/pom.xml"), root.resolve("annotations/target"));
        stage(repository, version, "appmessage-processor", root.resolve("processor/pom.xml"), root.resolve("processor/target"));
        stage(repository, version, "appmessage-runtime", root.resolve("runtime/core/pom.xml"), root.resolve("runtime/core/target"));
        stage(repository, version, "appmessage-test", root.resolve("runtime/test/pom.xml"), root.resolve("runtime/test/target"));
        stage(repository, version, "appmessage-runtime-parent", root.resolve("runtime/pom.xml"), null);
        stage(repository, version, "appmessage-spring-boot-starter", root.resolve("runtime/spring-boot-starter/pom.xml"),
                root.resolve("runtime/spring-boot-starter/target"));
        Path settings = work.resolve("settings.xml");
        String outer = outerRepository.toUri().toString();
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>outer-build-repository</id>
                      <repositories>
                        <repository>
                          <id>outer-build</id>
                          <url>%1$s</url>
                          <!-- a local repository keeps no checksum files: nothing to verify against -->
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>outer-build</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>outer-build-repository</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(outer));
        return new StagingRepository(repository, settings);
    }

    private static void stage(Path repository, String version, String artifactId, Path pom, Path target) throws IOException {
        Path dir = repository.resolve("io/appmessage").resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (target != null) {
            Path jar = target.resolve(artifactId + "-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new AssertionError(jar + " is missing: this test runs in the reactor after `package`"
                        + " (mvn -B verify), which writes it");
            }
            Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
