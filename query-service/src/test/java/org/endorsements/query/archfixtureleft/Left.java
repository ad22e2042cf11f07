package org.endorsements.query.archfixtureleft;

import org.endorsements.query.archfixtureright.Right;

/** Half of a deliberate cycle between two packages, for {@code ArchitectureRulesFailTest} only. */
public class Left {

    Right right;
}
