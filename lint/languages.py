"""Language tags as editors write them in `lang:` and the config, read the one way every check uses."""

from __future__ import annotations

# languages pyspellchecker ships a dictionary for
SPELLCHECKER_LANGUAGES = ("en", "es", "fr", "pt", "de", "it", "ru", "ar", "eu", "lv", "nl", "fa")

# what editors write in `lang:` instead of a two-letter code: a language's name or its three-letter code
LANGUAGE_NAMES = {
    **dict.fromkeys(("english", "eng"), "en"),
    **dict.fromkeys(("spanish", "español", "espanol", "spa"), "es"),
    **dict.fromkeys(("french", "français", "francais", "fra", "fre"), "fr"),
    **dict.fromkeys(("german", "deutsch", "deu", "ger"), "de"),
    **dict.fromkeys(("portuguese", "português", "portugues", "por"), "pt"),
    **dict.fromkeys(("italian", "italiano", "ita"), "it"),
    **dict.fromkeys(("russian", "rus"), "ru"),
    **dict.fromkeys(("arabic", "ara"), "ar"),
    **dict.fromkeys(("basque", "eus", "baq"), "eu"),
    **dict.fromkeys(("latvian", "lav"), "lv"),
    **dict.fromkeys(("dutch", "nederlands", "nld", "dut"), "nl"),
    **dict.fromkeys(("persian", "farsi", "fas", "per"), "fa"),
}


def language_code(lang: str | None) -> str:
    """The language of a tag, in lower case: 'en-GB' -> 'en', 'English' -> 'en', 'eng' -> 'en', 'sw' -> 'sw'."""
    code = (lang or "en").strip().replace("_", "-").split("-")[0].lower()
    return LANGUAGE_NAMES.get(code, code)


def language_tag(tag: str) -> str:
    """A language tag as copydesk reads it: 'English' -> 'en', 'en_GB' -> 'en-GB', 'eng-US' -> 'en-US'."""
    code, _, rest = tag.strip().replace("_", "-").partition("-")
    return language_code(code) + (f"-{rest}" if rest else "")
