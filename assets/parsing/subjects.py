"""The subject of a deal clause -> the company it names, or a pointer back to the company named before.

Subjects carry words around the name that are not part of it: press-release datelines ('DENVER, Colo.,
April 2, 2026 /PRNewswire/ --'), bullets, fillers ('Separately,', 'In Nairobi,'), descriptors
('Lisbon's', 'Solar inverter maker'), appositives (', a Seattle developer of ...,'), reporting verbs ('...
said on Monday it had') and role nouns that point back ('The company also ...', 'The chip designer').
"""

from __future__ import annotations

import re

from assets.normalize.rounds import find_round
from assets.parsing.date_phrases import MONTH, REFERRING_SUBJECT, WEEKDAY
from assets.parsing.prose_names import (
    CAPITAL,
    FLAG,
    NAME,
    THE_COMPANY,
    end_name,
    search_from_name,
    valid_company,
    without_descriptors,
)
from schemas.gazetteer import default_gazetteer

# Nouns that say what a company is; a subject made of 'the' + words + one of these refers back to the
# company named before ('The company also took on ...', 'The chip designer announced ...').
ROLE_NOUNS = (
    "company|startup|start-up|firm|maker|developer|provider|lab|unicorn|platform|outfit|rival|competitor|"
    "operator|designer|builder|manufacturer|supplier|marketplace|business|insurer|lender|neobank|biotech|"
    "fintech|app|service|specialist|upstart|newcomer|challenger|vendor|producer|retailer|chain|group|team|"
    "spinout|spin-off|player|pioneer|network|venture|corporation"
)
# What a company is, said before its name: 'Saudi buy-now-pay-later platform Tamara', 'the US-based AI
# coding startup Vercel' (up to two capitalised words of place or field, lower-case words, a role noun).
DESCRIBED_AS = rf"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,2}}(?:[a-z][\w-]*\s+){{0,3}}(?:{ROLE_NOUNS})\s+"
# The same pointers in French, Spanish and Portuguese: 'la start-up', 'l'entreprise', 'a companhia'.
_FOREIGN_ROLE_NOUNS = (
    r"start-?up|entreprise|société|jeune pousse|pépite|licorne|empresa|compañía|companhia|firma|plataforma"
    r"|azienda|società"
)
_ALL_ROLE_NOUNS = f"{ROLE_NOUNS}|{_FOREIGN_ROLE_NOUNS}"
# ('Elle lève une série A': the French 'it')
_REFERENCE = re.compile(
    rf"^(?:(?:the|this|that|its)\s+(?:[\w.&'’,-]+\s+){{0,4}}?[\w.-]*(?:{ROLE_NOUNS})|it|elle|il"
    rf"|(?:la|le|l['’]|el|a|o)\s*(?:{_FOREIGN_ROLE_NOUNS})(?-i:\s+[a-zà-ÿ][\w'’-]*){{0,8}})$",
    re.IGNORECASE,
)
# Press-release datelines: 'DENVER, Colo., April 2, 2026 /PRNewswire/ --', 'LYON--(BUSINESS WIRE)--'.
_DATELINE = re.compile(
    rf"^[{CAPITAL}][{CAPITAL}.'’ -]+(?:,\s*[{CAPITAL}][\w.'’ -]*?)*?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\s*"
    r"(?:/[^/]{2,40}/\s*--|--\s*\([^)]{2,40}\)\s*--|\([^)]{2,40}\)\s*--)\s*"
)
# A news dateline of a city in capitals and a day: 'NEW YORK, Aug 7 - ', 'LONDON, March 3, 2025 — '.
_CITY_DAY_DATELINE = re.compile(
    rf"^[{CAPITAL}][{CAPITAL}.'’ -]+,\s*{MONTH}\.?\s+\d{{1,2}}(?:,\s*(?:19|20)\d\d)?\s*[-—–]+\s*"
    # (before a subject: 'QUENBY, March 3 - raised $5 million' is the company's name in capitals)
    rf"(?=[{CAPITAL}\"“‘'])"
)
# A wire service's dateline: 'June 8 (Reuters) -', 'LONDON (Bloomberg) --', '(AP) —'.
_WIRE_DATELINE = re.compile(
    r"^[\w .,]{0,40}?\((?:Reuters|Bloomberg|AP|AFP|PTI|IANS|ANI|Xinhua)\)\s*[-—–]+\s*", re.IGNORECASE
)
# A date heading the text, as saved pages and exports start: 'date 2024-01-16 Northvolt, ...'.
_DATE_HEADING = re.compile(r"^(?:date|published|posted|updated):?\s+\d{4}-\d{2}(?:-\d{2})?\s+", re.IGNORECASE)
# A timeline's date before the subject: 'June 11, 2024 Mistral raises', '11 June 2024: Mistral raised'.
_DATE_OPENING = re.compile(
    rf"^(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|\d{{1,2}}\s+{MONTH},?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d"
    # a period the sentence opens with, without a comma: 'In 2021 Acme raised', 'In May of 2021 Acme ...',
    # 'In the third quarter of 2023 Acme ...'
    rf"|(?:In|During) (?:(?:early|late|mid) ?-?)?(?:{MONTH} (?:of )?"
    # (or a pronoun: 'In 2018 it raised', 'In 2021 the company closed')
    r"|the (?:first|second|third|fourth) quarter of |Q[1-4] (?:of )?)?(?:19|20)\d\d)\s*[:,–—-]?\s+"
    rf"(?=[A-Z]|{REFERRING_SUBJECT})"
)
_BULLET = re.compile(r"^(?:[*•·▪‣◦-]|—|–|\d{1,2}[.)])\s+")
_FILLER = re.compile(
    r"^(?:(?:meanwhile|separately|also|elsewhere|today|yesterday|now|finally|first|second|third|lastly|plus"
    r"|and|but|in other news|in (?:a|its) [a-z ]+|this (?:week|month|morning)|last (?:week|month)"
    # 'Last May, Anthropic, one of ..., raised'
    r"|(?:last|this|early|late|in early|in late|in mid-?) (?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december)(?= *,)"
    # 'Last year in May, the company raised ...'
    r"|(?:last|this) (?:year|spring|summer|autumn|fall|winter)(?: in [A-Z][a-z]+)?|earlier"
    r"(?: this (?:week|month|year))?|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|on [A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?"
    # who says so: 'According to the Financial Times, Mistral ...'
    r"|according to [^,]{1,60}"
    # a sentence adverb: 'Interestingly, the newest unicorn, fintech startup Acme raised ...' (a list, not
    # every word in -ly: 'Grammarly, the writing assistant, raised' starts with its name)
    r"|(?:(?:perhaps )?(?:more|most) )?(?:interestingly|notably|additionally|similarly|importantly"
    r"|significantly|ultimately|consequently|accordingly|specifically|subsequently|previously|recently"
    r"|currently|initially|eventually|surprisingly|unsurprisingly|crucially|fortunately|unfortunately"
    r"|ironically|naturally|curiously|remarkably|tellingly|predictably|admittedly|essentially|likewise"
    r"|moreover|furthermore|further|however|indeed|in addition|in turn|as expected|not surprisingly"
    r"|among (?:them|those|others))(?=,)"
    # 'Here, the highlight goes to ...' (but 'HERE, the Dutch mapping firm, raised' names the company)
    rf"|(?:here|ici|aqui|aquí)(?=,\s+(?!(?:the|a|an|um|uma|un|une|la|le|el)\s+[^,]{{0,60}}?\b(?:{_ALL_ROLE_NOUNS})\s*,))"
    # when, from the last thing told: 'Just eight months later, it had raised ...'
    r"|(?:just |only |some )?(?:[\w-]+ ){1,3}(?:later|earlier|ago|afterwards)"
    # 'Just a few days prior to Moneyview, ride-hailing startup Rapido raised ...'
    r"|(?:just |only )?(?:a (?:few|couple of) |several |[\w-]+ )?(?:days|weeks|months|years)"
    r" (?:prior to|before|after) [^,]{1,40}(?=,)"
    rf"|in [{CAPITAL}][\w’'-]+(?: [{CAPITAL}][\w’'-]+)?(?=,)"
    # a funding history looking back: 'Back in September, it raised ...', 'Back in 2021, the startup ...'
    rf"|back in (?:[{CAPITAL}][\w’'-]+(?: (?:19|20)\d\d)?|(?:19|20)\d\d)(?=,)"
    # the same openers in French, Spanish and Portuguese news ('Derrière, Mistral AI, ... a levé')
    r"|derrière|ensuite|enfin|par ailleurs|de son côté|en effet|également|además|asimismo|por su parte"
    r"|también|além disso|por sua vez)[,:]?\s+)+",
    re.IGNORECASE,
)
# 'Breckle Inc., a Seattle developer of ...,': the name, then a description set off by commas.
_CORPORATE_FORM = (
    r"(?:,?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC|plc|GmbH|AG|SA|S\.A|NV|N\.V|BV|B\.V|SE|Pte|Pty|SpA|S\.p\.A|S\.L|SL|AB|AS|Oy)"
    r"\b\.?(?:,?\s+Ltd\b\.?)?)?"  # 'Co., Ltd.'
)
# 'Jackson Hole, Wyoming-based Vertical Harvest': a place, where it is based, then the company, after at
# most three words of what it is ('Boise, Idaho-based battery startup Quorrel').
# 'The Costa Mesa, California-based company closed ...': the company named before, described by its place.
_PLACE_BASED_REFERENCE = re.compile(
    rf"^(?i:the)\s+[^,]{{1,40}},\s+[\w.'’ -]{{0,30}}?-based\s+(?:[\w-]+\s+){{0,2}}?(?i:{ROLE_NOUNS})$"
)
_PLACE_BASED_NAME = re.compile(
    rf"^[^,]{{1,40}},\s+(?!(?i:a|an|the)\b)[\w.'’ -]{{0,30}}?-based\s+"
    # (what it is in plain words: 'robotics company and Carnegie Mellon spinout', 'unit of Pellmark' and
    # 'maker of the Quorrel app' name something else)
    rf"(?:(?!(?:and|or|of|the|for|with|to|in|at|by)\b)[a-z][\w-]*\s+){{0,3}}({NAME})"
)
_APPOSITIVE = re.compile(
    rf"^({NAME}){_CORPORATE_FORM}\s*(?:\([^()]*\)\s*)?,\s+"
    r"(?:the|a|an|another|which|who|whose|one|formerly|now|based|founded|headquartered|[\w-]+-based)\b"
)
# 'Mistral AI, champion français de l'IA, a levé': a description without an article, in any language.
# "Caafisom, Somaliland's first funded startup raised": the description may open with a place's possessive.
# "xAI, Elon Musk's generative AI company, closed": the owner may take two or three words.
_BARE_APPOSITIVE = re.compile(
    rf"^({NAME}){_CORPORATE_FORM},\s+(?:(?:[A-Z][\w-]*\s+){{0,2}}[A-Z][\w-]*['’]s\s+)?[a-zà-ÿ][^,]{{2,80}}$"
)
# ', which ...', ', a Lyon maker of ...', and a participle set off by commas (', founded in 2017,').
_TRAILING_APPOSITIVE = re.compile(
    r",\s*(?:which|who|whose|a|an|the|now|formerly|founded|based|headquartered|launched|established)\b"
    r"[^,]*,?\s*$"
)
_TRAILING_WORDS = re.compile(
    r"\s+(?:has|have|had|is|was|are|were|has been|just|officially|quietly|reportedly|also|today|now|itself"
    r"|finally|recently|separately|previously|already|earlier|once|last|first|most recently|too"
    # a round planned or discussed: 'The startup has discussed raising', 'Vexa is looking to raise'
    r"|to|plans|plan|planning|discussed|discussing|considering|seeking|looking|aiming|hoping|preparing"
    r"|aims|aim|seeks|hopes|intends|wants"
    # (in lower case and before 'to' only: 'Good Looks' and 'Daily Needs' are names, 'Quenby needs $5
    # million' no plan)
    r"|(?-i:looks|expects|needs|prepares)\s+to"
    r"|expected|poised|set|about|gearing up|likely"
    # and before a French infinitive: 'Ombrelle a réussi à lever', 'est sur le point de lever', 'va lever'
    r"|a réussi à|vient de|va|pourrait|devrait|(?:est|serait) sur le point de|compte|prévoit de|cherche à"
    # any adverb in -ly, written in lower case: 'Acme successfully raised', 'Acme quickly closed'
    r"|(?-i:[a-z]{2,}ly))$",
    re.IGNORECASE,
)
# '... said it had', '... announced on Monday that it has': the company reports its own deal.
# A day of a month as news writes it: 'Jan. 5', 'March 12, 2024'.
_MONTH_DAY = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
_SAID_ON = rf"\s+(?:on\s+)?(?:\w+day|{_MONTH_DAY})"
_SAID_IN = (
    r"\s+in\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|release|post|interview|filing|e-?mail|announcement|letter|note|memo|update)"
)
_REPORTED = re.compile(
    r"\s+(?:said|says|announced|announces|confirmed|confirms|disclosed|discloses|reported|reports|revealed"
    r"|reveals|stated"
    # 'the startup tells TechCrunch that it recently closed', 'Acme told Reuters it had'
    rf"|tells\s+{NAME}|told\s+{NAME})"
    # ... on a day and where it said so, in either order: 'said Monday', 'said on Jan. 5', 'said in a
    # statement on Tuesday', 'said Tuesday in a blog post', 'announced in a LinkedIn post'
    # (where it was said only before 'it': people and officials say in statements what 'they' did)
    rf"(?:{_SAID_ON})?(?:{_SAID_IN}(?=(?:{_SAID_ON})?(?:\s+that)?\s+it\b))?(?:{_SAID_ON})?"
    r"(?:\s+that)?\s+(?:it|they)(?:\s+(?:has|had|have|is|was))?$",
    re.IGNORECASE,
)
# When the subject did it, said between it and the verb: 'Orvane on Tuesday raised', 'Orvane this week said'.
_TRAILING_DAY = re.compile(
    r"\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    rf"|{_MONTH_DAY}"
    r"|this\s+(?:week|month|morning)|last\s+(?:week|month))$",
    re.IGNORECASE,
)
# A headline's 'Northvolt in talks for over USD 5 bn in financing': the company is in talks for the amount.
_IN_TALKS = re.compile(
    r"\s+(?:(?:is|are|was|were)\s+)?in\s+(?:early\s+|advanced\s+|final\s+)?talks"
    r"(?:\s+for(?:\s+(?:over|more than|about|around|up to|nearly|at least))?)?$",
    re.IGNORECASE,
)
_AS_NAME = re.compile(
    rf"\b(?:spun (?:out|off) as|launched as|emerged as|rebranded as|relaunched as)\s+({NAME})"
)
# 'The team behind SGLang raised...': the company is the one the text just named, not the project.
_BEHIND = re.compile(
    r"^(?i:the|its)\s+(?i:team|people|group|developers|maintainers|creators|engineers|founders|company|startup)"
    r"\s+(?i:behind|that (?:built|created|maintains|makes))\s+\S.{0,80}$"
)
_HOLDERS_OF = re.compile(rf"^(?i:employees|staff|shareholders|early staff|investors) of\s+({NAME})")
_DEAL_NOUN = re.compile(
    r"\b(?:round|funding|financing|raise|fundraise|fund-raise|fundraising|investment|deal|check|cheque|bet|ipo"
    r"|offering|valuation)\b",
    re.I,
)


