"""Why a labelled deal left no trace in any mention: the first reading step that failed on its own words.

A deal lost with neither its company nor its amount in any mention (`LOST_AT` "company and amount") is
read again, sentence by sentence of its labelled span, through the steps of `extract_prose_mentions`
one at a time: is its amount read as money, is that money read as a raise, does a clause keep it, does the
clause name a deal and a company, does the clause's deal take this amount. The answer is a count that
says which step fails on writing nobody tuned the rules on (safe for the blind holdout: no words shown).
"""

from __future__ import annotations

from datetime import date

from assets.normalize.amounts import Money, find_money
from assets.normalize.rounds import find_round
from assets.parsing.clause_mention import mention_in_clause
from assets.parsing.deal_clauses import DEAL_VERB, split_sentence
from assets.parsing.money_roles import Role, money_role
from assets.parsing.sentences import split_sentences
from assets.parsing.subjects import REFERENCE, company_in_subject
from bench.extraction.evaluate import amounts_close

UNREAD = {
    "no amount labelled": "an undisclosed round: no amount to look for",
    "amount not read": "its amount is not read as money in any sentence of its span",
    "read as another figure": "its amount is read, but as a valuation, total, price or other figure",
    "no clause keeps it": "a raise, but no clause of its sentence holds it",
    "no deal words": "a raise in a clause with no deal verb, round or structure",
    "refers back": "a raise in a deal clause whose subject refers back ('It', 'The startup'), to none found",
    "no company": "a raise in a deal clause, but no company is found for it",
    "another amount taken": "its clause states a deal, with another of its amounts",
    "lost in the document": "its clause alone gives the deal; reading the whole text loses it",
}
"""The first failing step, for a deal lost before any mention (counts only: safe for the holdout)."""


def _same_amount(money: Money, amount: float) -> bool:
    """Whether an amount read is the label's (in its currency's units, within the scorer's tolerance)."""
    return bool(money.value) and amounts_close(int(money.value), int(amount))


def why_unread(span: str | None, amount: float | None, published: date | None) -> str:
    """The `UNREAD` step at which the deal a label's span states (`amount` in its own currency's units)
    was first lost."""
    if amount is None:
        return "no amount labelled"
    sentences = [s for line in (span or "").split("\n") for s in split_sentences(line)]
    reasons = [_why_in_sentence(sentence, amount, published) for sentence in sentences]
    # The sentence that got furthest speaks for the deal: the order of UNREAD is the order of reading.
    steps = list(UNREAD)
    return max((r for r in reasons if r), key=steps.index, default="amount not read")


def _why_in_sentence(sentence: str, amount: float, published: date | None) -> str | None:
    moneys = find_money(sentence)
    money = next((m for m in moneys if _same_amount(m, amount)), None)
    if money is None:
        return None
    if money_role(sentence, money, moneys, published) not in (Role.RAISE, Role.PAST_RAISE):
        return "read as another figure"
    clause = next((c for c in split_sentence(sentence) if money.text in c.text), None)
    if clause is None:
        return "no clause keeps it"
    mention = mention_in_clause(clause, "", sentence, published)
    if mention is None:
        verb = DEAL_VERB.search(clause.text)
        if not (verb or find_round(clause.text) or clause.company or clause.subject is not None):
            return "no deal words"
        subject = clause.subject if clause.subject is not None else clause.text[: verb.start() if verb else 0]
        return "refers back" if company_in_subject(subject) is REFERENCE else "no company"
    if mention.amount is None or not mention.amount.endswith(money.text):
        return "another amount taken"
    return "lost in the document"
