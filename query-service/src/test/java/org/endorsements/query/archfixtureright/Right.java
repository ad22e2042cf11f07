package org.endorsements.query.archfixtureright;

import org.endorsements.query.archfixtureleft.Left;

/** The other half of a deliberate cycle between two packages, for {@code ArchitectureRulesFailTest} only. */
public class Right {

    Left left;
}
