package org.endorsements.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, with no
 * network but loopback. Without Chromium the browser tests skip, unless {@code endorsements.require-browser=true}
 * (set by .ci/run, which installs it) makes that a failure.
 */
final class Browser {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    private Browser() {}

    static ChromeDriver start(Path profile) {
        return start(profile, "en-US,en");
    }

    /** {@code acceptLanguage}: the browser's languages, sent as Accept-Language and seen as navigator.languages. */
    static ChromeDriver start(Path profile, String acceptLanguage) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium "
                    + "chromium-driver)";
            if (Boolean.getBoolean("endorsements.require-browser")) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,2000",
                "--accept-lang=" + acceptLanguage,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    /**
     * Runs axe-core (vendored from npm, test resource {@code axe-core/axe.min.js}) on the page as it is now; the
     * serious and critical violations, each as its rule, impact, help and the elements it found.
     */
    static List<String> seriousAccessibilityViolations(ChromeDriver driver) throws IOException {
        String axe;
        try (InputStream in = Browser.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core/axe.min.js is missing from the test resources");
            }
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        driver.executeScript(axe);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try {
            Object result = driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, { resultTypes: ['violations'] })
                      .then((r) => done(r.violations
                        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                        .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                          + v.nodes.map((n) => n.target.join(' ')).join(', '))))
                      .catch((e) => done(['axe failed: ' + e]));
                    """);
            List<String> violations = new ArrayList<>();
            ((List<?>) result).forEach(v -> violations.add(String.valueOf(v)));
            return violations;
        } finally {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        }
    }

    /** Keeps a screenshot as a test artifact under target/screenshots. */
    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Path dir = Paths.get(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
