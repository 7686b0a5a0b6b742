"""People an article names with a title, as suggestions for a draft's participants.

A person is a run of capitalised words (with particles such as `de`, `da`, `van`, `al-`) anchored by a
title: one before it (`President Kassym-Jomart Tokayev`, `Minister for Defence Khawaja Muhammad
Asif`, `o presidente Luiz Inácio Lula da Silva`), one set off by a comma before it (`le ministre des
Affaires étrangères, Jean-Yves Le Drian`) or after it (`Berik Assylov, Prosecutor General`), or an
honorific (`M.`, `Mr`, `Dr`, `Monseñor`), which is dropped. A capitalised run with no such anchor
(a place, an organisation, a sentence's first words) is no suggestion, which is what keeps false
people out. Mentions of one person (`President Kassym-Jomart Tokayev`, `President Tokayev`) are
merged under the fullest name the article gives.
"""

from __future__ import annotations

import re

from briefing_tui.draft.lexicon import (
    ARTICLES,
    DAYS,
    DOMAIN_WORDS,
    HONORIFICS,
    MONTHS,
    ORGANISATION_WORDS,
    PARTICLES,
    TITLE_GLUE,
    TITLE_MODIFIERS,
    country_of,
    fold,
    is_title,
)
from briefing_tui.draft.mentions import Mention, Person, Token
from briefing_tui.draft.merging import merge
from briefing_tui.draft.roles import split_role
from briefing_tui.draft.sentences import Sentence, sentences

#: A quote longer than this is narrowed to the clause, or the words, that name the person.
MAX_QUOTE = 200

# Words, initials (`J.`, `H.E.`) and elided articles (`d’`, `l'`) as separate tokens.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|(?i:\b(?:l|d|qu|j|n|s|c|m|t)['’](?=[ \u00a0]?[^\W\d_]))"
    r"|[^\W\d_](?:[\w'’‐-]*[^\W_])?\.?"
)
# Between two words of one name: spaces, or the quotes around a nickname (`José 'Pepe' Mujica`).
_NAME_GAP = re.compile(r"[ \u00a0]+|[ \u00a0]*['‘’“”\"«»][ \u00a0]*")
# Between two words of one title: spaces, or a dash between two of its parts.
_TITLE_GAP = re.compile(r"[ \u00a0]+|[ \u00a0]+[–—-][ \u00a0]+")
_APPOSITION_GAP = re.compile(r",[ \u00a0]*")
_POSSESSIVE = re.compile(r"['’]s$")
# "on the Kazakh side", "from the Pakistan side".
_SIDE = re.compile(r"\b(?:on|from) the ([^\W\d_][\w-]*) side\b", re.IGNORECASE)


def find_people(text: str) -> list[Person]:
    """The people `text` names with a title, in order of first mention, each once."""
    mentions: list[Mention] = []
    plain_names: list[tuple[list[str], str]] = []
    for sentence in sentences(text):
        found, plain = _sentence_mentions(sentence)
        mentions += found
        plain_names += plain
    return merge(mentions, plain_names)


# -- one sentence -------------------------------------------------------------------------------


def _tokens(sentence: Sentence) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(sentence.text):
        word, start = match.group(), sentence.start + match.start()
        if word.endswith(".") and not _keeps_dot(word):
            word = word[:-1]
        word = _POSSESSIVE.sub("", word) if len(word) > 3 else word
        tokens.append(Token(word, start, start + len(word)))
    return tokens


def _keeps_dot(word: str) -> bool:
    return fold(word) in HONORIFICS or re.fullmatch(r"(?:[^\W\d_]\.)+", word) is not None


def _kind(token: Token) -> str:
    """`honorific`, `head` (a title), `titleish` (may stand in a title), `glue`, `name` or `other`."""
    key = token.key
    if key in HONORIFICS and (token.capital or key.endswith(".")):
        return "honorific"
    if is_title(token.text) or key in {"pm", "fm", "dpm", "mna", "mp", "mep", "ceo", "pdg"}:
        return "head"
    if key in TITLE_MODIFIERS or key in DOMAIN_WORDS or _organisation_word(key) or country_of(token.text):
        return "titleish"
    if key in TITLE_GLUE or key in ARTICLES or key in PARTICLES or key in {"al", "a", "au", "aux"}:
        return "glue"
    if token.capital and not token.acronym:
        return "name"
    return "other"


def _organisation_word(key: str) -> bool:
    key = key.partition("-")[0]  # "Secretaria-Geral"
    return key in ORGANISATION_WORDS or (key.endswith("s") and key[:-1] in ORGANISATION_WORDS)


