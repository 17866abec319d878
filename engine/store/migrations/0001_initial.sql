-- Pixelnest schema, version 1. PostgreSQL is the source of truth: everything Redis holds can be
-- rebuilt from these tables.

CREATE TYPE job_status AS ENUM ('queued', 'processing', 'completed', 'failed', 'cancelled');

-- One row per image, like the Django model it replaces. The bytes live in image_data so that
-- this table stays narrow: the console pages through it a million rows deep and the engine
-- updates it thousands of times a second.
CREATE TABLE images (
    id           bigserial   PRIMARY KEY,
    title        text        NOT NULL DEFAULT '',
    status       job_status  NOT NULL DEFAULT 'queued',
    priority     integer     NOT NULL DEFAULT 0
                 CONSTRAINT priority_range CHECK (priority BETWEEN -1000 AND 1000),
    pipeline     text        NOT NULL DEFAULT 'default',
    -- Number of claims so far; the current claim's number is the fencing token that every
    -- result write must present (UPDATE ... WHERE id = $1 AND attempts = $2).
    attempts     integer     NOT NULL DEFAULT 0,
    -- attempts when the job was last (re)queued by a person: the retry budget of this round is
    -- attempts - attempts_base < max_attempts, while attempts itself only ever grows.
    attempts_base integer    NOT NULL DEFAULT 0,
    max_attempts integer     NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
    format       text        NOT NULL,
    byte_size    bigint      NOT NULL CHECK (byte_size >= 0),
    width        integer,
    height       integer,
    result       jsonb,
    error        text,
    worker       text,
    not_before   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    queued_at    timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);

CREATE TABLE image_data (
    image_id   bigint PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
    original   bytea  NOT NULL,
    thumbnail  bytea,
    anonymised bytea
);
-- Images are already compressed: skip pglz on them.
ALTER TABLE image_data ALTER COLUMN original SET STORAGE EXTERNAL;
ALTER TABLE image_data ALTER COLUMN anonymised SET STORAGE EXTERNAL;

-- One row per claim: who ran it, when, and how it ended.
CREATE TABLE attempts (
    image_id    bigint      NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    attempt     integer     NOT NULL,
    worker      text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    outcome     text,
    error       text,
    PRIMARY KEY (image_id, attempt)
);

-- Console: filter by status and page by id (keyset); counts per status.
CREATE INDEX images_status_id ON images (status, id);
-- Reconciler: queued rows missing from Redis; reprocess --failed.
CREATE INDEX images_queued_at ON images (queued_at) WHERE status = 'queued';

-- Live events. Statement-level triggers with transition tables send one NOTIFY per statement
-- (ids joined by commas, chunked under the 8000-byte payload limit) instead of one per row:
-- the engine writes whole batches in one statement.
CREATE FUNCTION pixelnest_notify_ids(changed_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    chunk text;
BEGIN
    FOR chunk IN
        SELECT string_agg(id::text, ',')
        FROM (SELECT id, (row_number() OVER ()) / 500 AS part FROM unnest(changed_ids) AS id) t
        GROUP BY part
    LOOP
        PERFORM pg_notify('pixelnest_images', chunk);
    END LOOP;
END $$;

CREATE FUNCTION pixelnest_images_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pixelnest_notify_ids(ARRAY(SELECT id FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION pixelnest_images_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pixelnest_notify_ids(ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.status IS DISTINCT FROM o.status
           OR n.priority IS DISTINCT FROM o.priority
           OR n.attempts IS DISTINCT FROM o.attempts));
    RETURN NULL;
END $$;

CREATE TRIGGER images_inserted_notify AFTER INSERT ON images
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pixelnest_images_inserted();

CREATE TRIGGER images_updated_notify AFTER UPDATE ON images
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pixelnest_images_updated();
