-- drop_acceptances: one row per drop a user accepted (`python3 tasks.py accept-drop SOURCE_ID`). Append-only.
create table if not exists drop_acceptances (
    source_id     varchar   not null,
    documents_key varchar   not null,
    accepted_at   timestamp not null,
    previous_mentions integer not null,
    new_mentions  integer not null
);
comment on table drop_acceptances is 'Drops a user accepted: the source may yield fewer mentions while it serves exactly the documents named by documents_key.';
comment on column drop_acceptances.source_id is 'Source slug from sources.toml.';
comment on column drop_acceptances.documents_key is 'Hash of the (url, sha256) pairs the source served when the drop was accepted.';
comment on column drop_acceptances.accepted_at is 'When the user accepted the drop (UTC).';
comment on column drop_acceptances.previous_mentions is 'Mentions the source had before the drop.';
comment on column drop_acceptances.new_mentions is 'Mentions it yields after the drop.';
