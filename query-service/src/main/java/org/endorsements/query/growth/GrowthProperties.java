package org.endorsements.query.growth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxSteps the most minute steps one hourly growth answer carries; a range with more gets hourly steps
 *                 (each hour's last change), so that a long campaign's answer stays bounded
 */
@ConfigurationProperties("endorsements.growth")
public record GrowthProperties(@DefaultValue("10000") int maxSteps) {}
