-- mart_funding_by_segment
-- Grain: one row per (quarter of announcement, segment). Keys: quarter, segment.
-- Units: amounts in whole US dollars; undisclosed amounts count in deal_count but add nothing to sums.
create or replace table mart_funding_by_segment as
with deals as (
    select
        segment,
        segment_label,
        layer,
        date_trunc('quarter', announced_date)::date as quarter_start,
        amount_usd
    from main.deals
),
by_quarter as (
    select
        quarter_start,
        strftime(quarter_start, '%Y') || '-Q' || quarter(quarter_start)::varchar as quarter,
        layer,
        segment,
        any_value(segment_label) as segment_label,
        count(*)::integer as deal_count,
        count(amount_usd)::integer as disclosed_deal_count,
        coalesce(sum(amount_usd), 0)::bigint as amount_usd_total,
        median(amount_usd)::bigint as amount_usd_median,
        max(amount_usd) as amount_usd_max
    from deals
    group by quarter_start, layer, segment
)
select * from by_quarter
order by quarter_start, layer, segment;

comment on table mart_funding_by_segment is 'Funding by segment and quarter. Grain: quarter x segment. Amounts in whole US dollars; sums reconcile with deals.';
comment on column mart_funding_by_segment.quarter_start is 'First day of the quarter of announcement.';
comment on column mart_funding_by_segment.quarter is 'Quarter label, e.g. 2026-Q1.';
comment on column mart_funding_by_segment.layer is 'Stack layer slug of the segment.';
comment on column mart_funding_by_segment.segment is 'Segment slug.';
comment on column mart_funding_by_segment.segment_label is 'Segment display label.';
comment on column mart_funding_by_segment.deal_count is 'Deals announced, disclosed amount or not.';
comment on column mart_funding_by_segment.disclosed_deal_count is 'Deals with a disclosed amount.';
comment on column mart_funding_by_segment.amount_usd_total is 'Sum of disclosed amounts, whole USD.';
comment on column mart_funding_by_segment.amount_usd_median is 'Median disclosed amount, whole USD; NULL when none disclosed.';
comment on column mart_funding_by_segment.amount_usd_max is 'Largest disclosed amount, whole USD.';
