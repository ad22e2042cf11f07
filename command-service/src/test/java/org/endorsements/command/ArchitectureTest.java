package org.endorsements.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

@AnalyzeClasses(packages = "org.endorsements.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {
        "org.endorsements.command.organization", "org.endorsements.command.statement",
        "org.endorsements.command.endorsement", "org.endorsements.command.shared"};

    @ArchTest
    static final ArchRule domainKnowsNoAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..", "..messaging..",
                    "org.springframework.web..", "org.springframework.jdbc..", "org.apache.kafka..",
                    "org.springframework.kafka..", "jakarta.servlet..")
            .because("aggregates decide; adapters translate HTTP, SQL and Kafka around them");

    @ArchTest
    static final ArchRule aggregatesLiveInTheirFeaturePackage = classes().that().areAnnotatedWith(Aggregate.class)
            .should().resideInAnyPackage(DOMAIN);

    @ArchTest
    static final ArchRule commandsAndEventsAreRecords = classes().that().haveSimpleNameEndingWith("Command")
            .should().beRecords();

    @ArchTest
    static final ArchRule noLayerPackages = noClasses().should().resideInAnyPackage(
            "..controllers..", "..services..", "..repositories..")
            .because("code is packaged by feature, with adapters in web/, persistence/ and messaging/");

    @ArchTest
    static final ArchRule controllersStayInWebPackages = classes().that().haveSimpleNameEndingWith("Controller")
            .should().resideInAPackage("..web..");
}
