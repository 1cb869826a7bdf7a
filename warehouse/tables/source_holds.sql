-- source_holds: one row per document (or whole source) whose new version yielded far fewer mentions than its
-- last good version, so that its last good mentions were kept this run. Rebuilt every run.
create or replace table source_holds (
    source_id         varchar not null,
    url               varchar,
    previous_mentions integer not null,
    new_mentions      integer not null,
    reason            varchar not null,
    documents_key     varchar not null
);
comment on table source_holds is 'Documents and sources whose new version yields far fewer mentions than the last good one: their last good mentions are kept, and the source_volume check fails, until the source recovers or a user runs `python3 tasks.py accept-drop SOURCE_ID`.';
comment on column source_holds.source_id is 'Source slug from sources.toml.';
comment on column source_holds.url is 'The held document; NULL when the whole source is held (it names fewer documents than before).';
comment on column source_holds.previous_mentions is 'Mentions of the last good version (still used).';
comment on column source_holds.new_mentions is 'Mentions the new version yields.';
comment on column source_holds.reason is 'Why the new version was not taken.';
comment on column source_holds.documents_key is 'Hash of the (url, sha256) pairs the source serves now: accept-drop accepts exactly these.';
