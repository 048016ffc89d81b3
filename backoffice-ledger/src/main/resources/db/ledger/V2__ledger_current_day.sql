-- Ledger schema, version 2: each account carries its current day's totals in its own row.
--
-- Version 1 kept every day's totals in ledger_account_day, so every group of postings upserted
-- one snapshot row per touched account besides updating the account row itself: a second
-- random-row write per account, ~15 % of a group's database time. Now the totals of the
-- account's latest value date (non-closing movements only) live in these columns, written by the
-- same UPDATE that writes the balance. ledger_account_day receives a row only when an account's
-- day rolls over (the previous day's totals move there, once per account per day), for entries
-- dated before the current day, and for closing entries.
--
-- A balance as of a date D is therefore: the ledger_account_day rows with value_date <= D, plus
-- these columns when day_date <= D, read in one statement (one snapshot).
ALTER TABLE ledger_account ADD COLUMN day_date DATE;
ALTER TABLE ledger_account ADD COLUMN day_debits_posted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ledger_account ADD COLUMN day_credits_posted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ledger_account ADD COLUMN day_debits_pending BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ledger_account ADD COLUMN day_credits_pending BIGINT DEFAULT 0 NOT NULL;
