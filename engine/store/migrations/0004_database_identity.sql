-- Version 4: this database's identity. A Redis namespace is bound to one database (the first
-- to use it writes this id into `{ns}:database`), so that an engine or console pointed at the
-- right Redis but the wrong PostgreSQL refuses instead of claiming ids that do not exist there.
CREATE TABLE pixelnest_identity (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO pixelnest_identity DEFAULT VALUES;
