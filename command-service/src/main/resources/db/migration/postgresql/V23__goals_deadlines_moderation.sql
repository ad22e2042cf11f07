-- A statement's goal and closing time, and each endorsement's state, written in the transaction of their events:
-- the command side counts and closes from these (docs/decisions/0015).
ALTER TABLE statement_registry ADD COLUMN signature_goal INTEGER;
ALTER TABLE statement_registry ADD COLUMN closes_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE statement_registry ADD COLUMN goal_reached BOOLEAN DEFAULT FALSE NOT NULL;
-- Open statements first: the deadline check reads only those, however many closed before.
CREATE INDEX statement_registry_deadline ON statement_registry (closed, closes_at);

-- One row per statement x organization; state: endorsed, withdrawn or invalidated. Rows, not a counter per
-- statement, so that concurrent endorsements of one statement never wait for each other's row lock.
CREATE TABLE endorsement_registry (
    statement_id    VARCHAR(100) NOT NULL,
    organization_id VARCHAR(100) NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    PRIMARY KEY (statement_id, organization_id)
);
CREATE INDEX endorsement_registry_state ON endorsement_registry (statement_id, state);

-- Endorsements recorded before this table existed: each one's state is its last addition or withdrawal (no
-- invalidation existed before). The aggregate id is '<statement id>:<organization id>'; ids never hold ':'.
INSERT INTO endorsement_registry (statement_id, organization_id, state)
SELECT SUBSTRING(d.aggregateidentifier FROM 1 FOR POSITION(':' IN d.aggregateidentifier) - 1),
       SUBSTRING(d.aggregateidentifier FROM POSITION(':' IN d.aggregateidentifier) + 1),
       CASE WHEN d.payloadtype = 'org.endorsements.events.EndorsementAdded' THEN 'endorsed' ELSE 'withdrawn' END
FROM domainevententry d
WHERE d.type = 'Endorsement'
  AND d.payloadtype IN ('org.endorsements.events.EndorsementAdded', 'org.endorsements.events.EndorsementWithdrawn')
  AND d.sequencenumber = (
      SELECT MAX(l.sequencenumber) FROM domainevententry l
      WHERE l.aggregateidentifier = d.aggregateidentifier
        AND l.payloadtype IN ('org.endorsements.events.EndorsementAdded',
                              'org.endorsements.events.EndorsementWithdrawn'));
