"""The CLI's own human text, in every language we ship: one catalogue per language, loaded on demand.

Each language is a module of plain data, `analyzer/i18n/<lang>.py` holding `TEXT: dict[str, str]` (key ->
text with {placeholders}); the English one is the reference. A language's module is imported the first
time a text is asked for in it, so an English run never imports the French catalogue.

A Python mapping rather than gettext .po/.mo files: no compile step, nothing parsed at start-up,
and a test checks that every key exists in every language. Rule texts live in the rule files.
"""

from __future__ import annotations

import functools
import os
from typing import Callable

LANGS = ("en", "fr")


@functools.cache
def texts(lang: str) -> dict[str, str]:
    """One language's catalogue (key -> text), imported on first use; English for a language we do not ship."""
    # __import__, not importlib.import_module: the import statement's own path, which python -X importtime
    # reports (the start-up figures in the README count the catalogue)
    return __import__(f"{__name__}.{lang if lang in LANGS else 'en'}", fromlist=["TEXT"]).TEXT


def known(key: str) -> bool:
    """Whether the catalogue has `key` (the English catalogue has every key)."""
    return key in texts("en")


def __getattr__(name: str) -> object:
    """CATALOGUE: every key -> {lang: text}, every language at once, for the tests and tools that compare
    languages. Built on request (it imports every language); the CLI itself asks `texts(lang)`."""
    if name == "CATALOGUE":
        every = {lang: texts(lang) for lang in LANGS}
        keys = dict.fromkeys(key for catalogue in every.values() for key in catalogue)
        return {key: {lang: every[lang][key] for lang in LANGS if key in every[lang]} for key in keys}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def t(key: str, lang: str = "en", /, **values: object) -> str:
    text = texts(lang).get(key) or texts("en")[key]
    return text.format(**values) if values else text


class Msg(str):
    """A message built once, shown in any language: its str value is the English text (so code,
    logs and tests that compare English keep working), and `tr(msg, lang)` renders it again in
    `lang`. Values may themselves be Msg (translated too) or language-dependent parts (`Msg.lazy`).

        m = Msg("lint.empty.msg", var="REDIS_URL")   # "REDIS_URL is empty"
        tr(m, "fr")                                  # "REDIS_URL est vide"
    """

    key: str | None
    _render: Callable[[str], str]

    def __new__(cls, key: str, /, **values: object) -> "Msg":
        def render(lang: str) -> str:
            return t(key, lang, **{k: tr(v, lang) for k, v in values.items()})

        return cls._make(key, render)

    @classmethod
    def lazy(cls, render: Callable[[str], str]) -> "Msg":
        """A text composed per language (lists joined, optional parts): render(lang) -> str."""
        return cls._make(None, render)

    @classmethod
    def _make(cls, key: str | None, render: Callable[[str], str]) -> "Msg":
        self = super().__new__(cls, render("en"))
        self.key = key
        self._render = render
        return self

    def tr(self, lang: str) -> str:
        return self._render(lang)

    # immutable: a copy is the message itself (str's own copy would rebuild it from its English text as a key)
    def __copy__(self) -> "Msg":
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> "Msg":
        return self


_SAID: dict[str, Msg] = {}  # English text -> the Msg of an error raised with it (see `error`)


def error(key: str, /, **values: object) -> Msg:
    """The message of an exception, remembered so that its English text, once passed on as
    `str(exc)` (as every `fail(str(exc))` does), can still be shown in the user's language."""
    msg = Msg(key, **values)
    if len(_SAID) > 256:
        _SAID.clear()
    _SAID[str(msg)] = msg
    return msg


def said(text: object, lang: str = "en") -> str:
    """`text` in `lang`: a Msg, or the English text of an `error(...)`; anything else unchanged."""
    if not isinstance(text, Msg) and isinstance(text, str):
        text = _SAID.get(text, text)
    return str(tr(text, lang))


def tr(text: object, lang: str = "en") -> object:
    """A Msg in `lang`; anything else unchanged (plain strings, numbers, None)."""
    return text.tr(lang) if isinstance(text, Msg) else text


def join(parts: "list[object]", sep: str = ", ", sep_key: str | None = None) -> Msg:
    """Parts (Msg or plain text) joined per language; sep_key names a catalogue separator (" and ")."""

    def render(lang: str) -> str:
        return (t(sep_key, lang) if sep_key else sep).join(str(tr(p, lang)) for p in parts)

    return Msg.lazy(render)


def _code(value: str) -> str:
    """'fr_FR.UTF-8', 'fr-CA', 'FR' -> 'fr'."""
    return value.split(".")[0].replace("-", "_").split("_")[0].lower()


def detect_lang(option: str | None, env: dict[str, str] | None = None) -> str:
    """--lang, else RLA_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: the first one set
    decides, as POSIX does), else English."""
    if option:
        if _code(option) in LANGS:
            return _code(option)
        raise ValueError(error("lang.unknown", value=option, langs=", ".join(LANGS)))
    env = dict(os.environ) if env is None else env
    for var in ("RLA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            code = _code(value)
            return code if code in LANGS else "en"
    return "en"
