"""The keys of every valid mention, read once, and whether it is a deal by itself (a lone mention).

Resolution reads the valid mentions (`valid_rows`: `normalized_values` less what `mention_verdicts`
quarantines) once for what every later step needs to match and order them: company key, status, round,
date, the parts of the precedence order (`merge._precedence_key`) and when the mention's document was
first fetched. Later steps read this narrow table (`mention_keys`), never the mentions again, except for
the columns a deal takes from them.

A mention is lone when no other mention could join it (`merge._Cluster.accepts`): none of the same company
and status within the window with a round that does not contradict it (a cluster with a stated round
holds only that round and stageless mentions, so a mention joins one only through such a neighbour).
Each mention is paired with the others of its company (a hash join on the company key: window functions
over company and round, tried instead, cost twice as much).

Grain: one row per valid mention, 13 columns (resolution alone on a million mentions peaked at 840 to
860 MiB with it, 900 to 940 MiB before it).
"""

from __future__ import annotations

from assets.resolve.merge import SPAN_SLACK_DAYS

MENTION_KEYS = "mention_keys"

# The precedence order (`merge._precedence_key`, strongest first) over the columns of `mention_keys`.
PRECEDENCE = "method_rank, newer_first, source_rank, document_sha256, mention_key, record_id"

# $window: the merge window in days; $sources: how many sources are ranked; {stageless}: the SQL list of
# stageless rounds. `keyed` is read twice, inlined: scanning the valid mentions twice cost less than
# materialising a million rows for the second read.
_MENTION_KEYS = """
create or replace temp table mention_keys as
with keyed as not materialized (
    select v.row_key, v.company_key, coalesce(v.status = 'reported', false) as reported, v.round_type,
        v.announced_date, {last_day} as announced_end,
        -- a quarter or a year the text states (`merge._coarse`)
        coalesce(v.date_basis = 'explicit' and v.announced_date_precision in ('quarter', 'year'), false)
            as coarse,
        coalesce(v.round_type in ({stageless}), false) as stageless,
        coalesce(m.rank, 9) as method_rank,
        coalesce(-(date_diff('day', date '0001-01-01', v.published_date) + 1), 0) as newer_first,
        coalesce(r.rank, $sources) as source_rank, v.document_sha256,
        v.mention_key, v.record_id, d.fetched
    from valid_rows v
    left join method_ranks m on m.method = v.method
    left join source_ranks r on r.source_id = v.source_id
    left join (select source_id, url, sha256, min(fetched_at) as fetched from documents group by all) d
        on d.source_id = v.source_id and d.url = v.url and d.sha256 = v.document_sha256
)
select k.* exclude (stageless),
    k.company_key is not null and k.round_type is not null and not exists (
        select 1 from keyed w
        where w.company_key = k.company_key and w.reported = k.reported and w.row_key <> k.row_key
          -- the periods the two are dated to within the window, or within a month when one is a quarter
          -- or a year its text states; an undated mention is near every date (`merge._days_apart`)
          and coalesce(
              greatest(k.announced_date - w.announced_end, w.announced_date - k.announced_end)
                  <= if(k.coarse or w.coarse, $slack, $window),
              true)
          -- 'a funding round' (stageless) may be any stated round; stated rounds must be the same
          and (w.round_type = k.round_type or w.stageless or k.stageless)
    ) as lone
from keyed k
"""


def last_day_sql(day: str, precision: str) -> str:
    """SQL for `merge._last_day`: the end of the month, quarter or year a date of that precision may be in,
    else the day itself."""
    return (
        f"(case {precision} when 'month' then last_day({day})"
        f" when 'quarter' then last_day(date_trunc('quarter', {day}) + interval 2 month)::date"
        f" when 'year' then make_date(year({day}), 12, 31) else {day} end)"
    )


def mention_keys_sql(stageless: str, window_days: int, source_count: int) -> str:
    """SQL creating `mention_keys` from `valid_rows`, `method_ranks`, `source_ranks` and `documents`."""
    return (
        _MENTION_KEYS.format(
            stageless=stageless, last_day=last_day_sql("v.announced_date", "v.announced_date_precision")
        )
        .replace("$window", str(int(window_days)))
        .replace("$slack", str(SPAN_SLACK_DAYS))
        .replace("$sources", str(source_count))
    )
