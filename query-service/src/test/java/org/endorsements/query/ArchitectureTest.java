package org.endorsements.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.GetMapping;

@AnalyzeClasses(packages = "org.endorsements.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCommandSideInternals = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.endorsements.command..", "org.axonframework..")
            .because("the query side knows the command side only through the events contract and the topic");

    @ArchTest
    static final ArchRule projectionLogicKnowsNoAdapters = noClasses()
            .that().resideInAPackage("org.endorsements.query.projection")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..", "..messaging..",
                    "org.apache.kafka..", "org.springframework.kafka..", "org.springframework.data.mongodb.core..")
            .because("the projector is a plain object, tested without Kafka or MongoDB");

    @ArchTest
    static final ArchRule viewsKnowNoWeb = noClasses()
            .that().resideInAnyPackage("org.endorsements.query.statement", "org.endorsements.query.endorsement",
                    "org.endorsements.query.audit", "org.endorsements.query.growth",
                    "org.endorsements.query.organization")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.springframework.web..");

    @ArchTest
    static final ArchRule controllersStayInWebPackages = classes().that().haveSimpleNameEndingWith("Controller")
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule handlersNeverReturnPersistenceDocuments = methods()
            .that().areAnnotatedWith(GetMapping.class)
            .should().notHaveRawReturnType(JavaClass.Predicates.resideInAnyPackage(
                    "org.endorsements.query.statement", "org.endorsements.query.endorsement",
                    "org.endorsements.query.audit", "org.endorsements.query.growth",
                    "org.endorsements.query.organization", "org.bson.."))
            .because("the API answers with its own response records, never persistence documents");
}
