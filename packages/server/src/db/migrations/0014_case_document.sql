-- The decision document of a completed case (批文, Art. 14(3)): the file's name, size and SM3 digest beside its
-- file-store key, so the document can be listed and checked without opening it.
alter table matter_case
  add column document_file_name text,
  add column document_size      integer,
  add column document_sm3       char(64);
