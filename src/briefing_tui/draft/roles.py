"""A title split into what the format keeps apart: the role, the side (a nationality or "of
<country>"), and for company titles the organisation."""

from __future__ import annotations

from briefing_tui.draft.lexicon import (
    ARTICLES,
    TITLE_GLUE,
    TITLE_MODIFIERS,
    country_of,
    fold,
    is_title,
    singular_title,
)

#: The glue before a country that makes it the title holder's side: President *of* Kazakhstan, not
#: Ambassador *to* Pakistan.
_OF = frozenset(fold(w) for w in "of de des du da do das dos del d'".split())
_CORPORATE = frozenset(
    fold(w)
    for w in "ceo chairman chairwoman chairperson chair president président présidente presidente "
    "presidenta director director-general directeur directrice directora diretor diretora founder pdg".split()
)


def split_role(role: str | None) -> tuple[str | None, str | None, str | None]:
    """A title as role, side and organisation: "Kazakh President" → President, Kazakhstan;
    "CEO of the Russian Direct Investment Fund" → CEO, organisation Russian Direct Investment Fund;
    "ministre français des Affaires étrangères" → ministre des Affaires étrangères, France."""
    if role is None:
        return None, None, None
    words = role.split()
    side = None
    heads = [i for i, w in enumerate(words) if is_title(w)]
    if heads:
        h = heads[0]
        # A nationality beside the head says the side: Kazakh President, canciller mexicano.
        for i in (h - 1, h + 1):
            if 0 <= i < len(words) and country_of(words[i]):
                side = country_of(words[i])
                del words[i]
                break
        heads = [i for i, w in enumerate(words) if is_title(w)]
        words[heads[0]] = singular_title(words[heads[0]])
    for i, word in enumerate(words):
        if side is None and i > 0 and fold(words[i - 1]) in _OF and country_of(word):
            side = country_of(word)
    organization = None
    if "," not in role and heads:
        h = heads[0]
        if fold(words[h]) in _CORPORATE:
            k = h + 1
            while k < len(words) and fold(words[k]) in TITLE_MODIFIERS:
                k += 1
            g = k
            while g < len(words) and (
                fold(words[g]) in TITLE_GLUE | ARTICLES or words[g].endswith(("’", "'"))
            ):
                g += 1
            rest = words[g:]
            if rest and rest[0][:1].isupper() and not any(country_of(w) for w in rest):
                organization = " ".join(rest)
                words = words[:k]
    return " ".join(words), side, organization