# A sentence turned round, its subject after the verb: 'Among the biggest rounds this week was xAI, ...',
# 'Topping the list is Acme, which ...'.
_INVERTED = re.compile(
    r"^(?:among|leading|topping|heading|rounding out|joining|next|also on the list)\b[^,]{0,80}?\s+"
    r"(?:was|were|is|are|came|comes)\s+",
    re.IGNORECASE,
)
# A phrase that sets the scene before the subject: 'On the sector vertical, ...', 'Among fintechs, ...'.
_SCENE = re.compile(
    r"^(?:on|in|at|for|during|among|across|within|under|beyond|outside|after|before|by|with"
    # what the company is, before it is named: 'Founded in 2019, the company raised ...'
    r"|(?:founded|launched|established|incorporated|headquartered|based|started|formed|spun (?:out|off))"
    r"\s+(?:in|by|at|out of|from))\s+[^,]{1,60},\s+",
    re.IGNORECASE,
)
# 'Mobility startup Rapido recently turned unicorn after ...': the name right before what it did.
_NAME_BEFORE_PREDICATE = re.compile(
    rf"(?:^|(?<=\s))({NAME})(?=\s+(?:recently|just|also|has|have|had|is|was|are|were|now|turned|became|achieved|reached"
    # 'Pharmeasy emerged as the top recipient, raising'
    r"|hit|hits|joined|crossed|entered|emerged|emerges)\b)"
)


