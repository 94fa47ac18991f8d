"""The process-wide Kiwi analyser, created lazily on first use and then kept.

Kiwi holds ~300 MB and takes 1-1.6 s to load, so one instance per worker process; importing this
module costs nothing (kiwipiepy itself is imported inside `get_kiwi`)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any, NamedTuple


class Token(NamedTuple):
    form: str
    tag: str
    start: int
    length: int

    @property
    def end(self) -> int:
        return self.start + self.length


_kiwi: Any = None
_lock = threading.Lock()
loads = 0  # how many times this process built a Kiwi (tests assert it stays at most 1)


def get_kiwi() -> Any:
    global _kiwi, loads
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
                loads += 1
    return _kiwi


def is_loaded() -> bool:
    return _kiwi is not None


def tokenise_many(texts: Sequence[str]) -> list[list[Token]]:
    if not texts:
        return []
    kiwi = get_kiwi()
    results = kiwi.tokenize(list(texts))
    return [[Token(t.form, t.tag, t.start, t.len) for t in tokens] for tokens in results]
