package io.appmessage.example.readme;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start, as a newcomer follows it: its pom and sources are copied out of
 * README.md into an empty project, its commands are run (Maven builds, runs the handler test and
 * shades the jar; {@code java -jar} starts it), the {@code curl} poll must get the answer the README
 * shows, and SIGTERM must stop the server gracefully. On JDK 17 and on JDK 25.
 */
class QuickStartTest {

    private static final Path ROOT = Path.of(System.getProperty("appmessage.root")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("appmessage.work")).toAbsolutePath();
    private static Readme readme;
    private static StagingRepository repository;

    @BeforeAll
    static void stage() throws IOException {
        readme = new Readme(ROOT.resolve("README.md"));
        assertThat(readme.files).containsKeys("pom.xml", "src/main/java/com/shop/Main.java");
        assertThat(readme.commands("run_zh")).as("the 中文 quick start runs the same commands").isEqualTo(readme.commands("run"));
        assertThat(readme.block("answer_zh")).as("and shows the same answer").isEqualTo(readme.block("answer"));
        repository = StagingRepository.create(WORK, ROOT, System.getProperty("appmessage.version"),
                Path.of(System.getProperty("outer.repository")));
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void theQuickStartBuildsRunsAndAnswersAsWritten(int feature) throws Exception {
        Path jdk = jdk(feature);
        Path project = WORK.resolve("jdk" + feature);
        writeProject(project);
        List<List<String>> commands = readme.commands("run");
        assertThat(commands).extracting(c -> c.get(0)).containsExactly("mvn", "java", "curl");

        // 1. the README's Maven command
        Run build = run(project, jdk, maven(commands.get(0)), Map.of(), Duration.ofMinutes(4));
        assertThat(build.exit).as(build.output).isZero();
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.shop.ShopHandlersTest.xml")))
                .as("the README's handler test ran and passed").contains("tests=\"2\"").contains("failures=\"0\"")
                .contains("errors=\"0\"");
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.shop.ShopServerTest.xml")))
                .as("and the server test").contains("tests=\"1\"").contains("failures=\"0\"").contains("errors=\"0\"");
        if (feature == 17) {
            assertARebuildIsCleanAndTheTreeIsTheReadmes(project, jdk);
        }

        // 2. the README's java -jar, on a free port
        int port = freePort();
        List<String> java = new ArrayList<>(commands.get(1));
        java.set(0, jdk.resolve("bin/java").toString());
        Path log = project.resolve("server.log");
        ProcessBuilder start = new ProcessBuilder(java).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        start.environment().put("PORT", String.valueOf(port));
        Process server = start.start();
        try {
            // 3. the README's curl, answered as the README shows
            Curl curl = Curl.of(commands.get(2), port);
            String answer = pollUntilUp(curl, server, log);
            assertThat(answer).isEqualTo(readme.block("answer"));
            assertThat(new Curl(curl.uri(), Map.of()).get()).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"test_msg\":\"测试消息\"}}");
        } finally {
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        String output = Files.readString(log);
        assertThat(server.exitValue()).as(output).isEqualTo(143);
        assertThat(output).contains("AppMessage listening on http://0.0.0.0:" + port + "/api/message/index: 2 handlers")
                .contains("AppMessage stopped").doesNotContain("Exception");
    }

    /**
     * Builds again, not quietly, as a user's next build would: no warning at all (a shaded jar shaded
     * again reports every class as overlapping), and the dependency tree is the README's.
     */
    private void assertARebuildIsCleanAndTheTreeIsTheReadmes(Path project, Path jdk) throws Exception {
        Path tree = project.resolve("target/tree.txt");
        Run run = run(project, jdk, maven(List.of("mvn", "-B", "package",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree", "-Dscope=runtime",
                "-DoutputFile=" + tree)), Map.of(), Duration.ofMinutes(3));
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output.lines().filter(line -> line.startsWith("[WARNING]") || line.startsWith("[ERROR]")))
                .as(run.output).isEmpty();
        assertThat(Files.readString(tree).strip()).isEqualTo(readme.block("tree").strip());
    }

    private static void writeProject(Path project) throws IOException {
        if (Files.exists(project)) {
            try (Stream<Path> old = Files.walk(project)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        for (Map.Entry<String, String> file : readme.files.entrySet()) {
            Path path = project.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        // the project's own root: Maven must not climb into this repository's .mvn settings
        Files.createDirectories(project.resolve(".mvn"));
    }

    /** The README's mvn command, against the staging repository. */
    private static List<String> maven(List<String> command) {
        List<String> full = new ArrayList<>();
        full.add(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
        full.addAll(command.subList(1, command.size()));
        full.add("-s");
        full.add(repository.settings.toString());
        full.add("-Dmaven.repo.local=" + repository.repository);
        return full;
    }

    private static String pollUntilUp(Curl curl, Process server, Path log) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        IOException last = null;
        while (System.nanoTime() < end) {
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped: " + Files.readString(log));
            }
            try {
                return curl.get();
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no answer within 60 s: " + Files.readString(log), last);
    }

    private static Run run(Path dir, Path jdk, List<String> command, Map<String, String> env, Duration limit)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " ran longer than " + limit + ": " + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readString(out));
    }

    /** The JDK of that feature release: this JVM when it is one, else one under /usr/lib/jvm. */
    static Path jdk(int feature) throws IOException {
        if (Runtime.version().feature() == feature) {
            return Path.of(System.getProperty("java.home"));
        }
        try (DirectoryStream<Path> jvms = Files.newDirectoryStream(Path.of("/usr/lib/jvm"))) {
            for (Path jvm : jvms) {
                String name = jvm.getFileName().toString();
                if (name.matches(".*\\b(jdk-)?" + feature + "\\b.*") && Files.isExecutable(jvm.resolve("bin/javac"))
                        && !Files.isSymbolicLink(jvm)) {
                    return jvm;
                }
            }
        }
        throw new AssertionError("no JDK " + feature + " under /usr/lib/jvm: install it (Temurin or OpenJDK) to run this test");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Run(int exit, String output) {
    }

    /** The README's curl line: its URL (host and port replaced by the test's) and its -H headers. */
    private record Curl(URI uri, Map<String, String> headers) {

        static Curl of(List<String> words, int port) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            String url = null;
            for (int i = 1; i < words.size(); i++) {
                if (words.get(i).equals("-H")) {
                    String[] header = words.get(++i).split(":\\s*", 2);
                    headers.put(header[0], header[1]);
                } else {
                    url = words.get(i);
                }
            }
            assertThat(url).startsWith("http://localhost:8080/");
            return new Curl(URI.create(url.replace("localhost:8080", "127.0.0.1:" + port)), headers);
        }

        String get() throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
            headers.forEach(request::header);
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }
    }
}
