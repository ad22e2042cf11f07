package org.endorsements.command.moderation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The moderation controller's planner with its default properties, on the slice's mock registry and gateway. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(ModerationProperties.class)
@Import(InvalidationJobs.class)
public class SliceModeration {}
