"""Lexicon polarity of a comment with negation, over Kiwi tokens (docs/surveys.md).

1. The comment is cut into clauses after each final or connective ending (EF, EC) and each
   sentence mark (SF), except the ending -지 that carries "-지 않다/못하다" and an ending
   followed by an auxiliary verb ("추천하고 싶지 않다").
2. Every token whose form is in the lexicon (predicate stems, nouns, roots) adds its weight.
3. The weight flips sign once for each negator that governs it: the adverb 안/못 right before it
   (or before it with one adverb between: "잘 안 되었다"), and each auxiliary 않/못 or adjective 없
   after it in the same clause ("좋지 않았다", "문제가 없었다" → positive); a noun is also
   negated by 안/못 later in its clause before a verb outside the lexicon ("도움이 안 되었다").
4. The sum decides: > 0 positive, < 0 negative, 0 neutral or mixed.
"""

from __future__ import annotations

from collections.abc import Sequence

from talenthub.surveys.choices import Polarity
from talenthub.surveys.text.kiwi import Token
from talenthub.surveys.text.lexicon import (
    LEXICON,
    NEGATING_ADJECTIVE,
    NEGATING_ADVERBS,
    NEGATING_AUXILIARIES,
)

SENTIMENT_TAGS = frozenset({"VA", "VV", "XR", "NNG", "NNP", "MAG"})
CLAUSE_END_TAGS = frozenset({"EF", "EC", "SF"})
NOUN_TAGS = frozenset({"NNG", "NNP", "XR"})


def _base(tag: str) -> str:
    return tag.split("-", 1)[0]  # Kiwi marks irregular stems as VA-I, VV-R, …


def clauses(tokens: Sequence[Token]) -> list[list[Token]]:
    result: list[list[Token]] = []
    current: list[Token] = []
    for index, token in enumerate(tokens):
        current.append(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        # An ending before an auxiliary verb does not end the clause: "추천하고 싶지 않다".
        joins_auxiliary = token.tag == "EC" and following is not None and following.tag == "VX"
        if _base(token.tag) in CLAUSE_END_TAGS and token.form != "지" and not joins_auxiliary:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def _negates_after(token: Token) -> bool:
    tag = _base(token.tag)
    return (tag == "VX" and token.form in NEGATING_AUXILIARIES) or (
        tag == "VA" and token.form == NEGATING_ADJECTIVE
    )


def _is_negating_adverb(token: Token) -> bool:
    return token.tag == "MAG" and token.form in NEGATING_ADVERBS


def clause_score(clause: Sequence[Token]) -> int:
    score = 0
    for index, token in enumerate(clause):
        if _base(token.tag) not in SENTIMENT_TAGS or token.form not in LEXICON:
            continue
        if _is_negating_adverb(token):
            continue
        later = clause[index + 1 :]
        flips = sum(1 for t in later if _negates_after(t))
        if _base(token.tag) in NOUN_TAGS:
            # "도움이 안 되었다": 안 negates the plain verb after it, and so the noun before.
            flips += sum(
                1
                for j, t in enumerate(later)
                if _is_negating_adverb(t)
                and (j + 1 >= len(later) or later[j + 1].form not in LEXICON)
            )
        before = clause[max(0, index - 2) : index]
        directly = bool(before) and _is_negating_adverb(before[-1])
        one_adverb_between = (
            len(before) == 2 and _is_negating_adverb(before[0]) and before[1].tag == "MAG"
        )
        if directly or one_adverb_between:
            flips += 1
        weight = LEXICON[token.form]
        score += -weight if flips % 2 else weight
    return score


def polarity_of(tokens: Sequence[Token]) -> tuple[str, int]:
    score = sum(clause_score(clause) for clause in clauses(tokens))
    if score > 0:
        return Polarity.POSITIVE.value, score
    if score < 0:
        return Polarity.NEGATIVE.value, score
    return Polarity.NEUTRAL.value, 0
