-- Version 5: who changed what. People change jobs only through the SECURITY DEFINER functions
-- below (roles.sql grants them; no login but the owner may UPDATE or DELETE images directly),
-- and each function writes its audit row in its own transaction: a change without its record
-- cannot commit. Submissions are recorded by a trigger, so a direct INSERT is audited too.
-- Engines' own transitions stay in `attempts`.

-- Who submitted: filled by the default, never by the client (roles.sql grants INSERT on the
-- other columns only). Rows from before version 5 stay NULL: unknown.
ALTER TABLE images ADD COLUMN submitted_by text;
ALTER TABLE images ALTER COLUMN submitted_by SET DEFAULT session_user;

-- Append-only: roles.sql grants SELECT to viewers and nothing else to anyone; rows come only
-- from pixelnest_audit(), which runs as the owner.
CREATE TABLE audit_log (
    id     bigserial   PRIMARY KEY,
    at     timestamptz NOT NULL DEFAULT now(),
    login  text        NOT NULL,
    role   text        NOT NULL,
    client text        NOT NULL,
    action text        NOT NULL,
    ids    bigint[],
    filter jsonb,
    count  integer     NOT NULL,
    old    jsonb,
    new    jsonb
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_login_at ON audit_log (login, at);

-- The Pixelnest role a login acts as: owner (the schema's owner or a superuser), else the
-- highest of admin, operator, engine, viewer it is a member of, else none.
CREATE FUNCTION pixelnest_role_of(login name) RETURNS text
LANGUAGE plpgsql STABLE SET search_path FROM CURRENT AS $$
DECLARE
    candidate text;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login AND rolsuper)
       OR login = (SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                   WHERE c.oid = 'images'::regclass) THEN
        RETURN 'owner';
    END IF;
    FOREACH candidate IN ARRAY ARRAY['admin', 'operator', 'engine', 'viewer'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pixelnest_' || candidate)
           AND pg_has_role(login, 'pixelnest_' || candidate, 'MEMBER') THEN
            RETURN candidate;
        END IF;
    END LOOP;
    RETURN 'none';
END $$;

CREATE FUNCTION pixelnest_audit(action text, ids bigint[], filter jsonb, count integer,
                                old jsonb, new jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    INSERT INTO audit_log (login, role, client, action, ids, filter, count, old, new)
    VALUES (session_user, pixelnest_role_of(session_user),
            coalesce(nullif(current_setting('application_name', true), ''), '?') || '@'
                || coalesce(host(inet_client_addr()), 'local'),
            action, ids, filter, count, old, new)
$$;

CREATE FUNCTION pixelnest_audit_submitted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pixelnest_audit('submit', ARRAY(SELECT id FROM new_rows ORDER BY id), NULL,
                            (SELECT count(*) FROM new_rows)::int, NULL,
                            (SELECT jsonb_object_agg(id, jsonb_build_object(
                                 'title', title, 'priority', priority, 'pipeline', pipeline))
                             FROM new_rows));
    RETURN NULL;
END $$;

CREATE TRIGGER images_inserted_audit AFTER INSERT ON images
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pixelnest_audit_submitted();

-- Rows are locked in id order (as every other writer does) before they change.
CREATE FUNCTION pixelnest_set_priority(job_ids bigint[], new_priority integer)
RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    changed bigint[];
    before jsonb;
BEGIN
    WITH locked AS (
        SELECT i.id, i.priority FROM images i WHERE i.id = ANY(job_ids) ORDER BY i.id FOR UPDATE
    ), updated AS (
        UPDATE images i SET priority = new_priority FROM locked l WHERE i.id = l.id
        RETURNING i.id, l.priority AS was
    )
    SELECT array_agg(u.id ORDER BY u.id), jsonb_object_agg(u.id, u.was)
    INTO changed, before FROM updated u;
    IF changed IS NOT NULL THEN
        PERFORM pixelnest_audit('priority', changed, NULL, cardinality(changed), before,
                                jsonb_build_object('priority', new_priority));
    END IF;
    RETURN QUERY SELECT unnest(coalesce(changed, '{}'));
END $$;

CREATE FUNCTION pixelnest_cancel(job_ids bigint[]) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    changed bigint[];
    before jsonb;
BEGIN
    WITH locked AS (
        SELECT i.id, i.status FROM images i
        WHERE i.id = ANY(job_ids) AND i.status IN ('queued', 'processing')
        ORDER BY i.id FOR UPDATE
    ), cancelled AS (
        UPDATE images i SET status = 'cancelled', finished_at = now() FROM locked l
        WHERE i.id = l.id RETURNING i.id, i.attempts, l.status AS was
    ), history AS (
        UPDATE attempts a SET finished_at = now(), outcome = 'cancelled'
        FROM cancelled c WHERE a.image_id = c.id AND a.attempt = c.attempts
          AND a.finished_at IS NULL
    )
    SELECT array_agg(c.id ORDER BY c.id), jsonb_object_agg(c.id, c.was)
    INTO changed, before FROM cancelled c;
    IF changed IS NOT NULL THEN
        PERFORM pixelnest_audit('cancel', changed, NULL, cardinality(changed), before,
                                jsonb_build_object('status', 'cancelled'));
    END IF;
    RETURN QUERY SELECT unnest(coalesce(changed, '{}'));
END $$;

-- Reprocess (job_ids given) or reprocess-all-failed (job_ids NULL): back to queued with a new
-- retry budget. Returns the requeued jobs with their priorities, for Redis.
CREATE FUNCTION pixelnest_requeue(job_ids bigint[], OUT job_id bigint, OUT job_priority integer)
RETURNS SETOF record
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    changed bigint[];
    before jsonb;
BEGIN
    WITH locked AS (
        SELECT i.id, i.status FROM images i
        WHERE CASE WHEN job_ids IS NULL THEN i.status = 'failed'
                   ELSE i.id = ANY(job_ids)
                        AND i.status IN ('completed', 'failed', 'cancelled') END
        ORDER BY i.id FOR UPDATE
    ), requeued AS (
        UPDATE images i SET status = 'queued', attempts_base = attempts, error = NULL,
            result = NULL, worker = NULL, started_at = NULL, finished_at = NULL,
            not_before = NULL, queued_at = now()
        FROM locked l WHERE i.id = l.id RETURNING i.id, l.status AS was
    )
    SELECT array_agg(r.id ORDER BY r.id), jsonb_object_agg(r.id, r.was)
    INTO changed, before FROM requeued r;
    IF changed IS NOT NULL THEN
        PERFORM pixelnest_audit(
            CASE WHEN job_ids IS NULL THEN 'reprocess-all-failed' ELSE 'reprocess' END, changed,
            CASE WHEN job_ids IS NULL THEN jsonb_build_object('status', 'failed') END,
            cardinality(changed), before, jsonb_build_object('status', 'queued'));
    END IF;
    RETURN QUERY SELECT i.id, i.priority FROM images i
        WHERE i.id = ANY(coalesce(changed, '{}')) ORDER BY i.id;
END $$;

-- Gives `login` exactly one Pixelnest role (revoking the others it holds directly). Runs as the
-- owner, who needs CREATEROLE (or superuser) to grant; roles.sql lets only admins call it.
CREATE FUNCTION pixelnest_grant_role(login name, role_name text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    previous text;
    held text;
BEGIN
    IF role_name NOT IN ('viewer', 'operator', 'admin', 'engine') THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('unknown role "%s": viewer, operator, admin or engine', role_name);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login AND rolcanlogin) THEN
        RAISE EXCEPTION USING ERRCODE = '42704',
            MESSAGE = format('no login "%s" in this PostgreSQL: create it first '
                             '(CREATE ROLE %I LOGIN PASSWORD ...)', login, login);
    END IF;
    previous := pixelnest_role_of(login);
    FOR held IN
        SELECT g.rolname FROM pg_auth_members m
        JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
        WHERE u.rolname = login AND g.rolname LIKE 'pixelnest\_%'
          AND g.rolname <> 'pixelnest_' || role_name
    LOOP
        EXECUTE format('REVOKE %I FROM %I', held, login);
    END LOOP;
    EXECUTE format('GRANT %I TO %I', 'pixelnest_' || role_name, login);
    PERFORM pixelnest_audit('role change', NULL, jsonb_build_object('login', login), 1,
                            jsonb_build_object('role', previous),
                            jsonb_build_object('role', role_name));
    RETURN previous;
END $$;

-- Functions are executable by PUBLIC by default: these only by whom roles.sql names.
REVOKE ALL ON FUNCTION pixelnest_audit(text, bigint[], jsonb, integer, jsonb, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION pixelnest_set_priority(bigint[], integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION pixelnest_cancel(bigint[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION pixelnest_requeue(bigint[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION pixelnest_grant_role(name, text) FROM PUBLIC;
