-- Legacy numbers (Art. 12): an older number may be the 24-character legacy form of spec §2 or any local number of
-- up to 50 characters (spec §4 `legacyCode`). char(24) refused longer numbers and padded shorter ones with
-- blanks; varchar(50) keeps them as given (the cast drops the padding of rows stored so far). The unique
-- constraint stays: one legacy number maps to one platform code, which is what makes an import resumable.
alter table project alter column legacy_code type varchar(50);
