-- mart_top_deals
-- Grain: one row per deal among the 100 largest by disclosed amount. Key: deal_id; rank 1 is the largest.
-- Units: whole US dollars. share_of_total = amount / all disclosed amounts in deals.
-- Reads: deals, announced rounds only: a reported round (talks, sources say) stays in deals, marked, and
-- adds nothing here (it would count twice once the round is announced).
with

disclosed_deals as (
    select
        deal_id,
        company,
        round_type,
        amount_usd,
        amount_is_floor,
        amount_is_ceiling,
        valuation_usd,
        segment,
        segment_label,
        layer,
        announced_date,
        announced_date_precision,
        lead_investors,
        source_count
    from main.deals
    where
        status = 'announced'
        and amount_usd is not null
),

disclosed_total as (
    select sum(amount_usd) as amount_usd_total
    from disclosed_deals
),

-- The 100 largest in the order the ranks follow, taken by a top-N rather than numbering every deal: the
-- order is total (deal_id breaks the last ties), so they are the deals a numbering of all would rank 1..100.
largest_deals as (
    select *
    from disclosed_deals
    order by amount_usd desc, announced_date asc, company asc, deal_id asc
    limit 100
),

final as (
    select
        -- Ties on amount go to the earlier deal, then by company; deal_id makes the order total.
        row_number() over (
            order by
                largest_deals.amount_usd desc,
                largest_deals.announced_date asc,
                largest_deals.company asc,
                largest_deals.deal_id asc
        )::integer as rank,
        largest_deals.*,
        largest_deals.amount_usd / nullif(disclosed_total.amount_usd_total, 0) as share_of_total
    from largest_deals
    cross join disclosed_total
)

select * from final
order by rank