# Who heads a company, by title ('CEO', 'co-founder'); any officer of it adds those who speak for it.
_HEAD = r"co-?founder|founder|ceo|chief executive(?: officer)?|president"
OFFICER = rf"(?i:{_HEAD}|chair(?:man|woman)?|cfo|cto|coo|spokes(?:person|man|woman)|boss)"
"""An officer of a company by title: who heads it and who speaks for it (a regex, no groups)."""
# 'Quillfort CEO Jane Doe said the company raised ...', "Acme's co-founder told reporters the startup had":
# the company whose officer speaks of 'the company'.
_OFFICER_SAYS = re.compile(
    rf"^({NAME})(?:['’]s)?\s+{OFFICER}\b[^.;]{{0,80}}?\b"
    r"(?i:said|says|told|tells|confirmed|confirms|announced|announces)\b(?:\s+\w+){0,2}?\s+(?i:that\s+)?"
    r"(?i:the|its)\s+(?i:company|startup|start-up|firm|business)(?:\s+(?i:has|had|have|is|was))?$"
)
# "Quellmark CEO Dana Reyes said the firm's $55 million Series A will fund ...": the round of the company
# the officer heads, when nothing comes between the officer's name and the saying ('Ostrel CEO Jane Doe,
# whose firm led the deal, said the startup's round' is another company's).
_OFFICER_SAYS_OWN_ROUND = re.compile(
    rf"^({NAME})(?:['’]s)?\s+(?i:{_HEAD})\s+"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?i:said|says|told|tells)\s+(?i:that\s+)?"
    r"(?i:the|its)\s+(?i:company|firm)['’]s$"
)
# 'Quillfort made its market debut after raising ...', 'Nykaa too attained unicorn status by raising ...':
# a subject that ends in a subordinating word has its own clause; its company is the name before that
# clause's verb (a past tense).
_SUBORDINATE_END = re.compile(
    # 'Precede Biosciences emerged from stealth having raised ...'
    r"\s(?:after|by|while|upon|when|before|having|with (?:its|their|a|an))$",
    re.IGNORECASE,
)  # 'Kapiva drew attention with its $60 million round'
# A listing's first day, then the offering that raised: 'Quenby listed at a 9% premium on the NSE after an
# IPO that raised ...', 'Quenby rose 30% in its debut after a $252 million share sale' (the company that
# listed raised).
_LISTED_AFTER_ITS_OFFERING = re.compile(
    rf"^({NAME})\s+(?:(?:shares|stock)\s+)?(?:listed|debuted|rose|jumped|climbed|surged|soared|fell|slipped|opened"
    r"|closed|made)\b[^;]*\s(?:after|following)\s+(?:an?|its|the)"
    # ('after the Solvane IPO that raised': another company's listing)
    r"(?:\s+(?:(?-i:[a-z$€£¥₹\d])\S*\s+){0,3}?"
    r"(?i:ipo|offering|listing|share sale|flotation|float)\s+(?:that|which))?$"
)

# A subject that opens on a company doing something to its own round, and ends where the round is called
# its own: 'Acme added six investors to its', 'Acme brought on two backers in its oversubscribed'. Only
# these verbs: 'Northwind contributed to its' or 'Analysts reacted coolly to its' are about another's round.
_OWN_ROUND = re.compile(
    rf"^({NAME})\s+(?:added|adds|brought on|brings on|welcomed|welcomes)\b[^,;]{{0,80}}?"
    r"\s(?:to|in|into)\s+(?:its|their)(?:\s+(?-i:[a-z][\w-]*))?$"
)
_NAME_BEFORE_PAST_TENSE = re.compile(
    rf"(?:^|(?<=\s))({NAME})(?=\s+(?:also\s+|too\s+|then\s+|first\s+)?(?:[a-z]+ed|made|became|went|won|hit|got"
    r"|took|saw|set|broke|began|grew|rose|drew|drove|gave|kept|left|led|met|ran|sold|built|came)\b)"
)

# 'Moniepoint tripled its valuation when it last', 'Rakuten Bank shares jumped on Friday, after the internet
# bank': a subordinate clause whose subject points back to the company the sentence is about.
_POINTS_BACK_WITHIN = re.compile(
    r"(?:,\s*|\s+)(?:after|when|as|since|because|once|before)\s+"
    rf"(?:it|the\s+(?:[\w-]+\s+){{0,3}}?(?:{ROLE_NOUNS}|bank))(?:\s+(?:last|first|recently|just|had|has|also))*$",
    re.IGNORECASE,
)
# The company a sentence opens on: the name before its verb, an adverb between them ('Moniepoint almost
# tripled'), or before its shares ('Rakuten Bank Ltd shares jumped').
_OPENING_NAME = re.compile(
    rf"(?:^|(?<=\s))({NAME}){_CORPORATE_FORM}\s+(?:(?:almost|nearly|also|then|[a-z]{{2,}}ly)\s+)?"
    r"(?:[a-z]+ed|shares|stock|became|grew|rose|won|made|hit|saw|drew)\b"
)
# What a company is, and nothing else, before its name: 'Solar power equipment maker '.
_DESCRIPTOR_ONLY = re.compile(rf"(?:[\w-]+\s+){{0,5}}?(?i:{ROLE_NOUNS})\s+$")
# 'Nextracker upsized its offering and priced it above the range to raise': the subject of the verbs
# before an infinitive of purpose (not 'fell 40% to').
_PURPOSE_END = re.compile(r"(?<![\d%])\s(?:to|in order to)$", re.IGNORECASE)
# 'Tempo, Stripe's new blockchain, hits $5B valuation': the predicate ends the description.
_PREDICATE_AFTER_DESCRIPTION = re.compile(
    r",\s+(?:hits|hit|reaches|reached|nears|tops|topped|crosses|crossed|notches|notched)$", re.IGNORECASE
)


