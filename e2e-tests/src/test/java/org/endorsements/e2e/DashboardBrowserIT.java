package org.endorsements.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The campaign dashboard in a real headless Chromium, against the platform started by the launcher. */
class DashboardBrowserIT {

    private static final String SEED = "ve-icc-cooperation-2021";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    @Test
    void theDashboardShowsTheSeedCampaignAndFollowsItLive() throws Exception {
        try (Launcher launcher = new Launcher(dir.resolve("platform"))) {
            launcher.up("--fresh");
            ApiClient admin = launcher.command().withKey(launcher.adminKey());
            ChromeDriver browser = Browser.start(dir.resolve("chromium-profile"));
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

                browser.get(launcher.queryUrl() + "/");
                WebElement campaign = wait.until(d -> d.findElement(By.cssSelector("#campaigns a")));
                assertThat(campaign.getText()).contains("criminalization");
                campaign.click();

                wait.until(d -> "110".equals(d.findElement(By.id("live-count")).getText()));
                assertThat(browser.getCurrentUrl()).endsWith("/statements/" + SEED);
                wait.until(d -> ((Number) browser.executeScript("return window.endorsementsGrowthPoints || 0"))
                        .intValue() > 0);
                assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
                // The list renders from its own request, after the count and the chart.
                wait.until(d -> d.findElements(By.cssSelector("#signatories tr")).size() == 25);
                assertThat(browser.findElements(By.cssSelector("#signatories tr"))).hasSize(25);
                assertThat(browser.findElement(By.id("link-csv")).getAttribute("href"))
                        .endsWith("/api/statements/" + SEED + "/endorsements.csv");

                // A signature through the API shows up without reloading the page.
                ApiReply org = admin.post("/api/organizations",
                        Map.of("organizationId", "hostile-name", "name", HOSTILE, "country", "VE"));
                assertThat(org.status()).isEqualTo(201);
                long sent = System.nanoTime();
                assertThat(launcher.command().withKey(org.json().path("apiKey").asText())
                        .put("/api/statements/" + SEED + "/endorsements/hostile-name", null).status())
                        .isEqualTo(201);
                wait.until(d -> "111".equals(d.findElement(By.id("live-count")).getText()));
                System.out.printf("[dashboard] live count updated %d ms after the endorsement was accepted%n",
                        Duration.ofNanos(System.nanoTime() - sent).toMillis());

                // The hostile name is text, not markup.
                WebElement search = browser.findElement(By.id("search"));
                search.sendKeys("img src");
                wait.until(d -> d.findElements(By.cssSelector("#signatories tr")).size() == 1);
                List<WebElement> cells = browser.findElements(By.cssSelector("#signatories td"));
                assertThat(cells.get(1).getText()).isEqualTo(HOSTILE);
                assertThat(browser.findElements(By.cssSelector("#signatories img"))).isEmpty();
                assertThat(alertShown(browser)).isFalse();

                search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                wait.until(d -> d.findElements(By.cssSelector("#signatories tr")).size() == 25);
                Path shot = Browser.screenshot(browser, "dashboard");
                System.out.println("[dashboard] screenshot: " + shot);

                // Readable on a phone: nothing wider than the screen.
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                wait.until(d -> ((Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth")).intValue() <= 0);
                Browser.screenshot(browser, "dashboard-phone");
            } finally {
                browser.quit();
            }
            launcher.interrupt();
        }
    }

    private static boolean alertShown(ChromeDriver browser) {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }
}
