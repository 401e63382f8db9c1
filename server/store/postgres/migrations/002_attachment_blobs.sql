-- Attachment bytes shared by every node: a file uploaded through one node downloads through
-- another. On SQLite they are files beside the database (one machine); here the system of record
-- holds them. Named by the attachment's id, as the files are.
CREATE TABLE attachment_blobs (
  id TEXT PRIMARY KEY,
  bytes BYTEA NOT NULL
);