def _gap(text: str, left: Token, right: Token, sentence: Sentence) -> str:
    gap = text[left.end - sentence.start : right.start - sentence.start]
    # After an elided article ("l’étranger", "d’ État") the words are joined as if by a space.
    return " " if left.text.endswith(("'", "’")) and gap in ("", " ") else gap


def _sentence_mentions(sentence: Sentence) -> tuple[list[Mention], list[tuple[list[str], str]]]:
    tokens = _tokens(sentence)
    kinds = [_kind(t) for t in tokens]
    side_match = _SIDE.search(sentence.text)
    sentence_side = country_of(side_match.group(1)) if side_match else None
    mentions: list[Mention] = []
    plain: list[tuple[list[str], str]] = []
    last_head_role: str | None = None
    for first, last in _runs(tokens, kinds, sentence):
        honorific = False
        start = first
        while start <= last and kinds[start] == "honorific":
            honorific, start = True, start + 1
        heads = [i for i in range(start, last + 1) if kinds[i] == "head"]
        role_span: tuple[int, int] | None = None
        complement = False
        if heads:
            name_from = heads[-1] + 1
            role_span = (_title_start(tokens, kinds, sentence, start, heads[-1]), heads[-1])
        else:
            name_from = start
            role_span = _title_before(tokens, kinds, sentence, start)
            complement = role_span is not None
        name_to = last
        if complement:
            name_from = _strip_complement(tokens, kinds, name_from, name_to)
            if role_span is not None and name_from > start:
                role_span = (role_span[0], name_from - 1)
        elif heads and any(_organisation_word(tokens[i].key) for i in range(name_from, name_to + 1)):
            continue  # "President Secretariat Media Wing": an office, not a person
        while name_from <= name_to and (kinds[name_from] == "titleish" or tokens[name_from].key in PARTICLES):
            name_from += 1  # "Ministre Chargé de la Coopération": the title goes on
        name = tokens[name_from : name_to + 1]
        if not _is_name(name, kinds[name_from : name_to + 1]):
            continue
        if complement and (len(name) < 2 or _followed_by_name(tokens, kinds, sentence, name_to)):
            continue  # "presidente da Petrobras, José Eduardo Dutra": the title's complement
        role = _role_text(sentence, tokens, role_span) if role_span else None
        quote_from = tokens[role_span[0]].start if role_span else tokens[first].start
        quote_to = name[-1].end
        appositive = None
        if (
            role is None
            and name_from > 0
            and _APPOSITION_GAP.fullmatch(
                _gap(sentence.text, tokens[first - 1], tokens[first], sentence) if first > 0 else ""
            )
        ):
            appositive = _title_before(tokens, kinds, sentence, first - 1, inclusive=True)
            if appositive:
                role = _role_text(sentence, tokens, appositive)
                last_head_role = _head_part(role)
                quote_from = tokens[appositive[0]].start
            elif last_head_role and _continues_list(tokens, kinds, first - 1):
                role = last_head_role + " " + _list_complement(sentence, tokens, first - 1)
                quote_from = tokens[first - 2].start
        after = _title_after(tokens, kinds, sentence, name_to) if len(name) > 1 or role else None
        if after:
            role = f"{role}, {after[0]}" if role else after[0]
            quote_to = after[1]
        text = _slice(sentence, name[0].start, name[-1].end)
        if role is None and not honorific:
            plain.append(([t.text for t in name], text))
            continue
        role, side, organization = split_role(role)
        quote = _quote(sentence, min(quote_from, name[0].start), quote_to)
        mentions.append(Mention(name, text, role, side or sentence_side, organization, quote, name[0].start))
    return mentions, plain


