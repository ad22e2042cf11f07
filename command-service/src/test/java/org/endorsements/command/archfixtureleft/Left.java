package org.endorsements.command.archfixtureleft;

import org.endorsements.command.archfixtureright.Right;

/** Half of a deliberate cycle between two packages, for {@code ArchitectureRulesFailTest} only. */
public class Left {

    Right right;
}
