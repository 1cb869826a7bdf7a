"""Which language a saved text is written in, roughly: enough to say where the misses are.

The real-world corpus holds news in English, French, Spanish, German, Portuguese and in scripts other than
Latin (Devanagari, Han, Hangul...). A deal missed because its text is in a language the extractor does not
read is a different gap from one missed in English, and the blind holdout can only be told apart by counts:
this guess is what those counts are grouped by. It is a vote of common function words (for Latin script) and
the script of most letters (for any other), not a language model: good enough for grouping, not for routing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split(" "))


# Words that are common in one language's running text and rare in the others' (none are names).
FUNCTION_WORDS = {
    "english": _words("the and of to in that with for has from which its was said"),
    "french": _words("le la les des du une est avec pour dans qui sur par au aux"),
    "spanish": _words("el los las del una con para por que en es su ha sus"),
    "german": _words("der die das und mit für ist von den dem ein eine auf hat"),
    "portuguese": _words("os das dos uma com para por que em é seu sua foi não"),
}
_WORD = re.compile(r"[^\W\d_]+")
NON_LATIN_SHARE = 0.3
"""A text whose letters are this share or more outside Latin script is named by that script."""


def _script(letter: str) -> str:
    name = unicodedata.name(letter, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def text_language(text: str) -> str:
    """'english', 'french', 'spanish', 'german', 'portuguese', 'other latin', or the script most of the
    letters are in, lower case ('devanagari', 'cjk', 'hangul', 'cyrillic'...)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "other latin"
    scripts = Counter(_script(c) for c in letters if ord(c) > 0x24F)  # past Latin Extended-B
    if scripts and sum(scripts.values()) >= NON_LATIN_SHARE * len(letters):
        return scripts.most_common(1)[0][0].lower()
    words = Counter(word.lower() for word in _WORD.findall(text))
    votes = {language: sum(words[w] for w in vocabulary) for language, vocabulary in FUNCTION_WORDS.items()}
    language, best = max(votes.items(), key=lambda item: item[1])
    return language if best else "other latin"