# 'The recent funding round of Anthropic, a US AI startup, has raised ...': the round's owner.
_ROUND_OF = re.compile(
    rf"^(?i:the|a|an|this)\s+(?:[\w-]+\s+){{0,3}}?(?i:round|funding|financing|raise|investment|ipo"
    rf"|initial public offering|listing|share sale|flotation)\s+of\s+({NAME})"
)
# '..., with Neobank Salmon securing $28 million': the name the absolute phrase is about.
# '..., with Pellwood, a Ghanaian logistics startup securing ...': the name may carry a description.
# What the company has, set off after its name: 'Groq, with its custom Language Processing Units,'.
_WITH_ITS = re.compile(r",\s+with\s+(?:its|their|a|an|the)\s[^,]*$")
_WITH_NAME = re.compile(
    # 'announced 1 financing event, with the stablecoin payment network Mesta (completing ...)': what the
    # company is may come between 'with' and its name (lower-case words, then a role noun)
    rf",\s+with\s+(?:the\s+(?:[a-z][\w-]*\s+){{0,4}}(?:{ROLE_NOUNS})\s+)?({NAME})"
    rf"(?:,\s+(?:a|an|the)\s+[^,]{{1,60}})?$"
)
# Who a name right after is: a person, in English, Spanish, Portuguese or French ('the investor John
# Smith, who', 'la fundadora Ana Lima, que').
PERSON_BEFORE = re.compile(
    r"\b(?:investor|inversor|investidor|investisseur|(?:co-?)?founder|(?:co-?)?fundador|(?:co-?)?fundadora"
    r"|(?:co-?)?fondat(?:eur|rice)|ceo|angel|ángel|anjo|entrepreneur|billionaire|empresário|empresario"
    r"|emprendedora?"
    r"|presidente|president|directora?|consejer[oa] delegad[oa]|chief executive)"
    # ('El fundador de Brimwell, Tomás Vidal, que'): the office, of which company, then the person
    r"(?:\s+(?:de|da|do|del|of)\s+[^,]{1,40})?,?\s+$"
    # ... or someone a company spoke to: 'Quenby dijo a El País que cerró', 'disse ao Valor que'
    r"|\b(?:dijo|disse|declaró|declarou|contó|contou|explicó|explicou|afirmó|afirmou|informó|informou"
    r"|told)\s+(?:(?:a|al|ao|à|aos)\s+)?$",
    re.IGNORECASE,
)
# 'spearheaded by Country Delight, a dairy brand that raised ...': the relative pronoun refers to the name
# the description sets off, wherever that name stands.
_RELATIVE_AFTER_NAME = re.compile(
    rf"({NAME})(?:\s*\([^()]{{1,40}}\))?"
    # 'it' or 'they' right after the name only: after a description it is the description's object ('the
    # state of Twitter, a startup hoping to disrupt it has raised')
    r"(?:(?:,\s+(?:a|an|the)\s+[^,]{1,60}?)?,?\s+(?:that|which|who|qui|que)|,?\s+(?:it|they))"
    r"(?:\s+(?:has|had|have|also))?$"
)
# Who founded, backs or runs the company, set off in its subject: 'xAI, the AI startup founded by Elon
# Musk, which closed ...', 'The robotics firm, set up by two graduates, raised ...'. The names after 'by'
# are people or investors, never the company that raised.
_MADE_BY = re.compile(
    r"(?<=[\w,])(?<!\bwas)(?<!\bwere)(?<!\bis)(?<!\bare)(?<!\bbeen)\s+"
    r"(?:(?:co-?)?founded|set up|started|backed|owned|run|created|built|launched|incubated"
    # 'founded in 2018 by Tesh Mbaabu and Mesongo Sibuti': a year or a place may stand before 'by'
    r"|operated|helmed|headed|controlled|spun (?:out|off))(?:\s+in\s+[^,]{1,30}?)?\s+by\s+[^,]{1,80}(?=,|$)",
    re.IGNORECASE,
)
# 'Lenskart which is one of the largest retailers in the country raised ...': a relative clause set off
# by no comma, right after the name.
_RELATIVE_WITHOUT_COMMA = re.compile(
    rf"^({NAME}){_CORPORATE_FORM}\s+(?:which|who)\s+(?:is|was|are|were|has|had|operates|runs|makes|offers"
    r"|provides|builds|develops|helps|sells)\b"
)
# "Axelera AI's recent achievement of raising": the owner of the effort raised the money.
_OWNERS_EFFORT = re.compile(
    rf"({NAME})['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:achievement|success|decision|move|plan|bid|effort|attempt)s?"
    r"\s+(?:of|in|to)$"
)
_CALLED = re.compile(rf"\b(?:called|named|dubbed)\s+({NAME})")
# The deal stated before, as the subject: 'This equity funding follows ...', 'The round comes after ...'.
_DEAL_REFERENCE = re.compile(
    r"^(?i:this|that|this latest|the latest|the new)\s+(?!(?i:total|overall|combined|aggregate)\b)"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?i:funding|round|raise|investment|financing|fundraise|capital)$"
    # the next round of a history: 'This was followed by a Series A round in September 2024, raising ...'
    r"|^(?i:this|that|it|which)\s+(?i:was|were)\s+(?i:then\s+|soon\s+|later\s+)?(?i:followed\s+by)\b.*$"
    # the listing of the company named before: 'The IPO raised', 'Its initial public offering raised'
    # ("The company's initial public offering raised")
    rf"|^(?i:the|its|this)\s+(?:[\w-]+\s+){{0,2}}?(?:(?i:{ROLE_NOUNS})['’]s\s+(?:[\w-]+\s+){{0,2}}?)?"
    r"(?i:ipo|initial public offering|offering|listing|share sale|flotation|float)$"
)
# A history of the rounds of the company named before, as the subject: 'Earlier funding rounds include',
# "The company's early funding included", 'Its debt facilities include'. 'Other rounds this week include'
# names no company's history.
_ITS_ROUNDS = re.compile(
    rf"^(?P<owner>(?:the|this|that)\s+(?:[\w-]+\s+){{0,3}}?(?:{ROLE_NOUNS})['’]s\s+|(?:its|their)\s+)?"
    r"(?P<history>(?:earlier|early|previous|prior|past|first|initial)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:rounds?|funding|financing|raises|backers|investors|debt facilities|facilities)"
    r"\s+(?:include[sd]?|included|comprised?|were|was)(?:\s+(?:an?|the))?$",
    re.IGNORECASE,
)


# After an owner's possessive: what the company is, then its name ("Elon Musk's AI startup xAI"), or only
# what it is ("Jim Keller's company").
_DESCRIBED_NAME = re.compile(
    rf"(?-i:(?:[A-Z]{{2,5}}\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?:{ROLE_NOUNS})\s+)({NAME})"
    # ... as the subject, its predicate next ('Tom Reyes's firm Brimwell Advisors advised Quenby' is not)
    r"(?=\s*$|\s+(?:just|has|have|had|also|is|was|recently|now|raised|secured|closed|landed|pulled"
    r"|completed|announced|bagged|got|received)\b)"
)
_ROLE_NOUN_FIRST = re.compile(
    # the role noun, then its verb ('company signed', 'startup has raised') or nothing ("Africa's fintech
    # revolution ..." is no company of Africa's)
    rf"(?:{ROLE_NOUNS})(?:\s+(?:also\s+|has\s+|have\s+|had\s+|just\s+)?[a-z]+(?:ed|s)\b|\s*$)"
)


def _its_rounds(subject: str) -> bool:
    """Whether a subject is the history of the rounds of the company named before (`_ITS_ROUNDS`)."""
    found = _ITS_ROUNDS.match(subject.strip())
    return bool(found and (found["owner"] or found["history"]))


# The company's own story as the subject, told in words of its own: "Sakana AI's journey began with".
_STORY = re.compile(
    r"^(?:funding\s+|fundraising\s+)?(?:journey|story|history|path|trajectory|rise|growth)\s+"
    r"(?:began|begins|started|starts|kicked off|took off)\s+(?:with|in|when)\b"
)
_COLON_BEFORE_NAME = re.compile(r"\s:(?=[A-Z])")
_HEADLINE_SEPARATOR = re.compile(r"\s+[|–]\s+")
# A fund as the subject, raising for itself: 'Backed by X and Y, the fund aims to raise ...'.
_A_FUND = re.compile(r"\b(?i:the|its|this|a|new)\s+(?:[\w-]+\s+){0,2}(?i:fund|vehicle)$")
# 'Seattle VC fund Capria raises $100M': a fund named after what it is.
_NAMED_FUND = re.compile(
    rf"\b(?i:vc|venture|venture capital|investment|growth|seed|crypto vc|private equity)\s+"
    rf"(?i:fund|firm|giant|house|manager)\s+{NAME}$"
)
# 'Elon Musk's xAI startup': a name with a role noun after it, written in lower case.
_TRAILING_ROLE_NOUN = re.compile(rf"(?<=\S)\s+(?:{ROLE_NOUNS})$")

