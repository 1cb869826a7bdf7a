-- mart_top_deals
-- Grain: one row per deal among the 100 largest by disclosed amount. Key: deal_id; rank 1 is the largest.
-- Units: whole US dollars. share_of_total = amount / all disclosed amounts in deals.
-- Reads: deals.
with

disclosed_deals as (
    select
        deal_id,
        company,
        round_type,
        amount_usd,
        amount_is_floor,
        valuation_usd,
        segment,
        segment_label,
        layer,
        announced_date,
        lead_investors,
        source_count
    from main.deals
    where amount_usd is not null
),

ranked_deals as (
    select
        -- Ties on amount go to the earlier deal, then by company; deal_id makes the order total.
        row_number() over (
            order by amount_usd desc, announced_date asc, company asc, deal_id asc
        )::integer as rank,
        *,
        amount_usd / nullif(sum(amount_usd) over (), 0) as share_of_total
    from disclosed_deals
),

final as (
    select * from ranked_deals
    where rank <= 100
)

select * from final
order by rank
