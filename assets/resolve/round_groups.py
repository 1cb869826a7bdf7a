"""Deals of one-round groups, built in SQL: mentions that can only be one deal together.

`merge.resolve_deals` clusters a company's mentions one at a time, and the order matters only through
stageless rounds ('venture', 'unknown'): a stageless mention may join any round, and a cluster it opens
takes the stage of whatever joins it. A company (and status) whose mentions that may merge state their
stage, all of them, has no such order: mentions of different stated rounds never join, mentions of the
same round join when within the window of a member, and clusters of one round within the window of each
other are joined. So a group of mentions of one company, status and stated round spanning no more than
the window is exactly one deal, whatever the order. In an export that is nearly every mention that is not
a deal by itself (`mention_keys.lone`), and DuckDB builds those deals here, as `merge._deal_row` would:
the same precedence order, the same choice of amount, date, segment, aliases, investors, conflicts and
warnings. What is left (a stageless mention nearby, or a round restated over more than the window) is
clustered in Python.

Grain: one staged deal per group (`staged_deals`, keyed by the record id of its first mention), one staged
evidence row per mention (`staged_sources`); `in_database` numbers the deal ids over every deal.
"""

from __future__ import annotations

from assets.resolve.mention_keys import PRECEDENCE
from assets.resolve.merge import (
    AMOUNT_WARNINGS,
    COARSENESS,
    FIGURES,
    SPAN_SLACK_DAYS,
    UNDATED,
    UNDATED_WARNING,
    MergePolicy,
)
from schemas.taxonomy import UNCLASSIFIED

# Order-kept distinct values of a list, missing ones left out (as `merge._union`).
DISTINCT = "list_filter({l}, lambda x, i: x is not null and list_position({l}, x) = i)"

# Mentions that may merge (not lone) of a company and status with no stageless round among them, in groups
# of one stated round spanning at most the window: their row keys, group and precedence (1 = strongest: the
# order of `merge._precedence_key`). Read from `mention_keys`, a few percent of the mentions.
_GROUPED = """
create or replace temp table round_group_rows as
with candidates as (
    select row_key, company_key, reported, round_type, announced_date, announced_end, coarse,
        row_number() over (partition by company_key, reported, round_type order by {precedence}) as precedence
    from mention_keys
    where not lone
),
companies as (
    select company_key, reported from candidates
    group by all
    having bool_and(company_key is not null and round_type is not null and round_type not in ({stageless}))
),
groups as (
    select company_key, reported, round_type from candidates semi join companies using (company_key, reported)
    group by all
    -- an undated mention is near every date (`merge._days_apart`): only the dated ones span the window,
    -- each over the period it is dated to (a mention dated by its year may be any day of it)
    having coalesce(date_diff('day', min(announced_end), max(announced_date)), 0) <= $window
        -- a mention dated only by a quarter or a year is near only what falls within a month of it
        -- (`merge._days_apart`)
        and coalesce(max(announced_date) <= min(announced_end) filter (where coarse) + $slack, true)
        and coalesce(max(announced_date) filter (where coarse) <= min(announced_end) + $slack, true)
)
select c.row_key, c.company_key, c.reported, c.round_type, c.precedence
from candidates c semi join groups using (company_key, reported, round_type)
"""

