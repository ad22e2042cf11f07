package org.endorsements.command.support;

import java.util.Map;
import org.endorsements.command.shared.DomainRuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the rule violation an aggregate throws by its stable code (and the problem members it adds). */
public final class Violations {

    private Violations() {}

    public static Matcher<DomainRuleViolation> violation(String code) {
        return violation(code, Map.of());
    }

    public static Matcher<DomainRuleViolation> violation(String code, Map<String, Object> properties) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRuleViolation item) {
                return item.code().equals(code) && item.properties().entrySet().containsAll(properties.entrySet());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation " + code + " with " + properties);
            }

            @Override
            protected void describeMismatchSafely(DomainRuleViolation item, Description mismatch) {
                mismatch.appendText("was " + item.code() + " with " + item.properties());
            }
        };
    }
}
