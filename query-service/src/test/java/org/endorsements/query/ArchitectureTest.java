package org.endorsements.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;

@AnalyzeClasses(packages = "org.endorsements.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String QUERY = "org.endorsements.query";
    private static final String ENGINE = QUERY + ".projection..";
    private static final String SHARED_SLICE = "shared";
    private static final String SHARED = QUERY + "." + SHARED_SLICE + "..";
    /** The first package below {@link #QUERY}: a feature, the engine ({@code projection}) or {@code shared}. */
    private static final Pattern SLICE = Pattern.compile(Pattern.quote(QUERY) + "\\.([^.]+)(\\..*)?");

    private static final Pattern PERSISTENCE =
            Pattern.compile(Pattern.quote(QUERY) + "\\.([^.]+)\\.persistence(\\..*)?");

    @ArchTest
    static final ArchRule featureSlicesAreFreeOfCycles =
            slices().matching(QUERY + ".(*)..").should().beFreeOfCycles();

    /** Within a feature too: adapters depend on the feature, never the other way round. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching(QUERY + ".(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theEngineKnowsNoFeature = classes()
            .that()
            .resideInAPackage(ENGINE)
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage(QUERY + "..").or(resideInAnyPackage(ENGINE, SHARED)))
            .because("features plug into the engine as BatchProjections; the engine never names one");

    @ArchTest
    static final ArchRule sharedDependsOnNoFeature = classes()
            .that()
            .resideInAPackage(SHARED)
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage(QUERY + "..").or(resideInAnyPackage(SHARED)))
            .because("what every feature shares cannot know any of them (nor the engine)");

    @ArchTest
    static final ArchRule noFeatureUsesAnotherFeaturesPersistence = classes()
            .that()
            .resideInAPackage(QUERY + "..")
            .should(new ArchCondition<JavaClass>("use no other feature's persistence package (shared's is for all)") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    Optional<String> own = group(SLICE, item.getPackageName());
                    for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                        Optional<String> target =
                                group(PERSISTENCE, dependency.getTargetClass().getPackageName());
                        if (target.isPresent()
                                && !target.equals(own)
                                && !target.get().equals(SHARED_SLICE)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            })
            .because("a feature asks another through that feature's small public query interface");

    @ArchTest
    static final ArchRule onlyTheMessagingAdaptersTalkToKafka = noClasses()
            .that(not(resideInAnyPackage("..messaging..")))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
            .because("the topic is read in one place per stream: the engine's listener and the credential digests");

    @ArchTest
    static final ArchRule projectionLogicKnowsNoAdapters = noClasses()
            .that()
            .resideInAPackage("org.endorsements.query.projection")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..web..",
                    "..persistence..",
                    "..messaging..",
                    "org.apache.kafka..",
                    "org.springframework.kafka..",
                    "org.springframework.data.mongodb.core..")
            .because("the engine is a plain object, tested without Kafka or MongoDB");

    @ArchTest
    static final ArchRule viewsKnowNoWeb = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.endorsements.query.statement",
                    "org.endorsements.query.endorsement",
                    "org.endorsements.query.audit",
                    "org.endorsements.query.growth",
                    "org.endorsements.query.organization")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web..", "org.springframework.web..");

    @ArchTest
    static final ArchRule controllersStayInWebPackages =
            classes().that().haveSimpleNameEndingWith("Controller").should().resideInAPackage("..web..");

    private static final DescribedPredicate<JavaClass> PERSISTENCE_DOCUMENTS = JavaClass.Predicates.resideInAnyPackage(
            "org.endorsements.query.statement", "org.endorsements.query.endorsement",
            "org.endorsements.query.audit", "org.endorsements.query.growth",
            "org.endorsements.query.organization", "org.bson..");

    /** The raw return type and every type argument of it: a {@code CompletableFuture<StatementView>} counts too. */
    private static final ArchCondition<JavaMethod> RETURN_NO_PERSISTENCE_DOCUMENT =
            new ArchCondition<>("return no persistence document, not even inside a generic type") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    method.getReturnType().getAllInvolvedRawTypes().stream()
                            .filter(PERSISTENCE_DOCUMENTS)
                            .forEach(type -> events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " answers with " + type.getName())));
                }
            };

    @ArchTest
    static final ArchRule handlersNeverReturnPersistenceDocuments = methods()
            .that()
            .areAnnotatedWith(GetMapping.class)
            .should(RETURN_NO_PERSISTENCE_DOCUMENT)
            .because("the API answers with its own response records, never persistence documents");

    private static Optional<String> group(Pattern pattern, String packageName) {
        Matcher matcher = pattern.matcher(packageName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
