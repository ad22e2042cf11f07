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

    public String logStates() {
        return "log_states_g" + generation;
    }

    public String logLeaves() {
        return "log_leaves_g" + generation;
    }

    public String logNodes() {
        return "log_nodes_g" + generation;
    }

    public String logEvents() {
        return "log_events_g" + generation;
    }

    public String logSigners() {
        return "log_signers_g" + generation;
    }

    public String logCheckpoints() {
        return "log_checkpoints_g" + generation;
    }

    /** Every collection of this generation. */
    public java.util.List<String> all() {
        return java.util.List.of(statements(), endorsements(), audit(), growth(), organizations(), positions(),
                logStates(), logLeaves(), logNodes(), logEvents(), logSigners(), logCheckpoints());
    }
}
