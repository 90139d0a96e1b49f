package io.appmessage.example.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot starter's README, as a Spring Boot user follows it: its dependency and compiler-plugin
 * snippets go into a Boot 3.5 app's pom (Boot's BOM, nothing pinned by hand), its handler bean, service and
 * {@code application.yml} into the app's sources, unchanged; the test adds only what the README leaves to the
 * app (main class, the injected OrderBook, a token rule, a send endpoint). Maven builds it against this build's
 * jars; the app runs on Tomcat, answers a poll with the handler bean's data, a long-poll is woken by the
 * README's service sending a message, and SIGTERM stops it.
 */
class StarterReadmeTest {

    private static final Path ROOT = Path.of(System.getProperty("appmessage.root")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("appmessage.work")).toAbsolutePath().resolveSibling("readme-starter");
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":\"([^\"]*)\"");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theStartersReadme_buildsAsABootApp_andPollsAsWritten() throws Exception {
        Readme readme = new Readme(ROOT.resolve("runtime/spring-boot-starter/README.md"), "starter");
        assertThat(readme.files).containsKeys("src/main/java/com/shop/OrderHandlers.java",
                "src/main/java/com/shop/Shipping.java", "src/main/resources/application.yml");
        StagingRepository repository = StagingRepository.create(WORK, ROOT, System.getProperty("appmessage.version"),
                Path.of(System.getProperty("outer.repository")));
        Path project = WORK.resolve("app");
        writeProject(project, readme);

        Path classpath = project.resolve("target/classpath.txt");
        List<String> build = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B", "compile", "org.apache.maven.plugins:maven-dependency-plugin:"
                        + System.getProperty("dependency-plugin.version") + ":build-classpath",
                "-Dmdep.outputFile=" + classpath, "-s", repository.settings.toString(),
                "-Dmaven.repo.local=" + repository.repository));
        Run built = run(project, build, Duration.ofMinutes(4));
        assertThat(built.exit).as(built.output).isZero();
        assertThat(built.output.lines().filter(line -> line.startsWith("[WARNING]") || line.startsWith("[ERROR]")))
                .as(built.output).isEmpty();
        assertThat(Files.readString(classpath)).as("Boot 3.5's Undertow, not the runtime's 2.4, if any")
                .doesNotContain("undertow-core-2.4");

        int port = freePort();
        Path log = project.resolve("app.log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                project.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(classpath).strip(),
                "com.shop.ShopApplication", "--server.port=" + port)
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String poll = "http://127.0.0.1:" + port + "/api/message/index";
            String first = untilUp(poll, app, log);
            assertThat(first).startsWith("{\"code\":0,\"msg\":\"\",\"data\":{\"order_status\":\"paid\"}");

            CompletableFuture<HttpResponse<String>> held = http.sendAsync(get(poll + "?wait=20&cursor=" + cursorOf(first)),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Thread.sleep(500); // the poll is held (nothing for amy yet)
            assertThat(held).isNotDone();
            HttpResponse<String> shipped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/ship?user=amy&order=42")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(shipped.statusCode()).isEqualTo(200);
            HttpResponse<String> woken = held.get(10, TimeUnit.SECONDS);
            assertThat(woken.body()).contains("\"key\":\"order_shipped\"").contains("\"order\":42");
        } finally {
            app.destroy(); // SIGTERM
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        String output = Files.readString(log);
        assertThat(output).contains("Tomcat started on port " + port).doesNotContain("Exception").doesNotContain("ERROR");
    }

    private static void writeProject(Path project, Readme readme) throws IOException {
        if (Files.exists(project)) {
            try (Stream<Path> old = Files.walk(project)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        for (Map.Entry<String, String> file : readme.files.entrySet()) {
            write(project.resolve(file.getKey()), file.getValue());
        }
        write(project.resolve("pom.xml"), resource("pom.xml")
                .replace("@SPRING_BOOT@", System.getProperty("spring-boot.version"))
                .replace("@COMPILER_PLUGIN@", System.getProperty("compiler-plugin.version"))
                .replace("@RESOURCES_PLUGIN@", System.getProperty("resources-plugin.version"))
                .replace("@DEPENDENCIES@", readme.block("dependencies"))
                .replace("@PROCESSOR@", readme.block("processor")));
        write(project.resolve("src/main/java/com/shop/ShopApplication.java"), resource("ShopApplication.java"));
        write(project.resolve("src/main/java/com/shop/OrderBook.java"), resource("OrderBook.java"));
        Files.createDirectories(project.resolve(".mvn")); // the project's own root, not this repository's
    }

    private static void write(Path path, String text) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StarterReadmeTest.class.getResourceAsStream("/starter/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("X-Access-Token", "t-amy").timeout(Duration.ofSeconds(30)).build();
    }

    private String untilUp(String poll, Process app, Path log) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            if (!app.isAlive()) {
                throw new AssertionError("the app stopped: " + Files.readString(log));
            }
            try {
                HttpResponse<String> answer = http.send(get(poll), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                return answer.body();
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("no answer within 90 s: " + Files.readString(log));
    }

    private static String cursorOf(String body) {
        Matcher m = CURSOR.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Run run(Path dir, List<String> command, Duration limit) throws IOException, InterruptedException {
        Path out = Files.createTempFile("readme-starter", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_OPTS");
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " ran longer than " + limit + ": " + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readString(out));
    }

    private record Run(int exit, String output) {
    }
}
