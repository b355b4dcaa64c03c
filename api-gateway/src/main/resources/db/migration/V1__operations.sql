-- One row per operation, whoever started it; written only from the bus and after a confirmed
-- publish. Plain SQL that both H2 and PostgreSQL accept.
CREATE TABLE operations (
    id             VARCHAR(64)              NOT NULL PRIMARY KEY,
    kind           VARCHAR(16)              NOT NULL,
    team           VARCHAR(32)              NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    message        VARCHAR(4000),
    stage          VARCHAR(64),
    progress_done  BIGINT,
    progress_total BIGINT,
    result         VARCHAR(8000),
    source         VARCHAR(16),
    requested_by   VARCHAR(255),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX operations_by_team ON operations (team, created_at);
