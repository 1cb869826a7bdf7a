-- validated_deals: the normalized mentions that passed every error-severity rule.
create or replace table validated_deals as
select *, []::varchar[] as warnings from normalized_deals limit 0;
comment on table validated_deals is 'Normalized mentions that passed every error-severity rule; input to cross-source resolution.';
comment on column validated_deals.warnings is 'Warn-severity rules the mention broke (kept, flagged).';
