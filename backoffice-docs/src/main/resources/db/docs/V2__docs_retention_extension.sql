-- Document archive schema, version 2: a person's retention extension is stored apart from the
-- policy's date.
--
-- In version 1 extendRetention overwrote retain_until, so recomputing a class after a policy
-- change dropped the extension, and on a document still waiting for its trigger event the
-- extension replaced the event. Now extended_until keeps the extension (the last day a person
-- extended the retention to); retain_until is always the later of the policy's date and
-- extended_until, and stays empty while the event has not been recorded.
-- Same SQL on H2 and PostgreSQL; existing rows read as never extended.
ALTER TABLE docs_document ADD COLUMN extended_until DATE;
