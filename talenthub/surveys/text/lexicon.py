"""A small Korean sentiment lexicon for course-feedback comments, keyed by Kiwi lemma forms.

Predicates are listed by stem as Kiwi gives them (좋, 어렵), nouns and roots as themselves (만족,
불편). Weights are +1/-1, doubled for strong words. Kept short on purpose: it is read by people who
decide whether a comment was put in the right group (docs/surveys.md)."""

from __future__ import annotations

POSITIVE: dict[str, int] = {
    # predicates (VA/VV stems)
    "좋": 1,
    "유익": 1,
    "재미있": 1,
    "즐겁": 1,
    "쉽": 1,
    "알차": 1,
    "훌륭": 2,
    "괜찮": 1,
    "편하": 1,
    "고맙": 1,
    "뛰어나": 1,
    "쾌적": 1,
    # nouns and roots (NNG/XR, often followed by 하다)
    "만족": 1,
    "친절": 1,
    "도움": 1,
    "유용": 1,
    "감사": 1,
    "최고": 2,
    "추천": 1,
    "꼼꼼": 1,
    "상세": 1,
    "명확": 1,
    "열정": 1,
    "편리": 1,
    "성장": 1,
    "향상": 1,
    "체계": 1,
    "전문성": 1,
    "자신감": 1,
}

NEGATIVE: dict[str, int] = {
    "어렵": -1,
    "아쉽": -1,
    "나쁘": -1,
    "힘들": -1,
    "지루": -1,
    "좁": -1,
    "춥": -1,
    "덥": -1,
    "시끄럽": -1,
    "복잡": -1,
    "부족": -1,
    "불편": -1,
    "불만": -1,
    "불만족": -2,
    "불친절": -2,
    "최악": -2,
    "문제": -1,
    "느리": -1,
    "빠듯": -1,
    "촉박": -1,
    "미흡": -1,
    "실망": -2,
}

LEXICON: dict[str, int] = {**POSITIVE, **NEGATIVE}

# Adverbs that negate the predicate after them: "안 좋았다", "못 했다".
NEGATING_ADVERBS = frozenset({"안", "못"})
# Auxiliaries that negate the predicate before them after -지: "좋지 않았다", "이해하지 못했다".
NEGATING_AUXILIARIES = frozenset({"않", "못"})
# "없다" after a noun negates it: "도움이 없었다" (-), "문제가 없었다" (+).
NEGATING_ADJECTIVE = "없"
