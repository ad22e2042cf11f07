package org.endorsements.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.spring.stereotype.Aggregate;
import org.endorsements.events.AggregateType;

@AnalyzeClasses(packages = "org.endorsements.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {
        "org.endorsements.command.organization", "org.endorsements.command.statement",
        "org.endorsements.command.endorsement", "org.endorsements.command.shared"
    };

    /** The feature of a package (group 1) and whether it is that feature's persistence (group 2). */
    private static final Pattern FEATURE =
            Pattern.compile("org\\.endorsements\\.command\\.([^.]+)(\\.persistence(?:\\..*)?)?(?:\\..*)?");

    @ArchTest
    static final ArchRule domainKnowsNoAdapters = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            // our adapter packages by name: Axon's own org.axonframework.messaging (@MetaDataValue) is no adapter
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.endorsements..web..",
                    "org.endorsements..persistence..",
                    "org.endorsements..messaging..",
                    "org.springframework.web..",
                    "org.springframework.jdbc..",
                    "org.apache.kafka..",
                    "org.springframework.kafka..",
                    "jakarta.servlet..")
            .because("aggregates decide; adapters translate HTTP, SQL and Kafka around them");

    @ArchTest
    static final ArchRule aggregatesLiveInTheirFeaturePackage =
            classes().that().areAnnotatedWith(Aggregate.class).should().resideInAnyPackage(DOMAIN);

    /** Axon would otherwise store the class name, which a rename changes; the relay maps the stored type. */
    @ArchTest
    static final ArchRule aggregatesPinTheTypeTheirEventsAreStoredAs = classes()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .should(new ArchCondition<JavaClass>("pin the stored type to the wire name of an aggregate type") {
                @Override
                public void check(JavaClass aggregate, ConditionEvents events) {
                    String pinned =
                            aggregate.reflect().getAnnotation(Aggregate.class).type();
                    if (AggregateType.fromWireName(pinned).isEmpty()) {
                        events.add(SimpleConditionEvent.violated(
                                aggregate,
                                aggregate.getName() + " stores its events as '" + pinned
                                        + "', which is no documented wire name"));
                    }
                }
            });

    @ArchTest
    static final ArchRule commandsAndEventsAreRecords =
            classes().that().haveSimpleNameEndingWith("Command").should().beRecords();

    @ArchTest
    static final ArchRule noLayerPackages = noClasses()
            .should()
            .resideInAnyPackage("..controllers..", "..services..", "..repositories..")
            .because("code is packaged by feature, with adapters in web/, persistence/ and messaging/");

    @ArchTest
    static final ArchRule controllersStayInWebPackages =
            classes().that().haveSimpleNameEndingWith("Controller").should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.endorsements.command.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a feature that needs another's answers asks through a port the other implements");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.endorsements.command.(**)")
            .should()
            .beFreeOfCycles()
            .because("within a feature too, adapters depend on the feature, never the other way round");

    @ArchTest
    static final ArchRule noFeatureReachesIntoAnotherFeaturesPersistence = classes()
            .that()
            .resideInAPackage("org.endorsements.command..")
            .should(new ArchCondition<JavaClass>("reach another feature's tables only through its public interface") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String feature = featureOf(origin.getPackageName());
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        Matcher target =
                                FEATURE.matcher(dependency.getTargetClass().getPackageName());
                        if (target.matches()
                                && target.group(2) != null
                                && !target.group(1).equals(feature)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    private static String featureOf(String packageName) {
        Matcher matcher = FEATURE.matcher(packageName);
        return matcher.matches() ? matcher.group(1) : "";
    }
}