_PRONOUN_START = re.compile(r"(?:it|they)\b", re.IGNORECASE)
_SAID_THAT = re.compile(
    r"\b(?:said|says|noted|notes|added|adds|explained|explains|reported|reports|wrote|writes|estimated"
    r"|estimates|believes|believed)\s+(?:[\w,]+\s+){0,3}?that\s+",
    re.IGNORECASE,
)


# ... or the name right after the speaker's verb, alone before the verb of raising ('Marta Velez said Quorrel
# raised $5 million': Quorrel's).
_SAID_BEFORE_NAME = re.compile(r"\b(?:said|says)\s+(?=[A-Z0-9])")
_DAY_AFTER_SAID = re.compile(rf"^(?:{WEEKDAY}|today)\s+")


# The same in French, Spanish and Portuguese, right before the verb of raising: the subject is left out
# ('Quenby dijo el martes que cerró una ronda') or a pronoun ('Ostrel a annoncé qu'elle avait levé').
_SAID_QUE = re.compile(
    r"\s(?:disse|afirmou|anunciou|informou|comunicou|dijo|anunció|afirmó|informó|comunicó|a annoncé|annonce"
    r"|a indiqué|a déclaré)\s+(?:[\w,-]+\s+){0,3}?qu(?:e\b\s*|['’])(?:(?:elle|il|ela|ele|ella|él)\b\s*)?$",
    re.IGNORECASE,
)
# A release's announcing words between its subject and the 'it' that raised: 'is pleased to announce that',
# 'today announced that'.
_ANNOUNCES = re.compile(
    r"\s*,?\s*(?:(?:is|are)\s+(?:very\s+)?(?:pleased|delighted|excited|proud|happy|thrilled)\s+to\s+"
    r"(?:announce|report|confirm|share)|(?:today\s+)?(?:announced|announces|confirmed|confirms)"
    r"(?:\s+today)?)(?:\s+that)?\s*",
    re.IGNORECASE,
)


# 'Beijing Glory Space Technology Co., Ltd. raised', 'Acme, Inc. announced': the comma before a corporate
# form is part of the name, not the start of an appositive.
_COMMA_BEFORE_FORM = re.compile(r",\s+(?=(?:Ltd|Inc|LLC|S\.L|S\.A|S\.p\.A|GmbH|Pte|Pty|PLC|Limited)\b)")


# A pointer back to the company, then its verb: the names that follow are others it deals with.
_REFERENCE_THEN_VERB = re.compile(
    r"^(?:the|this)\s+(?:company|startup|start-up|firm)\s+(?:is|was|has been)\s+(?:in talks|in discussions"
    r"|looking|seeking|planning|preparing|hoping|aiming|set|expected)\b",
    re.IGNORECASE,
)
# ... unless another subject follows: 'which raised', 'said Vexa raised', 'that Vexa has raised'.
_ANOTHER_SUBJECT = re.compile(r",?\s+(?:which|who|that)\b|\b(?:said|says|reported)\b", re.IGNORECASE)
# An office held by the person named right after it: 'chief executive Nik Storonsky', 'its CEO, Ada Lind,'.
_OFFICE_BEFORE = re.compile(
    r"(?:\b(?:chief executive(?: officer)?|chief (?:technology|financial|operating) officer|co-?founder"
    r"|founder|chair(?:man|woman|person)?|president|managing director|general partner)|\b(?:CEO|CTO|CFO|COO))"
    r",?\s*$"
    # the second of the people an office is written before: 'Zepto founders Aadit Palicha and Kaivalya Vohra'
    r"|\b(?:co-?founders|founders|executives)\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){1,3}(?:and|&)\s+$",
    re.IGNORECASE,
)
_LOWER_PLC = re.compile(r"(?<=\w) plc\b")
# Portuguese news puts an article before a company's name ('A Quenby levantou', 'O Nubank captou'). It is
# dropped only before a Portuguese verb of raising: in English 'A Record', 'A Week' open headlines.
_PORTUGUESE_ARTICLE = re.compile(rf"^(?-i:A|O|As|Os)\s+(?=[{CAPITAL}0-9])")
# (the singular verbs only: a plural subject is often two companies, 'A Quenby e a Ostrel captaram')
_PORTUGUESE_RAISES = frozenset({"levantou", "levanta", "capta", "captou"})


def strip_lead_in(text: str) -> str:
    """Text without what precedes the subject: a press-release dateline, bullets, fillers."""
    previous = None
    while previous != text:
        previous = text
        text = _WIRE_DATELINE.sub("", _DATELINE.sub("", _DATE_HEADING.sub("", text)))
        text = _CITY_DAY_DATELINE.sub("", text)
        text = _DATE_OPENING.sub("", _BULLET.sub("", text))
        text = _FILLER.sub("", text).lstrip()
        text = _SCENE.sub("", _INVERTED.sub("", text))
        text = _SHARES_OF.sub("", text)
    return text


# A listing's shares as the subject: 'Shares of Quenby Robotics rose 10% in their debut after the company
# raised ...' is about Quenby Robotics.
_SHARES_OF = re.compile(r"^(?:the\s+)?(?:shares|stock)\s+(?:of|in)\s+(?=\S)", re.IGNORECASE)


class Reference(str):
    """A subject that names no company but points back to the one named before ('The company')."""


REFERENCE = Reference("reference")


# The words these patterns strip end the subject and are short: each is looked for in this many
# characters at its end only, not at every space of a subject that may run to hundreds of characters.
_TAIL_CHARS = 80
_TRAILING = (_TRAILING_WORDS, _REPORTED, _IN_TALKS, _TRAILING_DAY)


# The last word each of those patterns can end on: a subject that ends on none of them is not searched
# (the searches were a quarter of extraction's time, nearly every one finding nothing).
_ENDS_TRAILING_WORDS = frozenset(
    {"has", "have", "had", "is", "was", "are", "were", "been", "just", "officially", "quietly", "reportedly"}
    | {"also", "today", "now", "itself", "finally", "recently", "separately", "previously", "already"}
    | {"earlier", "once", "last", "first", "too", "to", "plans", "plan", "planning", "discussed"}
    | {"discussing", "considering", "seeking", "looking", "aiming", "hoping", "preparing", "aims", "aim"}
    | {"seeks", "hopes", "intends", "wants", "expected", "poised", "set", "about", "up", "likely"}
    | {"à", "de", "va", "pourrait", "devrait", "compte"}
)
_ENDS_REPORTED = frozenset({"it", "they", "has", "had", "have", "is", "was"})
_ENDS_IN_TALKS = frozenset({"talks", "for", "over", "than", "about", "around", "to", "least", "nearly"})


def _may_end(pattern: re.Pattern[str], last: str) -> bool:
    """Whether `pattern` (one of _TRAILING) can match a text whose last word, in lower case, is `last`."""
    if pattern is _TRAILING_WORDS:
        return last in _ENDS_TRAILING_WORDS or last.endswith("ly")
    if pattern is _REPORTED:
        return last in _ENDS_REPORTED
    if pattern is _IN_TALKS:
        return last in _ENDS_IN_TALKS
    return last.endswith("day") or last.isdigit() or last in ("week", "month", "morning")  # _TRAILING_DAY


def _last_word(text: str) -> str:
    """The text's last word, in lower case, after any white space (a no-break or thin space separates
    words too); empty for a text of white space alone."""
    words = text.rsplit(None, 1)
    return words[-1].lower() if words else ""


def _without_trailing_words(text: str) -> str:
    """The subject without the words between the company and its verb ('has', 'said it had', 'is in talks
    for', 'on Tuesday'), removed until none is left."""
    previous = None
    while previous != text:
        previous = text
        last = _last_word(text)
        for pattern in _TRAILING:
            if not _may_end(pattern, last):
                continue
            found = pattern.search(text, max(0, len(text) - _TAIL_CHARS))
            if found:
                text = text[: found.start()].strip()
                last = _last_word(text)
    return text


def is_a_fund(subject: str) -> bool:
    """Whether a clause's subject is a fund raising money for itself ('Backed by X and Y, the fund aims to'):
    money for investors to invest, no company's round, whatever names the subject holds."""
    lowered = subject.lower()
    if not any(word in lowered for word in ("fund", "firm", "giant", "house", "manager")):
        return False
    text = _without_trailing_words(subject.strip().rstrip(",;: "))
    return bool(_A_FUND.search(text) or _NAMED_FUND.search(text))


