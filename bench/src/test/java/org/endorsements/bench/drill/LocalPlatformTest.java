package org.endorsements.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalPlatformTest {

    private static final List<String> KAFKA = List.of("java", "-Xmx512m", "-cp", "stack.jar", "kafka.Kafka");

    @Test
    void theExtraJavaOptionsComeRightAfterTheJavaCommand() {
        assertThat(LocalPlatform.withJavaOptions(KAFKA, " -XX:TieredStopAtLevel=1  -XX:+UseSerialGC "))
                .containsExactly(
                        "java",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xmx512m",
                        "-cp",
                        "stack.jar",
                        "kafka.Kafka");
    }

    @Test
    void withoutExtraJavaOptionsTheCommandIsUnchanged() {
        assertThat(LocalPlatform.withJavaOptions(KAFKA, null)).isEqualTo(KAFKA);
        assertThat(LocalPlatform.withJavaOptions(KAFKA, " ")).isEqualTo(KAFKA);
    }
}