def _runs(tokens: list[Token], kinds: list[str], sentence: Sentence) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (particles inside), as (first, last) token indexes."""
    runs = []
    i = 0
    while i < len(tokens):
        if not tokens[i].capital:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and _NAME_GAP.fullmatch(
            _gap(sentence.text, tokens[j], tokens[j + 1], sentence)
        ):
            nxt = j + 1
            if tokens[nxt].capital:
                j = nxt
                continue
            # A particle joins only when a capitalised word follows: "Henri de Raincourt".
            k = nxt
            while k < len(tokens) and tokens[k].key in PARTICLES and not tokens[k].capital:
                k += 1
            if (
                k > nxt
                and k < len(tokens)
                and tokens[k].capital
                and all(
                    _NAME_GAP.fullmatch(_gap(sentence.text, tokens[m], tokens[m + 1], sentence))
                    for m in range(j, k)
                )
            ):
                j = k
                continue
            break
        runs.append((i, j))
        i = j + 1
    return runs


def _followed_by_name(tokens: list[Token], kinds: list[str], sentence: Sentence, last: int) -> bool:
    """Whether a comma and an untitled name follow: then the words before were the title's
    complement ("presidente da Petrobras, José Eduardo Dutra"), not a person. A title after the
    comma starts the next item of a list instead ("… Office Maxim Oreshkin, Deputy Chief …")."""
    start = last + 1
    if start >= len(tokens):
        return False
    if not _APPOSITION_GAP.fullmatch(_gap(sentence.text, tokens[last], tokens[start], sentence)):
        return False
    end = start
    while end < len(tokens) and tokens[end].capital:
        end += 1
    return end - start >= 2 and all(kinds[i] == "name" for i in range(start, end))


def _is_name(name: list[Token], kinds: list[str]) -> bool:
    if not name or len(name) > 6:
        return False
    words = [t for t, k in zip(name, kinds, strict=True) if not (t.key in PARTICLES and not t.capital)]
    for token in words:
        key = token.key
        if key in MONTHS or key in DAYS or token.acronym or key in HONORIFICS:
            return False
        if (
            is_title(token.text)
            or country_of(token.text)
            or _organisation_word(key)
            or key in TITLE_MODIFIERS
        ):
            return False
    if len(words) == 1:
        # A surname alone ("President Tokayev") counts only if it is one word of letters.
        return words[0].key not in DOMAIN_WORDS and words[0].key not in TITLE_MODIFIERS
    return sum(1 for t in words if t.capital) >= 2 and not all(t.key in DOMAIN_WORDS for t in words)


def _strip_complement(tokens: list[Token], kinds: list[str], first: int, last: int) -> int:
    """Where the name starts in a run that follows a title and a preposition: after the
    organisation or portfolio the title names ("CEO of the Russian Direct Investment Fund Kirill
    Dmitriev", "Minister for Climate Change Musadiq Malik", "President of Russia Vladimir Putin")."""
    start = first
    for i in range(first, last + 1):
        if _organisation_word(tokens[i].key):
            start = i + 1
    stripped = start > first
    while start <= last and (kinds[start] in ("titleish", "head")):
        start, stripped = start + 1, True
    rest = tokens[start : last + 1]
    if not stripped and len(rest) >= 4 and not any(t.key in PARTICLES for t in rest):
        start = last - 1  # "…Organisations of Compatriots Abroad Alexander Babakov"
    return start


def _title_start(tokens: list[Token], kinds: list[str], sentence: Sentence, first: int, head: int) -> int:
    """The first word of the title whose head is `head`, extended left over modifiers and over the
    rest of a title joined by glue ("Deputy Prime Minister and Foreign Minister")."""
    span = _title_before(tokens, kinds, sentence, head, inclusive=True)
    return span[0] if span else head


def _title_before(
    tokens: list[Token], kinds: list[str], sentence: Sentence, at: int, *, inclusive: bool = False
) -> tuple[int, int] | None:
    """The title that ends just before token `at` (or at it, if `inclusive`), as a token span.

    Walks left over title words, glue and capitalised words joined by spaces or dashes, stops at
    any other word or punctuation, and starts the title at its first head's leading modifiers.
    """
    end = at if inclusive else at - 1
    if end < 0:
        return None
    if not inclusive and not _TITLE_GAP.fullmatch(_gap(sentence.text, tokens[end], tokens[at], sentence)):
        return None
    i = end
    while i >= 0:
        kind = kinds[i]
        lower_ok = kind in ("head", "titleish", "glue")
        if not (lower_ok or tokens[i].capital or kind == "honorific"):
            break
        if i > 0 and not _TITLE_GAP.fullmatch(_gap(sentence.text, tokens[i - 1], tokens[i], sentence)):
            i -= 1
            break
        i -= 1
    else:
        i = -1
    begin = i + 1
    while begin <= end and kinds[begin] not in ("head",):
        begin += 1
    if begin > end:
        return None
    while begin > 0 and kinds[begin - 1] == "titleish" and begin - 1 > i:
        begin -= 1
    while end > begin and kinds[end] == "glue":
        end -= 1
    if not _title_shape(tokens, kinds, begin, end):
        return None
    return begin, end


def _title_shape(tokens: list[Token], kinds: list[str], begin: int, end: int) -> bool:
    """Whether a span reads as a title: a capitalised word that is no title word stands only in a
    complement after glue ("Minister for Interaction with Organisations"), never right after a
    head, where it starts a name ("President Kassym-Jomart Tokayev at …")."""
    after_glue = False
    for i in range(begin, end + 1):
        kind = kinds[i]
        if kind == "head":
            after_glue = False
        elif kind == "glue":
            after_glue = True
        elif kind in ("name", "other") and not after_glue:
            return False
    return True


def _title_after(
    tokens: list[Token], kinds: list[str], sentence: Sentence, last: int
) -> tuple[str, int] | None:
    """A title set off by a comma after the name ("Berik Assylov, Prosecutor General;"), up to the
    next punctuation or the next person ("… et Mme Anne-Marie Courdec")."""
    if last + 1 >= len(tokens):
        return None
    if not _APPOSITION_GAP.fullmatch(_gap(sentence.text, tokens[last], tokens[last + 1], sentence)):
        return None
    i = last + 1
    while i < len(tokens) and tokens[i].key in ARTICLES and not is_title(tokens[i].text):
        i += 1
    with_article = i > last + 1
    window = kinds[i : i + 4]
    if "head" not in window or any(k in ("name", "other", "glue") for k in window[: window.index("head")]):
        return None
    first = i
    end = first
    in_complement = False
    j = first
    while j < len(tokens):
        kind = kinds[j]
        if j > first:
            gap = _gap(sentence.text, tokens[j - 1], tokens[j], sentence)
            if re.search(r"[,;.:()\[\]!?\n]", gap):
                break
            if tokens[j - 1].key in {"and", "et", "e", "y"} and (
                kind == "honorific" or (kind == "name" and j + 1 < len(tokens) and kinds[j + 1] == "name")
            ):
                end = j - 2
                break
        if kind == "glue" and j > first:
            in_complement = True
        elif kind == "head":
            in_complement = False
        elif kind in ("name", "other") and not in_complement:
            if kinds[j - 1] == "head" and kind == "name":
                k = j
                while k < len(tokens) and tokens[k].capital:
                    k += 1
                if not any(_organisation_word(t.key) for t in tokens[j:k]):
                    return None  # ", President Zardari conferred …": another person's title and name
                in_complement = True  # "CEO Samruk-Kazyna JSC": the organisation
                end = j
                j += 1
                continue
            if with_article:
                return None  # ", el presidente mantuvo …": a new clause, not a title
            break
        end = j
        j += 1
    while end > first and kinds[end] == "glue":
        end -= 1
    if end < first or (end - first >= 2 and kinds[end] == kinds[end - 1] == "name"):
        return None  # ", Chairman of the Trade Council Lars Berg": the next person's title and name
    return _slice(sentence, tokens[first].start, tokens[end].end), tokens[end].end


def _continues_list(tokens: list[Token], kinds: list[str], at: int) -> bool:
    """Whether the words before a comma are `[y] de Uruguay`: the next item of a list of people
    sharing a title ("los ex presidentes de España, …; de Uruguay, José Mujica")."""
    i = at
    if i < 0 or not country_of(tokens[i].text):
        return False
    return i >= 1 and kinds[i - 1] == "glue"


def _list_complement(sentence: Sentence, tokens: list[Token], at: int) -> str:
    start = at - 1
    return _slice(sentence, tokens[start].start, tokens[at].end)


def _head_part(role: str) -> str:
    """A role without its closing "of <country>": "ex presidentes de España" → "ex presidentes"."""
    words = role.split()
    if len(words) >= 3 and country_of(words[-1]) and fold(words[-2]) in TITLE_GLUE | PARTICLES:
        return " ".join(words[:-2])
    return role


def _role_text(sentence: Sentence, tokens: list[Token], span: tuple[int, int]) -> str:
    first, last = span
    while first < last and tokens[first].key in ARTICLES:
        first += 1
    return _slice(sentence, tokens[first].start, tokens[last].end)


def _slice(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start : end - sentence.start]


def _quote(sentence: Sentence, start: int, end: int) -> str:
    """The sentence that names the person, narrowed to its clause, or to the title and name, when
    it is long."""
    if len(sentence.text) <= MAX_QUOTE:
        return sentence.text
    text = sentence.text
    lo, hi = start - sentence.start, end - sentence.start
    left = max(text.rfind(";", 0, lo), -1) + 1
    right = text.find(";", hi)
    right = len(text) if right < 0 else right
    clause = text[left:right].strip()
    if len(clause) <= MAX_QUOTE:
        return clause
    return text[lo:hi]
