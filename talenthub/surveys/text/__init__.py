"""Korean free-text analysis of survey comments: nouns and noun phrases, and lexicon polarity.

`analyse_comments` is the one entry point; it loads Kiwi (about 300 MB, 1-1.6 s) once per process,
on first use. It runs in Celery tasks and the demo generator, never in a web request: pages read the
stored terms and polarities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from talenthub.surveys.text.kiwi import Token, tokenise_many
from talenthub.surveys.text.sentiment import polarity_of
from talenthub.surveys.text.terms import extract_terms


@dataclass(frozen=True)
class CommentAnalysis:
    terms: dict[str, int]
    polarity: str
    score: int


def analyse_tokens(tokens: Sequence[Token]) -> CommentAnalysis:
    polarity, score = polarity_of(tokens)
    return CommentAnalysis(terms=extract_terms(tokens), polarity=polarity, score=score)


def analyse_comments(texts: Sequence[str]) -> list[CommentAnalysis]:
    return [analyse_tokens(tokens) for tokens in tokenise_many(texts)]


__all__ = ["CommentAnalysis", "Token", "analyse_comments", "analyse_tokens"]
