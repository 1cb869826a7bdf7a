-- document_extractions: one row per current document version: how it was parsed, under which fingerprint.
-- The ledger that lets unchanged documents skip parsing on the next run.
create or replace table document_extractions (
    source_id     varchar not null,
    url           varchar not null,
    sha256        varchar not null,
    fingerprint   varchar not null,
    status        varchar not null,
    mentions      integer not null,
    error_class   varchar,
    error_message varchar,
    parsed_run_id varchar not null
);
comment on table document_extractions is 'One row per current document version: parsed or failed, how many mentions, under which parser fingerprint, in which run.';
comment on column document_extractions.fingerprint is 'Hash of the parsing code, vocabularies and source options; a change re-parses the document.';
comment on column document_extractions.status is 'parsed or error.';
comment on column document_extractions.mentions is 'Deal mentions found.';
comment on column document_extractions.parsed_run_id is 'Run that actually parsed it (earlier than the current run when reused).';
