-- mart_funding_by_segment
-- Grain: one row per (quarter of announcement, segment). Keys: quarter, segment.
-- Units: amounts in whole US dollars; undisclosed amounts count in deal_count but add nothing to sums.
-- Reads: deals.
create or replace table mart_funding_by_segment as
with

announced_deals as (
    select
        announced_date,
        layer,
        segment,
        segment_label,
        amount_usd
    from main.deals
),

final as (
    select
        quarter_start(announced_date) as quarter_start,
        quarter_label(announced_date) as quarter,
        layer,
        segment,
        any_value(segment_label) as segment_label,
        count(*)::integer as deal_count,
        count(amount_usd)::integer as disclosed_deal_count,
        coalesce(sum(amount_usd), 0)::bigint as amount_usd_total,
        median(amount_usd)::bigint as amount_usd_median,
        max(amount_usd) as amount_usd_max
    from announced_deals
    group by all
)

select * from final
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