# A name in quotation marks: the marks are not part of it (a closing ’ followed by a letter is an
# apostrophe, as in 'Acme’s').
_OPENING_QUOTE = re.compile(rf"^\s*[“\"‘]\s*(?=[{CAPITAL}0-9])")
_QUOTED_NAME = re.compile(rf"[‘“\"]([{CAPITAL}0-9][^‘’“”\"]{{0,60}}?)[’”\"](?!\w)")


# 'Acme, Brovik and Kelvar were among the startups which raised over $100 million': the figure is the
# group's bar, no deal of any of them.
_AMONG = re.compile(
    r"\b(?:was|were|is|are) (?:also |reportedly )?(?:among|one of) (?:the|those|several|a handful of)\b"
)
# 'Huada Semiconductor were among the investors in a $1.8bn round for GTA': backers, never the company.
_AMONG_BACKERS = re.compile(r"\bamong\s+(?:the\s+)?(?:\w+\s+)?(?:investors|backers|participants)\b")


def _joint_subject(text: str) -> bool:
    """Whether a subject ends with two or more companies ('Orvane and Brimo', 'the quarter saw Orvane,
    Brimo and Kelvar'): together they name no one recipient. The amount is their total or a bar they all
    cleared ('raise over $100 million in a single round'), no deal of either; 'respectively' and 'each'
    give each its own before a subject is read."""
    head, joined, last = text.rpartition(" and ")
    if not joined or end_name(last) != last.strip() or not valid_company(last.strip()):
        return False
    return bool(valid_company(end_name(head.rstrip(", "))))


# Marks written between a name and its verb that are no part of either: a country's flag emoji ('Acme 🇧🇷
# raised'), another pictograph, a ticker in square brackets ('Acme [NASDAQ: ACME] raised').
_MARKS = re.compile(rf"\s*(?:{FLAG}|[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?|\[[^\[\]]{{1,40}}\])")


def without_marks(text: str) -> str:
    """Text without the flags, pictographs and bracketed tickers (`_MARKS`) set between its words."""
    return _MARKS.sub("", text) if not text.isascii() or "[" in text else text


_PLACE_AFTER = re.compile(
    # ('Quenby in the US', as countries are written)
    r"\s+in\s+(?:the\s+)?((?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,2})"
    r"(?:,\s+([A-Z][\w.'’ -]{1,30}))?$"
    # 'Quenby Biotechnologies of Vienna, Austria': a city and its country after 'of' (one place alone after
    # 'of' is often the name's own: 'Bank of America')
    r"|\s+of\s+((?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,2}),\s+([A-Z][\w.'’ -]{1,30})$"
)


# The last word of an institution whose name takes its place after 'of' ('Community Bank of Austin, Texas').
_OF_A_PLACE = re.compile(
    r"\b(?:Bank|Union|University|College|Institute|School|Government|Department|City|County|State|Republic"
    r"|Museum|Society|Church|Hospital|Bureau|Board|Council|Commission|Academy|Foundation|Port|Diocese)$"
)
# One capitalised word with no capital or digit after its first letter ('Made', 'Breakfast', not 'NorthStar').
_PLAIN_WORD = re.compile(r"[A-Z][a-z'’-]*")


def _without_place_after(text: str) -> str:
    """`text` without a place named after it ('Anduril Industries in Costa Mesa', 'Quenby in Lagos,
    Nigeria', 'Quenby of Vienna, Austria'): where a company is, not the company. Words after 'in' that no
    gazetteer lists stay ('Acme in Motion')."""
    bare = _without_trailing_words(text)  # ('Anduril Industries in Costa Mesa has')
    found = _PLACE_AFTER.search(bare)
    if not found or not found.start():
        return text
    gazetteer = default_gazetteer()
    places = [p for p in found.groups() if p]
    before = bare[: found.start()]
    if gazetteer.is_group_word(_last_word(before)):
        return text  # 'Fintechs in London raised': a place's companies, no one company
    in_the = bare[found.start() :].lstrip().startswith("in the ")
    if _PLAIN_WORD.fullmatch(before.strip()):
        return text  # 'Made in Berlin', 'Home in the UK': one plain word is a name with its place
    if in_the and not valid_company(before.strip()):
        return text  # 'in the US' after words that are no name: nothing to cut it from
    if found.group(3) and _OF_A_PLACE.search(before):
        return text  # 'Community Bank of Austin, Texas': an institution is named by its place
    if all(gazetteer.not_a_company(p) in ("place", "town") for p in places):
        return before
    return text


_BRACKETED = re.compile(r"\s*\([^()]*\)")
# A sale before 'and raised': the money is what the sale brought in ('sold its chip business to Intel and
# raised $150 million').
_SOLD = re.compile(r"\b(?:sold|sells|divested|divests|offloaded|offloads|exited|spun off)\b", re.IGNORECASE)
# A headline's investor, its verb, then the company it backs, before the amount ('Sequoia Leads Quenby
# $5M Seed Round', 'Nvidia Backs Quenby In $50M Series B', "Tern Joins Quenby's $50M Round").
_HEADLINE_BACKER = re.compile(
    r"^[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s+"
    r"(?:(?:Leads|Co-[Ll]eads|Backs|Funds|Invests\s+[Ii]n)\s+"
    # the company's words, none of them a headline's small word ('Leads Pack Of Investors In', 'Leads
    # Again As Quenby Raises')
    r"(?P<company>(?!(?:The|Again|Pack|Off|Way)\b)[A-Z][\w.&'’-]*"
    r"(?:\s+(?!(?:In|With|Of|As|After|For|On|To|And|The|Again)\b)[A-Z][\w.&'’-]*){0,3}?)(?:['’]s)?"
    r"(?:\s+(?:In|With|In\s+Its|In\s+Their))?"
    # joining only someone's round ('Pellmore Joins Unicorn Club With $120 Mn' joins no company), betting
    # on a company only with the money ('Accel Bets On Fernlo With $12M Seed Round', not 'Tesla Doubles Down
    # On Robotaxis, Raises $5B')
    r"|Joins\s+(?P<joined>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}?)['’]s?"
    r"|(?:Bets\s+[Oo]n|Doubles\s+[Dd]own\s+[Oo]n)\s+(?P<bet>[A-Z][\w.&'’-]*(?:\s+(?!With\b)[A-Z][\w.&'’-]*){0,3}?)"
    r"\s+With"
    # an investor leaving the company's round: the round is still the company's ('Kelso Withdraws From
    # Quenby $40M Funding Talks', "Kelso Pulls Out Of Quenby's Round")
    r"|(?:Withdraws\s+[Ff]rom|Pulls\s+[Oo]ut\s+[Oo]f|Walks\s+[Aa]way\s+[Ff]rom|Drops\s+[Oo]ut\s+[Oo]f)\s+"
    r"(?P<left>(?!(?:The|Nasdaq|NYSE)\b)[A-Z][\w.&'’-]*"
    r"(?:\s+(?!(?:In|With|Of|As|After|For|On|To|And|The|Listing|IPO)\b)[A-Z][\w.&'’-]*){0,3}?)(?:['’]s)?)\s*$"
)


def headline_backed(text: str, raised_after: bool = False) -> str | None:
    """The company a headline's investor backs before the amount ('Sequoia Leads Quenby' -> 'Quenby',
    "Tern Joins Quenby's" -> 'Quenby'), else None. `raised_after`: a verb of raising follows the text, so
    an investor leaving something is not left with its round ('Tessaly Pulls Out Of Dunmore Merger,
    Raises $60M' is Tessaly's raise)."""
    found = _HEADLINE_BACKER.search(text)
    if found is None or (found["left"] and raised_after):
        return None
    return found["company"] or found["joined"] or found["bet"] or found["left"]