# One row per mention of a group, with what its deal takes from the strongest mention that states it; read
# by the staged deals and their evidence. Group-wide values are aggregates joined back: window functions
# cost about 10 µs a partition, and each group is a partition of two or three mentions.
_MEMBERS = """
create or replace temp table round_group_members as
with members as (
    select g.precedence, v.* exclude (row_key),
        coalesce(nullif(v.segment, ''), '{unclassified}') as resolved_segment,
        -- the mention whose date the deal carries: the finest explicit one (`merge.COARSENESS`), the
        -- strongest of those, else the earliest (undated last); precedence is unique in a group, so
        -- exactly one mention comes first
        [if(v.date_basis = 'explicit', 0, 1),
         if(v.date_basis = 'explicit', {coarseness}, 0), if(v.date_basis = 'explicit', g.precedence, 0),
         coalesce(date_diff('day', date '0001-01-01', v.announced_date), {undated_last}), g.precedence]
            as date_order,
        -- the mention whose segment the deal carries: the strongest basis, then precedence
        [coalesce(b.rank, 9), g.precedence] as segment_order,
        g.reported, g.company_key as group_company
    from round_group_rows g
    join merging_rows v on v.row_key = g.row_key
    left join segment_basis_ranks b on b.segment_basis = v.segment_basis
),
firsts as (
    select group_company, reported, round_type,
        arg_min(amount_usd, precedence) as first_amount,
        arg_min(valuation_usd, precedence) as first_valuation,
        -- the same figures in their own currency, for comparing reports in it (`merge._agree`)
        arg_min(struct_pack(units := amount_in_currency, currency := currency), precedence)
            filter (where amount_usd is not null) as first_amount_in,
        arg_min(struct_pack(units := valuation_in_currency, currency := valuation_currency), precedence)
            filter (where valuation_usd is not null) as first_valuation_in,
        arg_min_null(company, precedence) as head_company,
        arg_min_null(record_id, precedence) as head_record,
        min(date_order) as deal_date_order,
        min(segment_order) as deal_segment_order
    from members group by all
)
select m.* exclude (date_order, segment_order),
    f.first_amount, f.first_valuation, f.first_amount_in, f.first_valuation_in, f.head_company, f.head_record,
    if(m.date_order = f.deal_date_order, 1, 2) as date_rank,
    if(m.segment_order = f.deal_segment_order, 1, 2) as segment_rank
from members m join firsts f using (group_company, reported, round_type)
"""


def deal_warnings(found: str, taken: str, segment: str, dated: str) -> str:
    """SQL for `merge._deal_warnings`: the distinct warnings of the list `found`, less 'segment_unclassified'
    when the deal's `segment` is classified, less the undated warning when `dated` (SQL: the deal has a
    date), and less the amount warnings not in `taken` (the warnings of the mention whose amount the deal
    took)."""
    amount_warnings = ", ".join(f"'{name}'" for name in sorted(AMOUNT_WARNINGS))
    return (
        f"list_filter({DISTINCT.format(l=found)}, lambda w: "
        f"not (w = 'segment_unclassified' and {segment} <> '{UNCLASSIFIED}') "
        f"and not (w = '{UNDATED_WARNING}' and {dated}) "
        f"and not (list_contains([{amount_warnings}], w) and not list_contains({taken}, w)))"
    )


_DEALS = f"""
insert into staged_deals by name
select
    deal_id, company,
    {DISTINCT.format(l="list_concat(coalesce(aliases, []), coalesce(other_names, []))")} as company_aliases,
    round_type, amount_usd, amount_is_floor, amount_is_ceiling, valuation_usd, valuation_is_floor, currency,
    amount_original,
    {DISTINCT.format(l="leads")} as lead_investors,
    {DISTINCT.format(l="list_concat(leads, others)")} as investors,
    announced_date, announced_date_precision, status, date_basis,
    d.segment, coalesce(t.label, d.segment) as segment_label, coalesce(t.layer, 'unclassified') as layer,
    source_count, mention_count,
    list_filter(['amount_usd', 'valuation_usd', 'segment'],
                lambda c, i: [amount_conflict, valuation_conflict, segment_conflict][i]) as conflicts,
    {deal_warnings("found_warnings", "taken_warnings", "d.segment", "d.announced_date is not null")}
        as warnings
from (
    select
        any_value(head_record) as deal_id,
        any_value(head_company) as company,
        list(company_alias order by precedence) filter (where company_alias is not null) as aliases,
        list(company order by precedence) filter (where company <> head_company) as other_names,
        first(round_type) as round_type,
        any_value(first_amount) as amount_usd,
        coalesce(arg_min_null(amount_is_floor, precedence) filter (where amount_usd is not null), false)
            as amount_is_floor,
        coalesce(arg_min_null(amount_is_ceiling, precedence) filter (where amount_usd is not null), false)
            as amount_is_ceiling,
        any_value(first_valuation) as valuation_usd,
        coalesce(arg_min_null(valuation_is_floor, precedence) filter (where valuation_usd is not null), false)
            as valuation_is_floor,
        arg_min_null(currency, precedence) filter (where amount_usd is not null) as currency,
        arg_min_null(amount_original, precedence) filter (where amount_usd is not null) as amount_original,
        flatten(list(coalesce(lead_investors, []) order by precedence)) as leads,
        flatten(list(coalesce(investors, []) order by precedence)) as others,
        first(announced_date) filter (where date_rank = 1) as announced_date,
        if(first(announced_date) filter (where date_rank = 1) is null, null,
           coalesce(nullif(first(announced_date_precision) filter (where date_rank = 1), ''), 'day'))
            as announced_date_precision,
        if(first(reported), 'reported', 'announced') as status,
        case when first(announced_date) filter (where date_rank = 1) is null then '{{undated}}'
             when bool_or(date_basis = 'explicit') then 'explicit' else 'published' end as date_basis,
        first(resolved_segment) filter (where segment_rank = 1) as segment,
        count(distinct source_id) as source_count,
        count(*) as mention_count,
        $amount_conflict as amount_conflict,
        $valuation_conflict as valuation_conflict,
        count(distinct segment) filter (where segment_basis = 'stated' and segment is not null
                                         and segment <> '{{unclassified}}') > 1 as segment_conflict,
        flatten(list(coalesce(warnings, []) order by precedence)) as found_warnings,
        coalesce(arg_min_null(warnings, precedence) filter (where amount_usd is not null), [])
            as taken_warnings
    from round_group_members
    group by group_company, reported, round_type
) d
left join segment_labels t on t.segment = d.segment
"""

