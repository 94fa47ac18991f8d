"""Nouns and noun phrases of a comment, from Kiwi tokens (no Kiwi call here: plain data in, out).

A noun is an NNG/NNP token, or a run of Latin letters (SL: "AI", "Python"). Adjacent
nouns form a phrase ("실습 환경", "주차 공간"), written with a space where the
comment had one and without where it had none ("교육장"). Each comment yields its
single nouns (two characters or more, not in the stop list or the sentiment lexicon)
and its phrases of two to four nouns."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

from talenthub.surveys.text.kiwi import Token
from talenthub.surveys.text.lexicon import LEXICON

NOUN_TAGS = frozenset({"NNG", "NNP", "SL"})
STOP_NOUNS = frozenset(
    {
        "것",
        "수",
        "때",
        "등",
        "점",
        "분",
        "부분",
        "정도",
        "생각",
        "경우",
        "이번",
        "교육",
        "과정",
        "느낌",
    }
)
MAX_PHRASE_NOUNS = 4
MAX_TERM_LENGTH = 60


def _runs(tokens: Sequence[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        if token.tag in NOUN_TAGS:
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _join(run: Sequence[Token]) -> str:
    text = run[0].form
    for previous, token in itertools.pairwise(run):
        text += ("" if token.start == previous.end else " ") + token.form
    return text


def _is_topic(token: Token) -> bool:
    return len(token.form) >= 2 and token.form not in STOP_NOUNS and token.form not in LEXICON


def extract_terms(tokens: Sequence[Token]) -> dict[str, int]:
    """Term → occurrences in this comment."""
    counts: Counter[str] = Counter()
    for run in _runs(tokens):
        for token in run:
            if _is_topic(token):
                counts[token.form] += 1
        # A phrase ends before trailing sentiment nouns: "주차 공간 부족" gives "주차 공간".
        while run and run[-1].form in LEXICON:
            run = run[:-1]
        if 2 <= len(run) <= MAX_PHRASE_NOUNS:
            phrase = _join(run)
            if " " in phrase and len(phrase) <= MAX_TERM_LENGTH:
                counts[phrase] += 1
    return dict(counts)