# What a company is, set off before its name ('The battery giant, Quenby, ...', 'Another big winner,
# Quenby, ...'): lower-case words only, so 'The Bot Company, ...' stays a name.
_LEADING_DESCRIPTION = re.compile(
    r"^(?:The|Another|A|An|One)\s+(?:[a-z][\w'’-]*\s+){0,8}?[a-z][\w'’-]*,\s+(?=[A-Z0-9])"
)
# The name such a description leaves, set off by its comma before the verb ('Quenby, made a splash').
_NAME_SET_OFF = re.compile(rf"^({NAME}),\s+(?=(?:also\s+)?[a-z])")
# ... and set off after it ('Quenby, a maker of cells, ...', 'Quenby, known for its cells, ...').
_SET_OFF_DESCRIPTION = re.compile(r",\s+(?:an?|the|known|which|who|based|founded)\s[^,]*,")
# A raise told as what the subject did beside its main verb ('Quenby debuted on Nasdaq, raising $9.65
# million'; 'Quenby topped the charts, bagging $8 million'). Not 'netting' or 'landing': 'sold its unit,
# netting $50 million' and 'landing $9 million in sales' are no raises.
_PARTICIPLE_RAISES = frozenset({"raising", "securing", "bagging"})
# What a company is, right before its name ('Battery startup', 'China-based'): the slot of a name.
_DESCRIPTION_BEFORE = re.compile(rf"(?:\b(?i:{ROLE_NOUNS})|[\w.]-based)\s+$")
# Words that open no name anywhere else, but do open some names ('Our Next Energy', 'We Doctor').
_PRONOUNS_OPENING_NAMES = frozenset({"our", "we", "my", "your"})


# A company named for a day: a subject that is only what the company is, in a few words with no article or
# possessive, then the day ('Household robotics maker Sunday', 'Calendar startup Monday'). With one
# anywhere before it, the day is when ('The Paris-based startup Tuesday raised', 'Its AI rival Tuesday
# raised'), as it is after the nouns any company is called by ('Israeli company Monday said').
_DAY_NAMED_AFTER_ROLE = re.compile(
    r"(?!.*\b(?i:the|a|an|its|their|this|that|his|her|our)\s)(?:[\w.'’-]+\s+){1,4}?"
    rf"(?!(?i:company|firm|business|group|corporation|team|venture)\s)(?i:{ROLE_NOUNS})\s+({WEEKDAY})"
)


def described_company(name: str | None, before: str) -> str | None:
    """`name` as a company, given the words `before` it: right after what the company is ('cryptography
    startup Zama'), a name the gazetteer knows only as a small town is the company's."""
    named = valid_company(name)
    if named or not name or " " in name or not _DESCRIPTION_BEFORE.search(before):
        return named
    return name if default_gazetteer().not_a_company(name) == "town" else None


def _pronoun_opened_name(text: str, name: str | None) -> str | None:
    """`name`, the name that ends `text`, when it opens on a pronoun and follows what the company is
    ('Battery startup Our Next Energy Inc.', 'China-based We Doctor'); None elsewhere ('We Raise $5M' is a
    headline's we, and 'Our Series A' no company)."""
    words = name.split() if name else []
    if len(words) < 2 or words[0].lower() not in _PRONOUNS_OPENING_NAMES:
        return None
    if not _DESCRIPTION_BEFORE.search(text, 0, len(text) - len(name)):
        return None
    rest = valid_company(" ".join(words[1:]))
    return f"{words[0]} {rest}" if rest and not find_round(rest) else None


# The subject of a sum many raised together: '..., which collectively (raised)', '..., who between them'.
_COLLECTIVE_RELATIVE = re.compile(
    r",\s+(?:which|who)\s+(?:collectively|together|jointly|combined|between them|in total|in aggregate)\b",
    re.IGNORECASE,
)


