package org.endorsements.query.projection.persistence;

/**
 * Collection names of one generation of the views. A replay builds a new generation beside the live one and the
 * read API switches over once it has caught up.
 */
public record ViewCollections(int generation) {

    public String statements() {
        return "statements_g" + generation;
    }

    public String endorsements() {
        return "endorsements_g" + generation;
    }

    public String audit() {
        return "audit_g" + generation;
    }

    public String growth() {
        return "growth_g" + generation;
    }

    public String organizations() {
        return "organizations_g" + generation;
    }

    public String positions() {
        return "positions_g" + generation;
    }
}
