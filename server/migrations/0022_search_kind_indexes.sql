-- search module: one full-text index per document kind. Each search asks for one kind, and with
-- the single index every match of every kind was read and then thrown away by kind (a query for
-- masters read all the matching services' rows too).
CREATE INDEX search_documents_master_tsv_idx ON search_documents USING gin (tsv) WHERE kind = 'master';
CREATE INDEX search_documents_service_tsv_idx ON search_documents USING gin (tsv) WHERE kind = 'service';
CREATE INDEX search_documents_post_tsv_idx ON search_documents USING gin (tsv) WHERE kind = 'post';
DROP INDEX search_documents_tsv_idx;
