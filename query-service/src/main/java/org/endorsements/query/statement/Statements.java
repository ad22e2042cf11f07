package org.endorsements.query.statement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What other features may ask of the statements' views. */
public interface Statements {

    /** A published statement. */
    Optional<StatementView> find(String statementId);

    /**
     * Where the statement's view stands: the generation of the views, the statement's last sequence and the offset
     * of the last endorsement event counted in it. Results computed from the statement's views alone are the same
     * for the same position.
     */
    String position(StatementView statement);

    /** Published statements, newest first. */
    List<StatementView> all();

    /** Every statement view, published or not yet (one that only endorsements have named so far). */
    List<StatementView> views();

    /** The views of these statements, published or not. */
    List<StatementView> views(Collection<String> statementIds);
}
