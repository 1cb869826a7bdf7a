-- validated_deals: the normalized mentions that passed every error-severity rule.
create or replace table validated_deals as select * from normalized_deals limit 0;
comment on table validated_deals is 'Normalized mentions that passed every validation rule; input to cross-source resolution.';