# Without the snippet and locator: the valid rows do not carry them (they stay in the extraction files), and
# the staged evidence is read for its deal, record and precedence only.
_SOURCES = """
insert into staged_sources by name
select head_record as deal_id, record_id, source_id, url, document_sha256, method, precedence,
    amount_usd, valuation_usd, round_type, announced_date
from round_group_members
"""


def _differs(column: str, first: str, tolerance: float) -> str:
    """SQL: some known value of `column` in the group is not within `tolerance` of `first` (the strongest
    mention's), as `merge._agree` compares them (in doubles, as Python does): in their own currency when
    both state the same one other than US dollars (`first`_in holds the strongest mention's), else in
    dollars."""
    units, currency = FIGURES[column]
    own = f"{first}_in"

    def apart(value: str, other: str) -> str:
        return (
            f"abs({value} - {other}) > {float(tolerance)!r}::double * greatest(abs({value}), abs({other}), 1)"
        )

    in_one = (
        f"{own}.currency <> 'USD' and {currency} = {own}.currency and {units} is not null "
        f"and {own}.units is not null"
    )
    return f"coalesce(bool_or(if({in_one}, {apart(units, own + '.units')}, {apart(column, first)})), false)"


GROUPED_TABLE = "round_group_rows"
MEMBERS_TABLE = "round_group_members"


def stage_round_groups(connection, stageless: str, policy: MergePolicy) -> None:
    """Find the one-round groups among the mentions of `mention_keys` that are not lone (their row keys
    land in `round_group_rows`) and stage their deals and evidence from those mentions (`merging_rows`).
    `stageless` is the SQL list of stageless round names; `segment_labels` and `segment_basis_ranks` are
    registered by the caller."""
    connection.execute(
        _GROUPED.format(stageless=stageless, precedence=PRECEDENCE)
        .replace("$window", str(int(policy.window_days)))
        .replace("$slack", str(SPAN_SLACK_DAYS))
    )
    coarseness = " ".join(f"when '{name}' then {rank}" for name, rank in COARSENESS.items())
    connection.execute(
        _MEMBERS.format(
            unclassified=UNCLASSIFIED,
            undated_last=2**62,
            coarseness=f"case v.announced_date_precision {coarseness} else 0 end",
        )
    )
    connection.execute(
        _DEALS.format(unclassified=UNCLASSIFIED, undated=UNDATED)
        .replace("$amount_conflict", _differs("amount_usd", "first_amount", policy.amount_tolerance))
        .replace(
            "$valuation_conflict", _differs("valuation_usd", "first_valuation", policy.valuation_tolerance)
        )
    )
    connection.execute(_SOURCES)
