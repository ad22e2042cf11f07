package org.endorsements.command.archfixtureright;

import org.endorsements.command.archfixtureleft.Left;

/** The other half of a deliberate cycle between two packages, for {@code ArchitectureRulesFailTest} only. */
public class Right {

    Left left;
}
