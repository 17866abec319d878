-- Version 3: the retry budget is the engine's --max-attempts, read by the engine when a
-- transient failure or a lost lease ends an attempt. A per-row limit fixed at submit time made
-- the engine's option a no-op (and a row submitted before a change of policy kept the old one).
ALTER TABLE images DROP COLUMN max_attempts;