def company_in_subject(subject: str, verb: str = "") -> str | None:
    """The company a clause's subject names, `REFERENCE` when it points back to one, else None. `verb`:
    the verb of raising that follows the subject, when the caller knows it."""
    if verb and verb.lower() in _PORTUGUESE_RAISES:
        subject = _PORTUGUESE_ARTICLE.sub("", subject.lstrip())  # 'A Quenby levantou': the name
    if "‘" in subject or "“" in subject or '"' in subject:
        subject = _QUOTED_NAME.sub(r"\1", subject)  # 'Energy startup ‘Sun King’ secured'
        # a quotation that opens on the company it quotes ('“Quorrel, the leader in ..., is thrilled to
        # announce ...'): the name after the mark
        subject = _OPENING_QUOTE.sub("", subject)
    subject = without_marks(subject)
    if ", w" in subject and _COLLECTIVE_RELATIVE.search(subject):
        # '... a strong year for companies in Minnesota, which collectively raised': many raised, together
        return None
    if " :" in subject:
        subject = _COLON_BEFORE_NAME.sub(": ", subject)  # 'date 2025-01-15 :Aligned Data Centers, which'
    if "among" in subject and _AMONG_BACKERS.search(subject):
        return None
    if ", " in subject:
        subject = _COMMA_BEFORE_FORM.sub(" ", subject)
    if " plc" in subject:
        subject = _LOWER_PLC.sub(" PLC", subject)  # 'Palomere plc', as UK releases write the form
    as_name = _AS_NAME.search(subject)
    if as_name:
        return valid_company(as_name.group(1))
    text = strip_lead_in(subject.strip()).strip().rstrip(",;:—–- ").strip()
    backed = headline_backed(text, raised_after=bool(verb)) if " " in text else None
    if backed and valid_company(backed):
        # 'Sequoia Leads Quenby $5M Seed Round', "Tern Joins Quenby's $50M Round": Quenby's round
        return valid_company(backed)
    if " in " in text or " of " in text:
        text = _without_place_after(text)  # 'Anduril Industries in Costa Mesa has closed'
    ended = subject.rstrip()
    if (verb.lower() in _PARTICIPLE_RAISES and ended.endswith((",", " by"))) or (
        verb and ended.endswith(" and") and not _SOLD.search(text)  # 'sold its chip unit and raised'
    ):
        # 'Quenby Ltd. debuted on Nasdaq, raising $9.65 million': who debuted raised, not the exchange;
        # after a lead-in of its own ('During one of the slowest IPO years, cancer company Quenby ...');
        # 'Quenby opened an office in Paris and raised $5 million': the subject of both verbs
        unbracketed = _BRACKETED.sub("", text) if "(" in text else text  # a ticker: 'Nocera (OTC:NCRA)'
        # 'The battery giant, Quenby, known for its cells, made a splash with its listing, raising ...': the
        # name once what it is and what it is known for are set aside
        plain = _SET_OFF_DESCRIPTION.sub("", _LEADING_DESCRIPTION.sub("", unbracketed))
        plain = _NAME_SET_OFF.sub(r"\1 ", plain) if plain != unbracketed else plain
        for clause in (unbracketed, unbracketed.rpartition(", ")[2], plain):
            opening = _NAME_BEFORE_PAST_TENSE.search(clause)
            start = opening.start(1) if opening else 0
            described = opening and (not start or _DESCRIPTOR_ONLY.match(clause, 0, start))
            if described and (named := valid_company(without_descriptors(opening.group(1)))):
                return named
    if (
        text[:5].lower() in ("the c", "the s", "the f", "this ")
        and _REFERENCE_THEN_VERB.match(text)
        and not _ANOTHER_SUBJECT.search(text)
    ):
        # 'The company is in talks with French lenders, including Bpifrance, to raise': whoever it
        # talks with, the subject is the company named before
        return REFERENCE
    if text[:4].lower() == "the " and _PLACE_BASED_REFERENCE.match(_without_trailing_words(text)):
        return REFERENCE
    called = _CALLED.search(text) if "called" in text or "named" in text or "dubbed" in text else None
    if called and valid_company(called.group(1)):
        return valid_company(called.group(1))  # 'That gig, a startup called Intezer, has just raised'
    officer = _OFFICER_SAYS.match(text) or _OFFICER_SAYS_OWN_ROUND.match(text)
    if officer and valid_company(officer.group(1)):
        return valid_company(officer.group(1))
    announcing = _ANNOUNCES.search(text) if ("announc" in text or "pleased" in text) else None
    if announcing and (announcing.end() == len(text) or _PRONOUN_START.match(text, announcing.end())):
        # 'The Company is pleased to announce that it has closed': who announces is who closed
        text = text[: announcing.start()].rstrip(" ,")
    said = _SAID_QUE.search(text) if "qu" in text else None
    if said and said.start() and valid_company(end_name(text[: said.start()].rstrip(" ,"))):
        # 'Quenby dijo el martes que cerró', 'Ostrel a annoncé qu'elle avait levé': the speaker raised
        text = text[: said.start()].rstrip(" ,")
    reported = _SAID_THAT.search(text)
    if reported and not _PRONOUN_START.match(text, reported.end()):
        # 'Tamgac noted that Turkish studios': the subject is what follows 'that' ('Orvane said on Tuesday
        # that it has' keeps its subject: 'it' is the one who said it).
        text = text[reported.end() :]
    said = _SAID_BEFORE_NAME.search(text) if " said " in text or " says " in text else None
    named_after = _DAY_AFTER_SAID.sub("", text[said.end() :].strip()) if said else ""
    if named_after and end_name(named_after) == named_after and (named := valid_company(named_after)):
        return named  # '"Marta Velez, the chief executive, said Quorrel raised': the company she names
    headline = _HEADLINE_SEPARATOR.split(text)
    if len(headline) > 1 and not text.rstrip().endswith(("—", "–")):
        # 'Weekly Briefs – Pixxel Raises $36 Million': a headline's part before its separator is a column
        # or an outlet; the company is in the part that states the deal
        named = company_in_subject(headline[-1])
        if named:
            return named
    # 'Acme — a Berlin startup —' (or ' - ') sets the description off too
    text = re.sub(r"\s+[—–-]\s+", ", ", text)
    if " by " in text:
        text = re.sub(r",\s*,", ",", _MADE_BY.sub("", text))
    owned = _OWNERS_EFFORT.search(text) if ("'s " in text or "’s " in text) else None
    if owned and valid_company(owned.group(1)):
        return valid_company(owned.group(1))  # "Axelera AI's recent achievement of raising"
    relative = _RELATIVE_WITHOUT_COMMA.match(text)
    if relative and valid_company(without_descriptors(relative.group(1))):
        return valid_company(without_descriptors(relative.group(1)))
    listed = _LISTED_AFTER_ITS_OFFERING.match(text) if " after " in text or " following " in text else None
    if listed and valid_company(listed.group(1)):
        return valid_company(listed.group(1))
    based = _PLACE_BASED_NAME.match(text)
    if based and valid_company(based.group(1)):
        return valid_company(based.group(1))
    round_of = _ROUND_OF.match(text)
    if round_of:
        return valid_company(round_of.group(1))
    found = (", with " in text and _WITH_NAME.search(text)) or search_from_name(_RELATIVE_AFTER_NAME, text)
    named = without_descriptors(found.group(1)) if found else None
    if named and PERSON_BEFORE.search(text, 0, found.start(1)):
        # 'El inversor Juan Pérez, que recaudó 3 millones para Quenby': a person, no company; 'Ostrel told
        # Reuters it had raised': whom the company told (the company is read below)
        named = None
    if named and valid_company(named):
        return valid_company(named)
    holders = _HOLDERS_OF.match(text)
    if holders:
        return valid_company(holders.group(1))
    within = _POINTS_BACK_WITHIN.search(text, max(0, len(text) - _TAIL_CHARS))
    if within:
        opening = _OPENING_NAME.search(text, 0, within.start())
        named = valid_company(without_descriptors(opening.group(1))) if opening else None
        if named:
            return named
    appositive = (
        _APPOSITIVE.match(text)
        or _BARE_APPOSITIVE.match(text)
        or _BARE_APPOSITIVE.match(_PREDICATE_AFTER_DESCRIPTION.sub(",", text).rstrip(","))
    )
    if appositive:
        return valid_company(without_descriptors(appositive.group(1)))
    # (a few words at most: a long subject is never looked through for an article)
    day_named = _DAY_NAMED_AFTER_ROLE.fullmatch(text) if "day" in text and len(text) < 100 else None
    if day_named:
        return day_named.group(1)  # 'Household robotics maker Sunday closed a $165 million round'
    # 'Sakana, which means fish in Japanese, has': the words before the verb go first, then the appositive
    text = _TRAILING_APPOSITIVE.sub("", _without_trailing_words(text)).strip().rstrip(",")
    text = _BRACKETED.sub("", text)  # a ticker or an alias: 'Acme Inc. (NASDAQ: ACME)'
    text = _WITH_ITS.sub("", _without_trailing_words(text).rstrip(", "))
    # ('The Exploration Company', 'The Bot Company': 'The', capitalised words and 'Company' name a company)
    refers_back = _REFERENCE.match(text) and not THE_COMPANY.fullmatch(text)
    if refers_back or _BEHIND.match(text) or _DEAL_REFERENCE.match(text) or _its_rounds(subject):
        return REFERENCE
    # ("Quenby's Series A", and a name ending in s: "Hoshizora Foods' initial public offering")
    possessive = re.match(r"^(\S.*?)(?:['’]s|(?<=s)['’])\s+(.+)$", text)
    if possessive and re.fullmatch(NAME, possessive.group(1)):
        owner, rest = possessive.groups()
        described = _DESCRIBED_NAME.match(rest)
        if described and valid_company(described.group(1)):
            # "Elon Musk's AI startup xAI just pulled off ... fundraising": the company the owner's
            # description names, not the owner
            return valid_company(described.group(1))
        if _ROLE_NOUN_FIRST.match(rest):
            return None  # "Jim Keller's company signed a Series D": someone's company, not named here
        if find_round(rest) or _DEAL_NOUN.search(rest) or _STORY.match(rest):
            # 'Orrin's Series A', 'Lumenfield's latest round', "Sakana's journey began with"
            return valid_company(owner)
        # 'Lisbon's Corvalho Systems': the possessive says where the company is ('Singapore's startups'
        # names none).
        text = rest
    if _joint_subject(text) or _AMONG.search(text):
        return None
    last = end_name(text)
    named = (
        valid_company(last)
        or valid_company(end_name(_TRAILING_ROLE_NOUN.sub("", text)))
        or _pronoun_opened_name(text, last)
        or (last and described_company(last, text[: len(text) - len(last)]))
        or None
    )
    if named and _OFFICE_BEFORE.search(text, 0, max(0, text.rfind(named))):
        return None  # "the company's founder and chief executive Nik Storonsky": a person, not the company
    if named:
        return named
    # A subject that goes on past the name ('Rapido recently turned unicorn after'): the name before the
    # predicate, without the descriptors before it ('Mobility startup').
    own_round = _OWN_ROUND.match(text) if (" its" in text or " their" in text) else None
    if own_round and (named := valid_company(own_round.group(1))):
        return named
    predicates = [_NAME_BEFORE_PREDICATE]
    if _SUBORDINATE_END.search(text):
        predicates.append(_NAME_BEFORE_PAST_TENSE)
    elif _PURPOSE_END.search(subject.rstrip()):  # (the subject as given: `text` lost its 'to' above)
        # only the name the subject opens on ('fintech startups on Carta combined to raise' names none)
        opening = _NAME_BEFORE_PAST_TENSE.search(text)
        described = opening and (not opening.start(1) or _DESCRIPTOR_ONLY.match(text, 0, opening.start(1)))
        if opening and described and valid_company(opening.group(1)):
            return valid_company(opening.group(1))
    for predicate in predicates:
        for found in predicate.finditer(text):
            name = without_descriptors(found.group(1))
            if name and valid_company(name):
                # 'Zepto founders Aadit Palicha and Kaivalya Vohra are raising': people, not a company
                return None if _OFFICE_BEFORE.search(text, 0, found.start(1)) else valid_company(name)
    return None
