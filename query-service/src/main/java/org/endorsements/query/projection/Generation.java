package org.endorsements.query.projection;

import java.util.List;

/**
 * One generation of every projection's collections. A replay builds the next generation beside the live one and
 * reads and projection switch over at once once it has caught up.
 */
public record Generation(int number) {

    public String collection(String baseName) {
        return baseName + "_g" + number;
    }

    public List<String> collections(List<String> baseNames) {
        return baseNames.stream().map(this::collection).toList();
    }
}
