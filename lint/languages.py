"""Language tags as editors write them in `lang:` and the config, read the one way every check uses."""

from __future__ import annotations

from functools import cache

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


def tag_problem(tag: str) -> str:
    """Why ``tag`` (as written in the config) names no language, or "" when it names one.

    'en-XX' names no region, 'xx' no language: both are mistakes, reported rather than read as English.
    The languages and regions are those of the IANA subtag registry (through langcodes, which wordfreq uses).
    """
    import langcodes

    written = tag
    tag = language_tag(tag)
    try:
        parsed = langcodes.Language.get(tag, normalize=False)
    except langcodes.tag_parser.LanguageTagError:
        return f"{written!r} is not a language code (such as en, en-GB, fr, pt-BR)"
    if parsed.language and parsed.language not in _registered("language"):
        return f"{written!r}: {parsed.language!r} is no language code (such as en, fr, de, sw)"
    if parsed.territory and parsed.territory.upper() not in _registered("region"):
        hint = "; the United Kingdom is GB: en-GB" if parsed.territory.upper() == "UK" else ""
        return f"{written!r}: {parsed.territory!r} is no country or region code (such as en-GB, en-US, fr-CA){hint}"
    if parsed.script and parsed.script.title() not in _registered("script"):
        return f"{written!r}: {parsed.script!r} is no script code (such as zh-Hant, sr-Latn)"
    if not parsed.is_valid():
        return f"{written!r} is not a valid language code (such as en, en-GB, fr, pt-BR)"
    return ""


@cache
def _registered(kind: str) -> frozenset[str]:
    """The subtags of ``kind`` (language, region, script) the registry lists, less those for private use."""
    from langcodes import registry_parser

    return frozenset(
        item["Subtag"] if kind != "language" else item["Subtag"].lower()
        for item in registry_parser.parse_registry()  # type: ignore[no-untyped-call]
        if item.get("Type") == kind and "Subtag" in item and "Private use" not in item.get("Description", [])
    )
