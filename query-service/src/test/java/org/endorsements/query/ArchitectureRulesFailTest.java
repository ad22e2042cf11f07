package org.endorsements.query;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.endorsements.query.archfixtureleft.Left;
import org.endorsements.query.archfixtureright.Right;
import org.junit.jupiter.api.Test;

/**
 * The cycle rules of {@link ArchitectureTest} are shown to fail on two test-only packages that depend on each
 * other: a rule that passes on the service's classes proves something only if it can fail.
 */
class ArchitectureRulesFailTest {

    private final JavaClasses cycle = new ClassFileImporter().importClasses(Left.class, Right.class);

    @Test
    void theFeatureCycleRuleFailsWhenTwoFeaturesDependOnEachOther() {
        assertThatThrownBy(() -> ArchitectureTest.featureSlicesAreFreeOfCycles.check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixtureleft")
                .hasMessageContaining("archfixtureright");
    }

    @Test
    void thePackageCycleRuleFailsWhenTwoPackagesDependOnEachOther() {
        assertThatThrownBy(() -> ArchitectureTest.packagesAreFreeOfCycles.check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixtureleft");
    }
}
