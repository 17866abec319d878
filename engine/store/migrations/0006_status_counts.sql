-- Version 6: jobs per status without scanning `images`. `stats` and the console's counts read
-- a handful of rows instead of a GROUP BY over a million (issue 12).
--
-- Every statement that changes a job's status appends the net change per status it touched,
-- computed from the statement's transition tables: a batch of 64 results is one row, not 64.
-- Appending, never updating one counter row per status: concurrent engines would otherwise
-- queue behind each other's counter row on every batch. Readers sum the rows; folding them
-- back into one row per status (pixelnest_fold_status_counts: the engines' maintenance does it
-- every second, a reader when it finds many) keeps the sum short.
CREATE TABLE status_counts (
    status job_status NOT NULL,
    delta  bigint     NOT NULL
);
INSERT INTO status_counts SELECT status, count(*) FROM images GROUP BY status;

-- SECURITY DEFINER: whoever changes images (an operator's submit, an engine's results) adds
-- to the counts without any grant on them.
CREATE FUNCTION pixelnest_count_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO status_counts SELECT status, count(*) FROM new_rows GROUP BY status;
    RETURN NULL;
END $$;

CREATE FUNCTION pixelnest_count_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO status_counts
    SELECT v.status, sum(v.delta) FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES (n.status, 1), (o.status, -1)) AS v(status, delta)
    WHERE n.status <> o.status
    GROUP BY v.status HAVING sum(v.delta) <> 0;
    RETURN NULL;
END $$;

CREATE FUNCTION pixelnest_count_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO status_counts SELECT status, -count(*) FROM old_rows GROUP BY status;
    RETURN NULL;
END $$;

CREATE FUNCTION pixelnest_count_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM status_counts;
    RETURN NULL;
END $$;

CREATE TRIGGER images_inserted_count AFTER INSERT ON images
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pixelnest_count_inserted();
CREATE TRIGGER images_updated_count AFTER UPDATE ON images
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pixelnest_count_updated();
CREATE TRIGGER images_deleted_count AFTER DELETE ON images
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pixelnest_count_deleted();
CREATE TRIGGER images_truncated_count AFTER TRUNCATE ON images
    FOR EACH STATEMENT EXECUTE FUNCTION pixelnest_count_truncated();

-- One row per status again. Rows appended meanwhile by other transactions are not in this
-- statement's snapshot: they stay, and the sum is unchanged whatever runs concurrently.
CREATE FUNCTION pixelnest_fold_status_counts() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH folded AS (DELETE FROM status_counts RETURNING status, delta)
    INSERT INTO status_counts
    SELECT status, sum(delta) FROM folded GROUP BY status HAVING sum(delta) <> 0
$$;
REVOKE ALL ON FUNCTION pixelnest_fold_status_counts() FROM PUBLIC;
