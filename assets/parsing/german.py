"""Deal mentions in German funding news ('Das Münchner KI-Startup Lumora hat 12 Millionen Euro eingesammelt').

German is read apart from the other languages because its grammar defeats the English reader's first
assumption: German writes every noun with a capital, so a capitalised word is no sign of a name
('Unternehmen', 'Zeiten', 'Investoren'). A name is taken only where German puts one:
- after a noun that says what the company is: 'das Aachener Startup Black Semiconductor', 'das
  Defensetech-Startup Terra Industries' (the descriptor apposition German news opens with);
- as a sentence's subject without an article, right before a singular verb ('Smartbax sammelt', 'Open-AI
  hat'), or right after the verb when an adverb opens the sentence ('Zudem sammelt Feldwerk ...');
- after 'in' when the sentence says someone invests in it ('Siemens investiert 30 Millionen Euro in X');
- as a list item ('1. Feldwerk – 15 Mio. Euro').
'Das Start-up', 'Das Unternehmen' with no name refer back to the company named last.

The amount is the German money phrase the sentence states for the raise; a figure next to a valuation,
revenue, a fund, a total or a price is not a raise, and a sentence about an acquisition, a fund close or
a denial states no deal. Rumours and plans ('soll', 'laut Insidern', 'will ... einsammeln') are reported
rounds. Every field is the text's own wording (the round's German name included: the round vocabulary
reads it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from assets.normalize.amounts import find_money
from assets.normalize.german_amounts import find_german_money
from assets.normalize.money import Money
from assets.parsing.mentions import DealMention, Method
from assets.parsing.prose_names import valid_company


def _word_set(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Words common in German running text and rare in English (and not names): which language a sentence is
# in. 'die' and 'was' are English words too, and 'in' both: they are left out; so are 'euro' and
# 'mio' ('Quenby gets 5 million euro seed, Mio Capital leads' is English).
_GERMAN_WORDS = _word_set(
    "der das und mit für ist von den dem ein eine einer einem eines auf sich im zum zur bei nach "
    "über auch wird wurde wurden nicht sind haben hat hatte noch nur seine seiner ihre ihren einen wie "
    "vom durch dass sammelt eingesammelt erhält erhalten bekommt millionen milliarden "
    "runde aus zu es sie er oder aber als unter vor beim zwischen seit diese dieser zudem "
    "außerdem bereits gab gibt"
)
_ENGLISH_WORDS = _word_set(
    "the and of to that with for from which its was said is has have are by at on raised raises raise "
    "million billion led funding round announced their this"
)
_WORD = re.compile(r"[^\W\d_]+")


# Amounts only German writes ('15 Mio. Euro', '4,7 Millionen', '500.000 Franken', 'US-Dollar').
_GERMAN_MONEY_FORM = re.compile(
    r"\d\s?(?:Mio\.|Mrd\.|Millionen|Milliarden)|\d\.\d{3}(?!\d)\s?(?:Euro|€|Franken)|\bUS-Dollar\b|\bFranken\b"
)


def _votes(text: str) -> tuple[int, int]:
    """(common German words, common English words) of `text`."""
    words = _WORD.findall(text.lower())
    return sum(word in _GERMAN_WORDS for word in words), sum(word in _ENGLISH_WORDS for word in words)


def is_german(sentence: str, after_german: bool = False) -> bool:
    """Whether a sentence is German: more of its words are common German than common English words, and
    at least two are (a headline of a name, a verb and an amount has two: 'Feldwerk sammelt 20 Millionen
    Euro ein'); or it writes an amount as only German does and no common English word ('1. Sonnwerk – 15
    Mio. Euro (Series A, Lead: Emberstone Capital)'); or, `after_german` (the sentence before was German),
    one common German word and no English one does."""
    german, english = _votes(sentence)
    if german >= 2 and german > english:
        return True
    if after_german and german >= 1 and english == 0:
        return True  # a short sentence among German ones: 'Gegründet wurde Brückenbau 2019 in Kiel.'
    return english == 0 and bool(_GERMAN_MONEY_FORM.search(sentence))


def german_text(paragraphs: list[str]) -> bool:
    """Whether a document is German as a whole: many more common German words than English ones (its
    short sentences are then read as German: a headline 'Brückenbau: Die Geschichte eines Start-ups' has
    one German word of its own)."""
    german = english = 0
    for paragraph in paragraphs:
        in_german, in_english = _votes(paragraph)
        german, english = german + in_german, english + in_english
    return german >= 5 and german > 2 * english


# --- names ---------------------------------------------------------------------------------------------

_NAME_TOKEN = (
    r"(?:[A-ZÄÖÜ][\wÄÖÜäöüß&+.'’-]*|\d[\w&+.-]*[A-Za-z][\w&+.-]*"
    r"|[a-z][\w-]*\.(?:ai|io|de|com|app|tech|at|ch)\b)"  # 'nexo.ai': a domain for a name, in lower case
)
# A name: up to five capitalised tokens, joined by a space or '&' ('Black Semiconductor', 'Quantik GmbH',
# 'Müller & Söhne'); it ends at the first word in lower case, a comma or an amount.
_NAME = rf"{_NAME_TOKEN}(?:\s(?:&\s)?{_NAME_TOKEN}){{0,4}}"
# Nouns that say what a company is: 'Start-up', 'KI-Startup', 'Fintech', 'Unternehmen', 'Anbieter'.
_DESCRIPTOR = (
    r"[\wÄÖÜäöüß-]*?(?:[Ss]tart-?[Uu]p|[Ss]cale-?[Uu]p|[Uu]nternehmen|[Ff]irma|[Tt]ech|[Ss]pin-?[Oo]ff"
    r"|[Aa]nbieter|[Ee]ntwickler|[Hh]ersteller|[Pp]lattform|[Dd]ienstleister|[Kk]onzern|[Nn]eobank"
    r"|[Ee]inhorn|[Uu]nicorn|[Ss]oftwarehaus|[Pp]ionier|[Ss]pezialist|[Ll]abor|[Bb]etreiber|[Dd]ienst"
    r"|[Hh]ändler|[Vv]ermittler|[Vv]ermieter|[Mm]arktplatz|[Rr]ecycler|[Aa]usgründung|[Ss]tudio|[Ll]ogistiker"
    r"|[Pp]roduzent|[Vv]ersicherer|[Ll]ieferant|[Tt]eam)(?:e?s)?"  # (genitive)
)
_DESCRIBED_NAME = re.compile(rf"(?<![\wÄÖÜäöüß-]){_DESCRIPTOR}\s+(?P<name>{_NAME})")
# Capitalised words that open a German sentence and are no name: articles, pronouns, adverbs, prepositions
# and the nouns news writes without an article ('Investoren', 'Geld').
_NOT_NAMES = _word_set(
    "der die das den dem des ein eine einer einem eines er sie es wir ihr ich man auch zudem "
    "außerdem ausserdem damit dadurch mit im in nach laut wie nun jetzt insgesamt bereits dabei so "
    "doch aber neben für bei von vom durch gleich nur erst rund knapp fast mehr über unter seit bis "
    "zum zur am an auf aus als wenn weil dass ob noch schon hier dort heute gestern diese dieser "
    "dieses diesem jene welche sein seine ihre unser alle viele einige mehrere beide kein keine "
    "frisches frisch geld kapital investoren geldgeber gründer gründerin gründerinnen start-ups "
    "startups unternehmen firmen zusätzlich parallel ebenfalls gemeinsam künftig inzwischen "
    "mittlerweile zuletzt zuvor anfang ende mitte quelle was wer wo warum wann weitere weiteres "
    "weiterer neue neues neuer insider berichten medienberichten series serie seed pre-seed runde "
    "finanzierungsrunde finanzierung millionen milliarden mio mrd euro dollar franken deutschland "
    "österreich schweiz europa berlin münchen hamburg wien zürich köln frankfurt januar februar märz "
    "april mai juni juli august september oktober november dezember montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag ki lead angeführt unterstützt nachdem während obwohl sobald "
    "weil denn sondern heute morgen gestern damals dann danach davor dafür dazu deshalb daher "
    "trotzdem allerdings jedoch zwar somit also bislang bisher derzeit aktuell stattdessen "
    "gleichzeitig möglich bericht eur usd chf gbp exklusiv exit update ein zwei drei vier fünf sechs "
    "bund land länder stadt staat freistaat regierung ministerium kommune gemeinde region produkte kunden "
    "kasse kassen anschließend vorerst hingegen immerhin ebenso ferner überdies indes indessen dennoch "
    "zugleich gleichwohl daraufhin demnach folglich nachher unterdessen derweil neulich soeben endlich "
    "ohnehin sogar nämlich übrigens tatsächlich offenbar offensichtlich vermutlich wahrscheinlich "
    "möglicherweise wieder nochmals abermals fortan einst früher bald sofort letztes letzten vergangenes "
    "vergangenen nächstes nächsten dieses diesem jüngst kürzlich bayern sachsen thüringen hessen "
    "niedersachsen nordrhein-westfalen baden-württemberg rheinland-pfalz saarland brandenburg "
    "mecklenburg-vorpommern schleswig-holstein sachsen-anhalt bremen tirol kärnten steiermark vorarlberg "
    "salzburg niederösterreich oberösterreich burgenland griechenland italien frankreich spanien polen "
    "niederlande belgien dänemark schweden norwegen finnland portugal tschechien ungarn rumänien "
    "kroatien irland großbritannien england usa china japan indien israel staat bundesregierung "
    "zuschuss förderung unterstützung fabrik halbleiter forschung entwicklung infrastruktur standort "
    "werk anlage anlagen produktion rechenzentren rechenzentrum software technologie klimaschutz "
    "wasserstoff batterien mobilität energie digitalisierung logistik ausbau expansion wachstum afrika asien "
    "amerika ostdeutschland westdeutschland süddeutschland norddeutschland insbesondere zuerst erstmals "
    "demnächst nunmehr vielmehr kurzerhand hierfür hierzu wofür wodurch darüber darauf hinzu prompt binnen "
    "innerhalb rückwirkend bildung "
    "nutzer mitarbeitende beschäftigte analysten studie umfrage beim angesichts trotz wegen gemäß dank "
    "infolge aufgrund seitens business lead-investor lead-investorin investor investorin kaum erst "
    "zunächst anfangs später seither seitdem schließlich letztlich noch immer wieder vorher sobald als "
    "sieben acht neun zehn elf zwölf zwanzig hundert jahres monats quartals halbjahres"
)
# 'Das Start-up', 'Das britische Unternehmen', 'das von A und B gegründete Biotech' with no name after it,
# 'Es', 'Sie': the company named before.
_REFERENCE = re.compile(
    rf"(?:^|(?<=[\s:;,]))(?:[Dd]as|[Dd]ie|[Dd]er|[Dd]em|[Dd]en)\s+(?:von\s[^.:;]{{1,60}}?\sgegründete\s+)?"
    rf"(?:[a-zäöüß][\wäöüß-]*\s+){{0,4}}?(?:[A-ZÄÖÜ][\wäöüß-]*er\s+)?{_DESCRIPTOR}"
    rf"(?![\wÄÖÜäöüß-])(?!\s+{_NAME_TOKEN})|^(?:Es|Sie|Wir)\b|^Das\s+Team\b"
    # a pronoun after the verb: 'Ein Jahr später sammelten sie zwei Millionen Euro ein'
    r"|\b(?:sammelte|sammelten|erhielt|erhielten|holte|holten|bekam|bekamen|sicherte|sicherten|hatte|hatten"
    r"|hat|haben|konnte|konnten|schloss|schlossen|nahm|nahmen|warb|warben)\s+(?:es|sie|wir)\b"
)
_RECIPIENT = re.compile(
    rf"\b(?:investier\w*|steck\w*|beteilig\w*|fließ\w*|flossen)\b[^;]{{0,160}}?\b(?:in|an|am)\s+"
    rf"(?:(?:das|die|den|dem|der)\s+)?"
    rf"(?:[\wäöüÄÖÜß-]+\s+){{0,2}}?(?:{_DESCRIPTOR}\s+)?(?P<name>{_NAME})"
    # the verb last, as a subordinate clause puts it: '... an Primärkapital in Neysa zu investieren'
    rf"|\b(?:in|an)\s+(?:(?:das|die|den|dem|der)\s+(?:[\wäöüÄÖÜß-]+\s+){{0,2}}?{_DESCRIPTOR}\s+)?"
    rf"(?P<name_before>{_NAME})\s+(?:zu\s+)?(?:investier|beteilig)\w*"
    # the round a backer leads or joins at a company: 'führt eine Seed-Runde ... beim Startup Kelvara an'
    rf"|\b(?:führt|führte|investiert|beteiligt|steigt)\b[^;]{{0,160}}?\b(?:beim|bei(?:\s+de[mr])?)\s+"
    rf"(?:[\wäöüÄÖÜß-]+\s+){{0,2}}?{_DESCRIPTOR}\s+(?P<name_at>{_NAME})"
)
# '... investiert 30 Millionen Euro in das junge Unternehmen': the company named before.
_REFERENCE_RECIPIENT = re.compile(
    rf"(?:\b(?:investier\w*|steck\w*|fließ\w*|flossen)\b[^;]{{0,160}}?\b(?:in|an)\s+(?:das|die|den)"
    # money given to it: 'Die Geldgeber stellen dem Unternehmen ein Wandeldarlehen ... zur Verfügung'
    rf"|\b(?:stell\w*|gewähr\w*|geben|gibt|gab|gaben)\b[^;]{{0,80}}?\bdem)"
    rf"\s+(?:[\wäöüß-]+\s+)?{_DESCRIPTOR}(?![\wÄÖÜäöüß-])(?!\s+{_NAME_TOKEN})"
)
# Whom backers give money: 'Bestandsinvestoren geben Kaltwerk 3 Millionen Euro' (a name as the dative).
_GIVEN_TO = re.compile(
    rf"\b(?:geben|gibt|gab|gaben)\s+(?:dem\s+(?:[\wäöüß-]+\s+)?{_DESCRIPTOR}\s+)?(?P<name>{_NAME})\s+"
    rf"(?=(?:ein\w*\s+)?[\d€$£]|(?:eine?n?\s+)?\w*(?:[Dd]arlehen|[Kk]redit|[Rr]unde|[Ff]inanzierung))"
)
_VENTURE_ARM = re.compile(r"(?i:venture-?(?:einheit|arm|tochter|sparte)|corporate[- ]venture\w*)")
# A backer that invests as a venture investor, not as a company in its own business.
_FINANCIAL_BACKER = re.compile(
    r"(?i:ventures?|capital|partners|fonds|fund|vc|business\s+angels?|family\s+office|kapital)|Invest\w*"
)
# A headline's label that is a name: 'Kassenwart: Aufstieg und ...' (not 'Exklusiv:', 'Bericht:').
_NAMED_LABEL = re.compile(rf"^(?P<name>{_NAME}):\s")
# 'Series B: Feldwerk holt 40 Mio. Euro': a headline's label before the name.
_LABEL = re.compile(r"^[^:]{1,40}:\s+")
# A brand written in lower case: 'pflegeleicht', 'nahwärme.io' (where a name must stand: a sentence's
# start, a list item, before 'GmbH').
_LOWER_BRAND = r"[a-zäöü][\wäöüß.-]{2,30}"
_LIST_ITEM = re.compile(
    # (a list item's name may be written in lower case, as brands are: 'hausgemacht (Hamburg): 4 Mio. Euro')
    rf"^\s*(?:(?:\d+[.)]|[-–—•*])\s*)?(?P<name>{_NAME}|{_LOWER_BRAND})(?:\s*\([^)]{{1,40}}\))?"
    rf"(?:\s+[–—-]\s+(?=\S)|:\s*(?=(?:Das|Die|Der)\s|[€$£\d]|(?:EUR|CHF|USD)\s))"
)
# A bullet or dash that opens a line: not part of the sentence's subject.
_BULLET = re.compile(r"^\s*[-–—•*]\s+")

# Finite verbs of a raise in the singular ('Smartbax sammelt', 'Open-AI hat'): a bare capitalised subject
# before one is a name, since a German common noun in the singular takes an article.
_SINGULAR_VERB = (
    r"(?:sammelt|sammelte|erhält|erhielt|bekommt|bekam|sichert|sicherte|holt|holte|wirbt|warb|schließt|"
    r"schloss|stockt|stockte|hat|hatte|konnte|kann|wird|will|soll|plant|verkündet|meldet|gibt|gab|nimmt|"
    r"nahm|verbucht|erzielt|landet|zieht|startet|bringt|brachte|platziert|platzierte|steigt|führt)"
)
# Adverbs between a subject and its verb ('Smartbax wiederum stärkt'), or before the subject ('Auch Reflex
# Aerospace kann').
_ADVERBS = r"(?:wiederum|nun|jetzt|auch|ebenfalls|bereits|zudem|außerdem|erneut|jüngst|kürzlich|gerade|damit)"
_SUBJECT_FIRST = re.compile(
    rf"^(?:(?:Auch|Und|Doch|Nur|Selbst)\s+)?(?P<name>{_NAME})(?:\s*\([^)]*\))?(?:,[^,]{{2,120}},)?"
    rf"(?:\s+{_ADVERBS})*\s+{_SINGULAR_VERB}\b"
    # (not before 'wird': 'Bezahlt wird der Zukauf', 'Finanziert wird die Runde' open with a participle)
    r"(?<!wird)"
)
# The subject right after the verb, as German puts it when anything else opens the sentence ('Zudem
# sammelt Feldwerk', 'Nur wenige Wochen nach ... stockt Tubulis seine Series C ... auf').
_VERB_SECOND = re.compile(
    rf"\b{_SINGULAR_VERB}\s+(?:sich\s+)?(?:(?:die|der|das)\s+(?=(?:{_NAME_TOKEN}\s){{1,3}}(?:GmbH|AG|SE)\b))?"
    rf"(?P<name>{_NAME})(?=\s+(?:[a-zäöüß]|\d)|\s*,)"
)
# A word, a singular verb, then the subject: a name or an article ('Anschließend erhält Tado 5 Mio.',
# 'Darauf sammelt das Startup ...'): German puts the subject after the verb when anything else opens.
# (only a name the figure follows: 'Ecovolt platziert Kapitalerhöhung über ...' opens with its subject)
_INVERTED = re.compile(
    rf"^[A-ZÄÖÜ][\wäöüß]*\s+{_SINGULAR_VERB}\s+(?:sich\s+)?(?P<name>{_NAME})(?=\s+(?:rund\s+|knapp\s+)?[\d€$£])"
)
_VERB_THEN_DESCRIBED = re.compile(
    rf"\b{_SINGULAR_VERB}\s+(?:sich\s+)?(?:das|der|die)\s+(?:[\wäöüÄÖÜß-]+\s+){{0,3}}?{_DESCRIPTOR}\s+"
    rf"(?P<name>{_NAME})"
)
# Who a sentence without a deal is about, for the next 'Das Start-up': its opening name before any verb
# ('Photon Bridge definiert ...'), or the example it gives ('Ein Beispiel ist Pragmatic Semiconductor').
_TOPIC = (
    re.compile(rf"\bBeispiel\s+(?:dafür\s+)?ist\s+(?P<name>{_NAME})"),
    # (not before a preposition or an article: 'Spitzensummen für Münchner Start-ups' names no company)
    re.compile(
        rf"^(?P<name>{_NAME})(?:\s+{_ADVERBS})*\s+(?!(?:für|von|mit|aus|auf|bei|nach|über|unter|und|oder|der"
        rf"|die|das|den|dem|des|ein|eine|einer|im|am|zum|zur|vom|beim|wie|als)\b)[a-zäöüß]{{3,}}\b"
    ),
)

# --- what the money is ------------------------------------------------------------------------------------

_RAISE = re.compile(
    r"\b(?:eingesammelt|einsammeln|einzusammeln|sammel[nt]e?n?|erh(?:ält|ielt|alten|ielten)|bekomm\w*|bekam"
    r"|sicher(?:t|te|ten|n)|gesichert|holt\w*|geholt|eingeworben|einwerben|wirbt|warb|abgeschlossen|abschlie"
    r"ßen|schließt|schloss|aufgestockt|stock(?:t|te)|aufgenommen|aufnehmen|nimmt|nahm|investier\w*|fließ\w*"
    r"|flossen|Finanzierungsrunde\w*|\w*[Rr]unde|\w*[Ff]inanzierung|Kapitalspritze|Kapitalerhöhung"
    r"|Börsengang|Investment|Investition|Kredit\w*|Darlehen|Fördermittel\w*|Förderung|bereitgestellt|bereit"
    r"|gewährt|erlöst|\w*[Ee]missionserlös|zufließen|fließen|Zuschuss|\w*[Kk]apital|\w*[Ff]azilität"
    r"|beteilig\w*|Förderzusage)\b"
)
# Words right before a figure that make it something other than the raise.
_NOT_THE_RAISE = re.compile(
    r"(?:Bewertung|bewertet|Unternehmenswert|Marktwert|Börsenwert|Marktkapitalisierung|Umsatz|Umsätze"
    r"|Jahresumsatz|(?<!Emissions)(?<!Bruttoemissions)Erlös\w*|Einnahmen|ARR|Gewinn\w*|Verlust\w*|Fonds\w*|Fund"
    r"|Fondsvolumen|Marktvolumen|Markt|Gesamtvolumen|Gesamtsumme|insgesamt\s+bereits|pro\s+Aktie"
    r"|je\s+Aktie|Ausgabepreis|Kaufpreis|Tickets?|zwischen|Ticketgröße|Volumen\s+von|Budget|Etat"
    r"|durchschnittlich\w*|Schnitt|Kosten|Abfindung\w*|\w*[Gg]ehalt|Gehälter|Lohn|Löhne|\w*[Pp]reis\w*"
    r"|Prämie|Strafe|zu\s+je|je|(?:kleinste|größte)\w*\s+(?:Betrag\s+)?(?:lag\s+)?(?:bei|mit|von)|Mindestbetrag|Mindestanlage)"
    r"\W+(?:\w+\W+){0,5}?$"
)
# A total to date, anywhere before the figure in its part of the sentence ('Seit der Gründung hat das
# Startup insgesamt rund 20 Millionen Euro eingesammelt', 'Bislang hat ... insgesamt').
_TOTAL_BEFORE = re.compile(
    r"\b(?:[Ss]eit\s+(?:der|ihrer|seiner)\s+Gründung|[Ss]eit\s+(?:dem\s+)?Start|[Bb]islang|[Bb]isher"
    r"|[Bb]is\s+(?:heute|dato)|insgesamt\s+bereits|bereits\s+insgesamt|[Ii]nsgesamt\s+umfasst|auf\s+insgesamt"
    r"|[Gg]esamtvolumen|damit\s+insgesamt|über\s+insgesamt|^\s*Insgesamt"
    r"|[Mm]it\s+der\s+(?:aktuellen|neuen|jüngsten|heutigen)\s+\w*[Rr]unde\b.*\binsgesamt)\b"
)
_VALUATION_BEFORE = re.compile(
    # (not 'Aktien im Wert von 220 Millionen Franken': the shares sold, the raise)
    r"(?:Bewertung|bewertet|Unternehmenswert|Marktwert|(?<!Aktien im )(?<!Anteile im )\bwert)"
    r"\W+(?:\w+\W+){0,5}?$",
    re.IGNORECASE,
)
_VALUATION_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:bewertet|wert\b)")
# A sentence about something other than a company raising money.
_NO_DEAL = re.compile(
    r"\b(?:übernimmt|übernommen|Übernahme|kauft|gekauft|erwirbt|erworben|Akquisition|verkauft|Verkauf"
    r"|dementier\w*|bestreite\w*|bestritten|zurückgewiesen|Falschmeldung|Insolvenz\w*|insolvent"
    r"|Stellen|Entlassungen|entlässt|Kündigungen|abgesagt|verschoben|gestoppt|Strafe|Bußgeld|Exit"
    r"|gescheitert|geplatzt|zurückgezogen|vergeben|vergibt|verliehen|Auftrag\w*|Aufträge|Preisgeld\w*"
    r"|Staatshilfe\w*|Rettungspaket\w*|Hilfspaket\w*|Bürgschaft\w*|Garantie\w*|abgebrochen|Eis\s+gelegt"
    r")\b"
    r"|\b(?:wies|weist|wiesen|weisen)\b.{0,80}?\bzurück\b"
)
# A company denying what was reported of it: its reported rounds in the text are the reports it denies.
_DENIES = re.compile(
    r"\b(?:dementier\w*|bestreite\w*|bestritten|zurückgewiesen|Falschmeldung)\b"
    r"|\b(?:wies|weist|wiesen|weisen)\b.{0,80}?\bzurück\b"
)
# A figure of a statistic, not of a company's round: 'Nach Berechnungen des Datenanbieters Finvista
# flossen insgesamt 21 Milliarden Euro'.
_STATISTIC = re.compile(
    r"\b(?:Berechnungen|Auswertung|Analyse|Studie|Erhebung|Statistik|Zählung|Barometer|Report|Datenanbieter\w*"
    r"|Marktforscher\w*)\b"
)
# A plan given up: 'Helixa wollte bei dem IPO bis zu 300 Millionen Euro einsammeln'.
_GIVEN_UP = re.compile(r"\b(?:wollte|wollten|hätte|hätten|wäre)\b")
_NEGATED = re.compile(
    r"\b(?:nicht|kein\w*)\s+(?:\w+\s+){0,3}?(?:eingesammelt|erhalten|bekommen|gesichert|Geld|Finanzierung"
    r"|Kapital|Investment)\b"
)
_REPORTED = re.compile(
    r"\b(?:soll(?:en|te|ten)?|angeblich|offenbar|mutmaßlich|Gerüchte\w*|zufolge|könnte|dürfte"
    r"|laut\s+(?:Insidern|Kreisen|informierten\s+Kreisen|Berichten|Medienberichten|einem\s+Bericht|Personen"
    r"|Quellen)|in\s+(?:Gesprächen|Verhandlungen)|verhandel\w*|verhandl\w*|hieß\s+es|heißt\s+es"
    r"|führ\w*\s+Gespräche|Gespräche\s+über)\b"
)
_PLANNED = re.compile(
    r"\b(?:will|wollen|möchte|möchten|plant|planen|strebt)\b.{0,80}?\b(?:einsammeln|einwerben|aufnehmen"
    r"|sammeln|einzusammeln|an)\b"
)
# A past round: pluperfect ('hatte ... eingesammelt') or an adverb of the past ('Bereits 2022').
_PAST = re.compile(r"\b(?:hatte|hatten|Bereits|bereits|zuvor|Zuvor|damals|Damals|vorher|Vorjahr)\b")
_MONTHS = {
    "januar": "January",
    "jänner": "January",
    "februar": "February",
    "märz": "March",
    "april": "April",
    "mai": "May",
    "juni": "June",
    "juli": "July",
    "august": "August",
    "september": "September",
    "oktober": "October",
    "november": "November",
    "dezember": "December",
}
_MONTH_YEAR = re.compile(rf"\b(?P<month>(?i:{'|'.join(_MONTHS)}))(?:\s+(?P<year>20\d\d))?\b")
_IN_MONTH = re.compile(r"\b(?:[Ii]m|Anfang|Mitte|Ende)\s+\S")
_YEAR = re.compile(r"(?<!bis\s)(?<!ab\s)(?<!seit\s)(?<!Bis\s)(?<!Ab\s)(?<!Seit\s)\b(?P<year>20\d\d)\b")
_LAST_YEAR = re.compile(
    r"\b(?:[Ii]m\s+vergangenen|[Ii]m\s+letzten|[Ll]etztes|[Vv]ergangenes|[Ll]etzten)\s+(?:Jahr|Sommer|Herbst|Winter|Frühjahr"
    r"|Frühling)\b|\b[Ii]m\s+Vorjahr\b"
)

# --- round, leads, investors --------------------------------------------------------------------------

_ROUND = re.compile(
    r"(?<![\w-])(?P<round>(?:Pre-)?(?:Series|Serie)[- ][A-J]\d?(?![\w])|Pre-Seed|Seed|Wachstumsfinanzierung"
    r"|Wachstumsrunde|Venture[- ]Debt|Wandeldarlehen|Darlehen|Kreditlinie|Kreditfazilität|Kredit"
    r"|Fremdkapital(?:finanzierung|fazilität)?|Börsengang|IPO|Fördermittel|Zuschuss|Förderung|Förderzusage|Förderbeitrag"
    r"|Brückenfinanzierung|Secondary|Growth)(?=[\s,.;:)-]|$)"
)
# ('und' and 'sowie' only as words: inside 'AundAund...' they let the names split every way, and the
# search took time exponential in the length of the run)
_NAMES = rf"{_NAME}(?:(?:\s*,\s*|\s+(?:und|sowie)\s+)(?:de[mr]\s+)?(?:[a-zäöüß-]+\s+)?{_NAME})*"
# Words that say what a backer is, before its name ('dem US-Investor Granite Peak Partners', 'vom
# Biotech-Fonds Rheingau Life Sciences')
_BACKER_WORD = (
    r"[\wÄÖÜäöüß-]*(?:[Ii]nvestor|[Ii]nvestorin|[Ff]onds|VC|[Gg]eldgeber|[Ss]pezialisten|[Kk]apitalgeber)"
)
_LEADS = (
    re.compile(rf"\b(?:angeführt|angeführte|geführt|geleitet|[Aa]ngeführt\s+wird\s+die\s+\w*[Rr]unde)"
               rf"\s+(?:wird\s+\w+\s+)?von\s+(?P<names>{_NAMES})"),
    re.compile(rf"\bunter\s+(?:der\s+)?(?:Führung|Leitung|Federführung)\s+(?:von\s+)?(?:des\s+|der\s+)?"
               rf"(?:[\wäöü-]+\s+)?(?P<names>{_NAMES})"),
    re.compile(rf"\b[Ll]ead[- ]?[Ii]nvestor(?:en)?(?:\s+(?:ist|sind|war|waren))?:?\s+(?P<names>{_NAMES})"),
    re.compile(rf"\bLead:\s*(?P<names>{_NAMES})"),
    re.compile(rf"\b(?:von|vom)\s+(?:{_BACKER_WORD}\s+)?(?P<names>{_NAMES})\s+(?:angeführten|angeführt|geleitet)\b"),
    re.compile(rf"\b\w*[Rr]unde\s+(?:wird|wurde)\s+(?:gemeinsam\s+)?(?:von|vom)\s+(?:de[mr]\s+)?(?:[a-zäöüß-]+\s+)*"
               rf"(?:{_BACKER_WORD}\s+)?(?P<names>{_NAMES})\s+(?:geleitet|angeführt)\b"),
    re.compile(rf"(?:^|,\s*|\.\s+)(?P<names>{_NAMES})\s+(?:führt|führte|führen|führten)\s+die\s+\w*[Rr]unde\s+an\b"),
)  # fmt: skip
_INVESTORS = (
    re.compile(rf"\b(?:[Bb]eteiligt\s+(?:sind|waren|haben\s+sich)|[Mm]it\s+dabei\s+(?:sind|waren)"
               rf"|[Zz]u\s+den\s+(?:Investoren|Geldgebern)\s+gehören|[Ee]benfalls\s+(?:investiert|beteiligt)"
               rf"|[Bb]estandsinvestoren)\s+(?:(?:auch|zudem|außerdem|unter\s+anderem|die\s+\w+)\s+)*"
               rf"(?P<names>{_NAMES})"),
    re.compile(rf"\bmit\s+Beteiligung\s+von\s+(?P<names>{_NAMES})"),
)  # fmt: skip


# Words that end an investor's name as often as they follow it: 'Neckar Seed', 'Kocher Ventures Series'.
_INVESTOR_NAME_ENDS = frozenset({"seed", "pre-seed", "series", "serie", "lead"})


def _names(text: str) -> list[str]:
    """The investors of a list ('Lux Capital, 8VC und Earlybird'), without the words that say what each is
    ('dem US-Investor Granite Peak Partners')."""
    parts = re.split(r"\s*(?:,|\bund\b|\bsowie\b)\s*", text)
    names = []
    for part in parts:
        words = part.strip(" .,;:-–").split()
        while words and words[-1].lower() in _NOT_NAMES and words[-1].lower() not in _INVESTOR_NAME_ENDS:
            words.pop()
        while len(words) > 1 and (
            words[0].lower() in _NOT_NAMES or words[0].islower() or re.fullmatch(_BACKER_WORD, words[0])
        ):
            words.pop(0)
        if words and words[0].lower() not in _NOT_NAMES:
            names.append(" ".join(words))
    return names


# 'Münchner Nuvaro', 'Zürcher Quantik AG': a city's adjective before a name is not part of it.
_IRREGULAR_DEMONYMS = frozenset(
    ["münchner", "zürcher", "dresdner", "basler", "bremer", "genfer", "lausanner", "hannoveraner"]
)


def _demonym(word: str) -> bool:
    """Whether `word` is a German place adjective ('Berliner', 'Kölner', 'Münchner')."""
    lowered = word.lower()
    if lowered in _IRREGULAR_DEMONYMS:
        return True
    return lowered.endswith("er") and lowered[:-2] in _places_lower()


@lru_cache(maxsize=1)
def _places_lower() -> frozenset[str]:
    from schemas.gazetteer import gazetteer_places

    return frozenset(place.lower() for place in gazetteer_places())


# '-Börsengang', '-IPO', '-Finanzierung' glued to a name in a headline ('Medivos-Börsengang bringt ...').
_GLUED_DEAL = re.compile(r"^(?P<name>.+?)-(?P<deal>Börsengang|IPO|Finanzierung|Finanzierungsrunde|Runde)$")


# A person's title or a column's name in a word: 'US-Präsident', 'Startup-Woche', 'Deals der Woche'.
_PERSON_OR_HEADLINE = re.compile(
    r"(?i:präsident|kanzler|minister|chef|chefin|gründerin|-gründer$|^gründer$|professor|-woche|-report|-ticker|-radar"
    r"|-überblick|-barometer|-news|-bilanz|^woche$|^überblick$)"
)


# One capitalised word that opens a sentence as German's participles, adverbs and abstract nouns do.
_NOT_A_NAME_ALONE = re.compile(
    r"(?:iert|ierte|lich|weise|ung|ungen|heit|keit|schaft|ismus|ität)$"
    r"|^(?:Ge|Be|Er|Ver|Ent|Zer)[a-zäöüß]{2,}(?:t|en)$"  # participles: 'Gegründet', 'Begonnen', 'Verkauft'
)


# Common first names: a name of two words opening with one is a person ('Peter Thiel', 'KI-Pionier Max
# Müller', 'Lisa Weber, Gründerin von ...'), however it is described.
_FIRST_NAMES = _word_set(
    "max peter lisa anna thomas michael andreas stefan christian markus julia laura sarah jan jonas lukas "
    "felix paul tim tobias florian daniel alexander johannes sebastian maximilian moritz niklas philipp "
    "katharina sophie marie lena hannah leonie lea emma mia johanna clara david simon jakob ben elias "
    "martin frank klaus jürgen uwe wolfgang michaela sabine claudia nicole susanne petra andrea birgit "
    "christoph matthias oliver patrick benjamin david fabian kevin marco dominik hans karl georg heinz "
    "robert richard carsten torsten sven nils lars ole henrik malte till leon finn noah luca"
)


def _company(name: str | None, opening: bool = False) -> str | None:
    """A name that can be a company: not a German word that opens sentences, a place or an investor.
    `opening`: the name opens its sentence, where a participle or an adverb stands as often ('Gegründet
    wurde ...', 'Ursprünglich wollte ...'): one word shaped like those is no name there."""
    if not name:
        return None
    name = name.strip(" .,;:-–")
    words = name.split()
    while words and words[-1].lower() in _NOT_NAMES:
        words.pop()  # 'Feldwerk Millionen', 'Tubulis Series': the name, not the noun after it
    if len(words) > 1 and _demonym(words[0]):
        words.pop(0)
    if words and re.fullmatch(_DESCRIPTOR, words[-1]):
        return None  # 'Bochumer Cybersecurity-Startup': what the company is, not its name
    inner = [i for i, word in enumerate(words[:-1]) if re.fullmatch(_DESCRIPTOR, word)]
    if inner:
        words = words[inner[-1] + 1 :]  # 'Grazer Spielestudio Bergwerk Games': the name after what it is
    if opening and len(words) == 1 and _NOT_A_NAME_ALONE.search(words[0]):
        return None  # 'Finanziert wird ...', 'Ursprünglich wollte ...': a participle or an adverb opens it
    if len(words) == 2 and words[0].lower() in _FIRST_NAMES and words[1].isalpha():
        return None  # a person
    if any(_PERSON_OR_HEADLINE.search(word) for word in words):
        return None  # 'US-Präsident Donald Trump', 'Startup-Woche', 'Funding-Überblick'
    if words and (glued := _GLUED_DEAL.match(words[-1])):
        words[-1] = glued.group("name")
    if not words or words[0].lower() in _NOT_NAMES:
        return None
    name = " ".join(words)
    if name[0].islower():  # a brand written in lower case ('pflegeleicht', 'nahwärme.io'): judged capitalised
        return name if valid_company(name[0].upper() + name[1:]) else None
    return valid_company(name)


# --- reading --------------------------------------------------------------------------------------------


@dataclass
class GermanReading:
    """What a document's German sentences said so far: the company named last (for 'Das Start-up'), the
    deals stated, and a round stated without an amount that a later sentence may say is undisclosed."""

    published: date | None = None
    last_company: str | None = None
    mentions: list[DealMention] = field(default_factory=list)
    amountless: DealMention | None = None
    since_named: int = 0
    """German sentences read since the company was last named (0: in this one)."""
    listing: bool = False
    """Whether the text has spoken of a listing ('Börsengang'): its share sales are the offering."""
    in_german: bool = False
    """Whether the sentence read last was German (a short one after it is taken as German too)."""
    denied: set[str] = field(default_factory=set)
    """Companies the text says deny a report: their reported rounds are not deals."""
    in_document: bool = False
    """Whether the document is German as a whole (`german_text`): its short sentences are German too."""

    companies: set[str] = field(default_factory=set)
    """Every company the German sentences named."""

    def named(self, company: str) -> None:
        self.last_company = company
        self.since_named = 0
        self.companies.add(company)


def _openings(sentence: str, end: int) -> list[str]:
    """Where a subject may open before `end`: the sentence's start, past a headline's label ('Series B:'),
    and after each colon ('Möglich wird das durch frisches Kapital: Feldwerk hatte ...')."""
    sentence = _BULLET.sub("", sentence, count=1)
    openings = [sentence]
    if ":" in sentence[:41]:
        openings.append(_LABEL.sub("", sentence, count=1))
    openings += [sentence[i + 1 :].lstrip() for i, c in enumerate(sentence[:end]) if c == ":"]
    return openings


def _subject(sentence: str, money: Money, reading: GermanReading) -> str | None:
    """The company that raised `money` in `sentence`, or None."""
    before = sentence[: money.start]
    recipient = _RECIPIENT.search(sentence)
    if recipient:
        named = recipient.group("name") or recipient.group("name_before") or recipient.group("name_at")
        if company := _company(named):
            return company  # 'Siemens investiert 30 Millionen Euro in Feldwerk'
    given = _GIVEN_TO.search(sentence)
    if given and (company := _company(given.group("name"))):
        return company  # 'Bestandsinvestoren geben Kaltwerk 3 Millionen Euro'
    if _REFERENCE_RECIPIENT.search(sentence) and reading.last_company:
        return reading.last_company  # '... investiert 30 Millionen Euro in das junge Unternehmen'
    for of_round in _ROUND_OF.finditer(sentence):
        company = _company(of_round.group("name"))
        if company and not _FINANCIAL_BACKER.search(
            company
        ):  # ('eine Seed-Runde von Tiroler Business Angels')
            return (
                company  # 'Die erste Finanzierungsrunde von Mistral AI', 'die Series B des Startups Spedito'
            )
    described = [m for m in _DESCRIBED_NAME.finditer(sentence) if m.start() < money.start]
    # (one the sentence opens with an article first: 'Das Frankfurter Fintech Kreditwerk, das kleinen
    # Unternehmen Kredite zusagt, ...' is about Kreditwerk, not 'Unternehmen Kredite')
    opened = [m for m in described if _ARTICLE_BEFORE.search(sentence, max(0, m.start() - 40), m.start())]
    for found in (*opened, *reversed(described)):
        if company := _company(found.group("name")):
            return company
    inverted = _INVERTED.match(_BULLET.sub("", sentence, count=1))
    if (
        inverted
        and (company := _company(inverted.group("name"), opening=True))
        and not _ROUND.fullmatch(company)
    ):
        return company  # 'Anschließend erhält Tado 5 Millionen Euro': the subject after the verb
    for opening in _openings(sentence, money.start):
        for pattern in (_LIST_ITEM, _SUBJECT_FIRST, _LOWER_SUBJECT):
            found = pattern.match(opening)
            if found and (company := _company(found.group("name"), opening=True)):
                return company
    legal = _WITH_LEGAL_FORM.match(_BULLET.sub("", sentence, count=1))
    if legal and (company := _company(legal.group("name") or legal.group("lower"))):
        return company  # 'Die börsennotierte Windkraft AG hat ...'
    later = _VERB_THEN_DESCRIBED.search(sentence)
    if later and (company := _company(later.group("name"))):
        return company  # '25 Millionen US-Dollar – so viel sammelt das Münchner Start-up Riegel Security ein'
    for second in _VERB_SECOND.finditer(sentence, 0, money.end):
        if second.start("name") < money.start and (company := _company(second.group("name"))):
            return company
    if _REFERENCE.search(before) or any(
        _REFERENCE.match(opening) for opening in _openings(sentence, money.start)
    ):
        colon = before.rfind(":")
        named = _NAME_BEFORE_COLON.search(before, 0, colon + 1) if colon > 0 else None
        if named and (company := _company(named.group("name"))):
            return (
                company  # 'In Innsbruck darf sich Almrausch freuen: Die Plattform ... erhält 1,2 Mio. Euro'
            )
        return reading.last_company
    labelled = _LABEL.match(sentence)
    if labelled and _DESCRIBED_OPENING.match(sentence, labelled.end()):
        # 'Schildwacht: Bochumer Cybersecurity-Startup sammelt 22 Mio. Dollar ein': the label names it
        return _company(labelled.group(0).rstrip(": "))
    relative = _RELATIVE_SUBJECT.search(sentence, money.end)
    if relative and (company := _company(relative.group("name"))):
        return (
            company  # 'aus der Series B über 35 Millionen Euro, die Taktgeber im Frühjahr abgeschlossen hat'
        )
    if _DATED_ITEM.match(sentence) and reading.last_company:
        return reading.last_company  # '2023 – Series A über 10 Mio. Euro' in a company's funding history
    after = [m for m in _DESCRIBED_NAME.finditer(sentence) if m.start() > money.end]
    if after and _OWN_ROUND.search(before):
        return _company(
            after[0].group("name")
        )  # 'nach dem Abschluss seiner Series B ... das Startup Spedito'
    return None


def _company_spoken_of(sentence: str, money: Money, reading: GermanReading) -> str | None:
    """The company named before, when a sentence naming none speaks of a round, a loan or an offering
    right by the figure ('Eine Seed-Runde über 5 Millionen Euro wird von Y angeführt'), just after that
    company was named (or it is the only one the text names)."""
    near = sentence[max(0, money.start - 40) : money.end + 40]
    if (reading.since_named <= 1 or len(reading.companies) == 1) and _OF_THE_ROUND.search(near):
        return reading.last_company
    return None


_ROUND_OF = re.compile(
    rf"(?:(?:Series|Serie)[- ][A-J]|\w*(?:[Ff]inanzierung|[Ff]inanzierungsrunde|[Rr]unde))"
    rf"\s+(?:von|des|der)\s+"
    rf"(?:(?:[a-zäöüß][\wäöüß-]*\s+){{0,2}}(?:[A-ZÄÖÜ][\wäöüß-]*er\s+)?{_DESCRIPTOR}\s+)?(?P<name>{_NAME})"
)
# A brand in lower case opening a sentence (German ones open with a capital): 'pflegeleicht sichert sich'.
_LOWER_SUBJECT = re.compile(rf"^(?P<name>{_LOWER_BRAND})\s+{_SINGULAR_VERB}\b")
# An article and adjectives before a name with its legal form: 'Die börsennotierte H2Nord AG'.
_LEGAL_FORM = r"(?:AG|GmbH|SE|KGaA|Holding|N\.V\.|S\.A\.)\b"
_WITH_LEGAL_FORM = re.compile(
    rf"^(?:Die|Der|Das)\s+(?:(?P<lower>{_LOWER_BRAND})\s(?={_LEGAL_FORM})"
    rf"|(?:[a-zäöüß][\wäöüß-]*\s+){{0,3}}(?P<name>(?:{_NAME_TOKEN}\s){{1,3}}{_LEGAL_FORM}))"
)
# The subject of a relative clause after the round: ', die Taktgeber im Frühjahr abgeschlossen hatte'.
_RELATIVE_SUBJECT = re.compile(
    rf",\s*(?:die|den|das|welche)\s+(?P<name>{_NAME})\s+[^,.;]*?\b(?:abgeschlossen|eingesammelt|erhalten"
    rf"|aufgenommen|gesichert|eingeworben|bekommen)\s+(?:hat|hatte|habe)\b"
)
# A dated line of a funding history: '2022 – Seed-Runde über 2 Mio. Euro', 'August 2025 – Series B ...'.
_DATED_ITEM = re.compile(r"^\s*(?:[A-ZÄÖÜ][a-zäöü]+\s+)?20\d\d\s*[–—:-]\s*")
_ARTICLE_BEFORE = re.compile(
    r"(?:^|\b(?:[Dd]as|[Dd]ie|[Dd]er|[Dd]em|[Dd]en|[Dd]es|[Bb]eim|[Vv]om|[Zz]um|[Ee]in|[Ee]ine[nms]?))"
    r"(?:\s+[\wÄÖÜäöüß-]+){0,3}\s*$"
)
# A headline's descriptor right after its label: 'Bochumer Cybersecurity-Startup sammelt'.
_DESCRIBED_OPENING = re.compile(rf"\s*(?:[A-ZÄÖÜ][\wäöüß-]*er\s+)?{_DESCRIPTOR}\s+[a-zäöüß]")
# 'seiner Series B', 'ihrer Finanzierungsrunde': the round of the sentence's subject.
_OWN_ROUND = re.compile(
    r"\b(?:seine[rsnm]?|ihre[rsnm]?)\s+(?:\w+\s+)?(?:Series|Serie|Seed|\w*[Rr]unde|\w*[Ff]inanzierung)"
)
# Words of a round, a loan or an offering right by the figure: the sentence speaks of the company's deal.
_OF_THE_ROUND = re.compile(
    r"(?:Series|Serie|Seed|\w*[Rr]unde|\w*[Ff]inanzierung|Kreditlinie|Darlehen|Kredit|\w*[Ee]missionserlös|IPO"
    r"|Börsengang|Aktien|Platzierung|Kapitalerhöhung|Investment|Beteiligung|Kapitalspritze|Förder\w*)"
)


def _role(sentence: str, money: Money) -> str:
    """'raise', 'valuation' or 'other' for one figure of a sentence, by the words right around it."""
    before = sentence[max(0, money.start - 60) : money.start]
    after = sentence[money.end : money.end + 30]
    if _VALUATION_BEFORE.search(before) or _VALUATION_AFTER.match(after):
        return "valuation"
    if _NOT_THE_RAISE.search(before) or _TOTAL_BEFORE.search(_part(sentence[: money.start], money)):
        return "other"
    if re.match(r"^\s*(?:Umsatz|Jahresumsatz|Erlös|ARR)\b|^\s*(?:\w+\s+){0,3}?(?:Fonds|Fund)\b", after):
        return "other"  # '12 Millionen Euro Umsatz', '100 Millionen Euro für seinen neuen Fonds'
    return "raise"


def _part(sentence: str, money: Money) -> str:
    """The part of a sentence, between colons and semicolons, that holds `money`."""
    start = max(sentence.rfind(":", 0, money.start), sentence.rfind(";", 0, money.start)) + 1
    ends = [i for i in (sentence.find(":", money.end), sentence.find(";", money.end)) if i >= 0]
    return sentence[start : min(ends) if ends else len(sentence)]


def _nearest(pattern_matches: list[re.Match[str]], money: Money) -> re.Match[str] | None:
    """Of the matches in a figure's window, the one nearest to it."""
    if not pattern_matches:
        return None
    return min(pattern_matches, key=lambda m: min(abs(m.start() - money.end), abs(money.start - m.end())))


# What an offering took in ('hat bei ihrem Börsengang 310 Millionen Franken eingenommen'); said of anything
# else, taking in is revenue.
_PROCEEDS = re.compile(r"\b(?:eingenommen|einnehmen|nahm|nimmt|erlöst\w*)\b")
# A listing the text speaks of, and the shares it sells.
_LISTING = re.compile(r"\b(?:Börsengang\w*|IPO|\w*-?Debüt|an\s+die\s+Börse|Erstnotiz)\b")
_SHARES = re.compile(r"\b(?:Aktien|Platzierung|Emission\w*|Ausgabepreis|Bookbuilding)\b")
# A listed company's share sale ('Der an der Frankfurter Börse notierte ... hat eine Kapitalerhöhung ...').
_LISTED = re.compile(r"\b(?:Börse|börsennotiert\w*|notiert\w*|Aktien|Bookbuilding)\b")


# What lies between a round named after a figure and the next figure when the round is the next one's:
# '6 Millionen Euro und einer Venture-Debt-Fazilität über 3 Millionen Euro'.
_OPENS_NEXT_FIGURE = re.compile(r"[\wäöüß-]*\s+(?:über|von|in\s+Höhe\s+von|mit)\s+(?:rund\s+|knapp\s+)?$")


def _round_text(window: str, money: Money | None) -> str | None:
    rounds = list(_ROUND.finditer(window))
    if money is not None:
        rounds = [
            r for r in rounds
            if r.start() < money.start or not _OPENS_NEXT_FIGURE.fullmatch(window, r.end(), len(window))
        ]  # fmt: skip
    found = _nearest(rounds, money) if money else (rounds[0] if rounds else None)
    if found:
        return found.group("round")
    if "Kapitalerhöhung" in window and _LISTED.search(window):
        return "Kapitalerhöhung"
    return None


def _leads(window: str, money: Money | None = None) -> list[str]:
    found = [m for pattern in _LEADS for m in pattern.finditer(window)]
    nearest = _nearest(found, money) if money else (found[0] if found else None)
    return _names(nearest.group("names")) if nearest else []


def _investors(sentence: str) -> list[str]:
    for pattern in _INVESTORS:
        found = pattern.search(sentence)
        if found:
            return _names(found.group("names"))
    return []


def _announced(sentence: str, published: date | None) -> str | None:
    """The period a past round is dated by ('im März 2022' -> 'March 2022'; 'Bereits 2022' -> '2022'), or
    None for a round of the sentence's own day."""
    past = _PAST.search(sentence)
    month = _MONTH_YEAR.search(sentence)
    year = _YEAR.search(sentence)
    if month and (month.group("year") or past):
        stated_year = month.group("year") or (str(published.year) if published else None)
        return f"{_MONTHS[month.group('month').lower()]} {stated_year}" if stated_year else None
    if month and _IN_MONTH.search(sentence, max(0, month.start() - 8), month.start() + 1):
        return _MONTHS[month.group("month").lower()]  # 'Im Juni sammelte ...': that month of the page's year
    if year and (past or (published and int(year.group("year")) < published.year)):
        return year.group("year")
    if _LAST_YEAR.search(sentence) and published:
        return str(published.year - 1)
    return None


def _valuation(sentence: str, moneys: list[Money]) -> str | None:
    for money in moneys:
        if _role(sentence, money) == "valuation":
            return money.text
    return None


# What makes a second figure of a sentence a round of its own, between it and the first: an earlier round
# ('nachdem es ... 11,75 Millionen eingesammelt hatte', 'im Herbst 2023 folgte eine Series A') or more
# money for the same round ('um weitere').
_ANOTHER_ROUND = re.compile(
    r"\b(?:nachdem|zuvor|bereits|hatte|hatten|Vorjahr|weitere|weiteren|folgte|\w*[Rr]unde)\b|"
    + _ROUND.pattern
)


def _windows(sentence: str, raises: list[Money]) -> list[tuple[Money, str]]:
    """Each raise with the part of the sentence that speaks of it: from the figure before it to the figure
    after it (positions kept, blanked outside, so matches keep their offsets)."""
    windows = []
    for i, money in enumerate(raises):
        start = raises[i - 1].end if i else 0
        end = raises[i + 1].start if i + 1 < len(raises) else len(sentence)
        windows.append((money, " " * start + sentence[start:end]))
    return windows


def _moneys(sentence: str) -> list[Money]:
    """The amounts of a German sentence: German forms, and English ones it quotes ('eine £5m-Runde')."""
    german = find_german_money(sentence)
    english = [
        money for money in find_money(sentence)
        if money.currency and not any(g.start < money.end and money.start < g.end for g in german)
    ]  # fmt: skip
    return sorted([*german, *english], key=lambda money: money.start) if english else german


def _raised(sentence: str, money: Money) -> bool:
    """Whether `money` is a raise: its role, and its own part of the sentence neither about something
    else (an acquisition, a denial, layoffs) nor a plan given up."""
    if _role(sentence, money) != "raise":
        return False
    part = _part(sentence, money)
    return not (
        _NO_DEAL.search(part) or _NEGATED.search(part) or _GIVEN_UP.search(part) or _STATISTIC.search(part)
    )


_INVESTS = re.compile(r"(?i:investier|steck|beteilig|führt|steigt)")
_INVESTING = re.compile(r"\binvestier\w*")
# Verbs of receiving money: a sentence with one states a raise whatever else it invests in.
_RECEIVES = re.compile(
    r"\b(?:eingesammelt|einsammeln|sammel\w*|erh(?:ält|ielt|alten)|bekomm\w*|bekam|sicher\w*|gesichert|holt\w*"
    r"|geholt|eingeworben|wirbt|warb|abgeschlossen|schließt|schloss|aufgestockt|stockt|fließ\w*|flossen)\b"
)


# The state spending: 'Der Bund investiert 500 Millionen Euro in Quantencomputing'.
_PUBLIC_SPENDER = re.compile(
    r"^(?:Der|Die|Das)\s+(?:Bund|Staat|Bundesregierung|Regierung|Land|Freistaat|EU|Stadt|Kommune|Gemeinde"
    r"|\w*[Mm]inisterium)\s+investier"
)


def _invests_outward(sentence: str, company: str) -> bool:
    """Whether `company` is who invests in the sentence, not who receives: the subject before 'investiert',
    with no one named as the money's target and no word of receiving ('Kelvara hat 5 Millionen Euro in
    eine Produktionshalle investiert')."""
    investing = _INVESTING.search(sentence)
    if investing is None or _RECEIVES.search(sentence):
        return False
    if _PUBLIC_SPENDER.match(sentence) and not _DESCRIBED_NAME.search(sentence):
        return True
    recipient = _RECIPIENT.search(sentence)
    if recipient and _company(
        recipient.group("name") or recipient.group("name_before") or recipient.group("name_at")
    ):
        return False
    if _REFERENCE_RECIPIENT.search(sentence):
        return False
    position = sentence.find(company)
    return 0 <= position < investing.start()


def _strategic(sentence: str, company: str) -> bool:
    """'Siemens investiert 30 Millionen Euro in Gridmind': a company, not a venture investor, invests."""
    recipient = _RECIPIENT.search(sentence) or _REFERENCE_RECIPIENT.search(sentence)
    if recipient is None or company in sentence[: recipient.start()]:
        return False
    if not _INVESTS.match(recipient.group(0)):
        return False  # ('750.000 Euro fließen an X', 'geben dem Unternehmen': money given, by no one named)
    backer = sentence[: recipient.start()] + recipient.group(0).split(" in ")[0]
    # (a corporation's venture arm invests for it: 'Über seine Venture-Einheit investiert der Konzern')
    return not _FINANCIAL_BACKER.search(_VENTURE_ARM.sub("", backer))


def _strategic_round(sentence: str, company: str) -> str | None:
    return "strategic" if _strategic(sentence, company) else None


def german_mentions(sentence: str, locator: str, reading: GermanReading) -> list[DealMention]:
    """The deals one German sentence states, adding what it says of the deal before it (its leads, its
    round, its valuation) and remembering whom the next 'Das Start-up' means."""
    reading.since_named += 1
    if _LISTING.search(sentence) and not _NO_DEAL.search(sentence):
        reading.listing = True
    moneys = _moneys(sentence)
    raises = [money for money in moneys if _raised(sentence, money)]
    listed = bool(_LIST_ITEM.match(sentence))
    offering = _LISTING.search(sentence) and _PROCEEDS.search(sentence)
    if not raises or not (listed or offering or _RAISE.search(sentence) or _ROUND.search(sentence)):
        undisclosed = _amountless(sentence, locator, reading) if not moneys else None
        _follow_up(sentence, moneys, reading)
        _remember_topic(sentence, reading)
        if _DENIES.search(sentence) and reading.since_named == 0 and reading.last_company:
            reading.denied.add(reading.last_company)  # 'Geldbote weist Berichte über ... zurück'
        return [undisclosed] if undisclosed else []
    kept = raises[:1] + [
        money for before, money in pairwise(raises)
        if _ANOTHER_ROUND.search(sentence, before.end, money.start)
    ]  # fmt: skip
    # One company for the sentence: the first figure's, or a later one's when only it has its subject
    # in reach ('nach ... einer Runde von 308 Millionen Euro stockt Tubulis ... um 36 Millionen Euro auf')
    company = next((c for money in kept if (c := _subject(sentence, money, reading))), None) or next(
        (c for money in kept if (c := _company_spoken_of(sentence, money, reading))), None
    )
    if company is None:
        _remember_topic(sentence, reading)
        return []
    if _invests_outward(sentence, company):
        return []  # 'Der Softwareanbieter SAP investiert 200 Millionen Euro in KI': its own spending
    reported = bool(_REPORTED.search(sentence) or _PLANNED.search(sentence))
    if reported and company in reading.denied:
        return []  # ('Alternativ verhandle Geldbote über eine Series C, hieß es': what Geldbote denied)
    found: list[DealMention] = []
    for money, window in _windows(sentence, kept):
        leads = _leads(window, money)
        stated_round = _round_text(window, money)
        pending = reading.amountless
        if stated_round is None and pending is not None and pending.company == company:
            stated_round = pending.round_text  # 'hat eine Series A abgeschlossen. ... Wir haben 9 Millionen'
        if stated_round is None and reading.listing and _SHARES.search(window):
            stated_round = (
                "Börsengang"  # 'Aus der Platzierung neuer Aktien fließen ... 180 Millionen Euro zu'
            )
        if stated_round is None and not found and _strategic(sentence, company):
            stated_round = "strategic"  # (the text names no round: the kind of backer says which)
        mention = DealMention(
            Method.PROSE,
            locator if not found else f"{locator}/m[{len(found)}]",
            sentence,
            company,
            round_text=stated_round,
            amount=money.text,
            currency=money.currency,
            valuation=_valuation(window, moneys) if not found else None,
            announced=_announced(window[max(0, money.start - 80) :], reading.published)
            if found
            else _announced(sentence, reading.published),
            lead_investors=leads,
            investors=list(dict.fromkeys([*leads, *_investors(window)])),
            status="reported" if reported else "announced",
            context=sentence,
        )
        found.append(mention)
    reading.named(company)
    reading.mentions.extend(found)
    reading.amountless = None
    return found


# An amount the text says it does not give: 'Über die Höhe wurde Stillschweigen vereinbart', 'in
# ungenannter Höhe', 'Die Höhe der Investition wurde nicht genannt', 'Zur Summe machte ... keine Angaben'.
# An amount said only by its size: 'einen zweistelligen Millionenbetrag', 'sechsstelligen Betrag'.
_UNDISCLOSED_SIZE = re.compile(
    r"\b\w*stellige[nrm]?\s+(?:Millionen|Euro)?(?:[Bb]etrag|[Ss]umme)\b|\bMillionen(?:betrag|summe)\b"
)
_UNDISCLOSED = re.compile(
    r"\b(?:Stillschweigen|ungenannte[rnm]?\s+Höhe|nicht\s+(?:genannte[rnm]?|bekannt|öffentlich|beziffert"
    r"|mitgeteilt)|nennt\b[^.]{0,40}\bnicht|keine\s+Angaben|nicht\s+offengelegt|unbekannte[rnm]?\s+Höhe"
    r"|Details\s+zur\s+Höhe|schweig\w*|Betrag\s+nicht\s+genannt|k\.\s?A\.)\b|" + _UNDISCLOSED_SIZE.pattern
)
_AMOUNT_WORDS = re.compile(
    r"\b(?:Höhe|Summe|Betrag|Volumen|finanziellen\s+Details|Details|\w*(?:betrag|summe))\b", re.IGNORECASE
)


def _amountless(sentence: str, locator: str, reading: GermanReading) -> DealMention | None:
    """A round stated without its amount ('Vireo Health hat eine Seed-Finanzierungsrunde abgeschlossen'),
    kept until a sentence says the amount is undisclosed; the deal then, with no amount."""
    says_undisclosed = bool(_UNDISCLOSED.search(sentence)) and bool(_AMOUNT_WORDS.search(sentence))
    pending = reading.amountless
    stated = (
        _ROUND.search(sentence)
        or re.search(
            r"\b\w*(?:[Ff]inanzierung|[Rr]unde|Investment)\b|\binvestier\w*|\bbeteilig\w*|\bGeld\b", sentence
        )
        or _UNDISCLOSED_SIZE.search(sentence)
    )
    raised = _RAISE.search(sentence) or _LIST_ITEM.match(
        sentence
    )  # ('Brett.io – Betrag nicht genannt (Series A)')
    if stated and raised and not _NO_DEAL.search(sentence) and not _NEGATED.search(sentence):
        anchor = Money(Decimal(0), None, False, "", stated.start(), stated.end())
        company = _subject(sentence, anchor, reading)
        if company:
            pending = DealMention(
                Method.PROSE, locator, sentence, company,
                round_text=_round_text(sentence, None) or _strategic_round(sentence, company),
                amount="undisclosed", lead_investors=_leads(sentence), context=sentence,
                status="reported" if _REPORTED.search(sentence) else "announced",
            )  # fmt: skip
            pending.investors = list(pending.lead_investors)
            reading.named(company)
    if pending is None:
        return None
    if says_undisclosed:
        reading.amountless = None
        reading.mentions.append(pending)
        return pending
    reading.amountless = pending
    return None


# The company a clause before a colon is about: '... darf sich Almrausch freuen:'.
_NAME_BEFORE_COLON = re.compile(
    rf"\b(?!(?:eine?[mnrs]?|der|die|das|den|dem|des|seine?[mnrs]?|ihre?[mnrs]?|unsere?[mnrs]?|jede[mnrs]?|diese[mnrs]?"
    rf"|keine?[mnrs]?)\b)[a-zäöüß]{{2,}}\s+(?:sich\s+)?(?P<name>{_NAME})\s+[a-zäöüß]+\s*:$"
)
_STEPS_IN = re.compile(r"\b(?:steigt|stieg|steigen)\b.{0,120}?\bein\b|\bbeteilig\w*\s+sich\b")


def _remember_topic(sentence: str, reading: GermanReading) -> None:
    """Whom a sentence without a deal is about, if it names one: the next 'Das Start-up' means it; the
    first such sentence's label too ('Kassenwart: Aufstieg und Ernüchterung eines Berliner Fintechs')."""
    labelled = _LABEL.match(sentence) if reading.last_company is None else None
    # (the subject that opens it first: 'Flinkbau vermittelt über eine Plattform Handwerker an ...' is
    # about Flinkbau, not 'Plattform Handwerker')
    openers = [pattern.search(sentence) for pattern in _TOPIC]
    described = [_DESCRIBED_NAME.search(sentence)]
    # (but a backer that opens it steps into the company named after it: 'Siemens steigt beim Startup
    # Gridmind ein', 'Bosch beteiligt sich am Startup Lidaro')
    backing = _RECIPIENT.search(sentence) or _STEPS_IN.search(sentence)
    found = [
        _NAMED_LABEL.match(sentence) if labelled else None,
        *(described + openers if backing else openers + described),
        _VERB_SECOND.search(sentence),
        _ROUND_OF.search(sentence),
    ]
    for named in found:
        if named and (company := _company(named.group("name"), opening=True)):
            reading.named(company)
            return


_KIND_OF_DEAL = re.compile(
    r"\bhandelt\s+(?:es\s+)?sich\s+um\b|\b(?:Runde|Finanzierung)\s+(?:ist|war)\s+(?:eine?)\b"
)


def _follow_up(sentence: str, moneys: list[Money], reading: GermanReading) -> None:
    """A sentence after a deal that states no deal of its own but its leads, investors, round or valuation
    ('Angeführt wird die Runde von Y.', 'Die Series-A-Runde wird von Y angeführt', 'Die Bewertung liegt bei
    400 Millionen Euro.')."""
    if not reading.mentions:
        return
    deal = reading.mentions[-1]
    other = _DESCRIBED_NAME.search(sentence) or _SUBJECT_FIRST.match(sentence)
    if other and (named := _company(other.group("name"))) and named != deal.company:
        return  # (a sentence about another company tells nothing of this deal)
    leads = _leads(sentence)
    if leads and not deal.lead_investors:
        deal.lead_investors = leads
        deal.investors = list(dict.fromkeys([*leads, *deal.investors]))
        if deal.round_text is None and (stated := _round_text(sentence, None)):
            deal.round_text = stated  # 'Die Series-A-Runde wird ... angeführt'
    if deal.round_text is None and _KIND_OF_DEAL.search(sentence) and (stated := _round_text(sentence, None)):
        deal.round_text = stated  # 'Es handelt sich um eine Series A.'
    investors = _investors(sentence)
    if investors:
        deal.investors = list(dict.fromkeys([*deal.investors, *investors]))
    valuation = _valuation(sentence, moneys)
    if valuation and not deal.valuation and not _NO_DEAL.search(sentence):
        deal.valuation = valuation
