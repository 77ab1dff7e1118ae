"""The lines main_text hands on to the sentence cleaning: the sentences cleaned from them
are those cleaned from the main text alone, as a stored article's main text gives them.

The carried lines stand in for ``text_lines(text)``: on every kind of page here they are
those lines, or none are carried, and the sentences, the language and the briefing come
out the same either way.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summaries import Article
from summaries.clean import clean_text, main_text, main_text_and_lines
from summaries.clean._lines import text_lines
from summaries.errors import InputError
from summaries.summarize import article_text, article_texts, summary_text

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"

PROSE = (
    "The harbour bridge will close for repairs on Monday, the city council said on "
    "Friday. Engineers found cracks in two of its steel supports during an inspection."
)
PAGES = {
    "furniture": "\n".join(
        [
            "Share this article",
            "Advertisement",
            "By Maria Lopez, Transport Correspondent",
            "Updated: 14 March 2024 08:15 GMT",
            PROSE,
            "Follow us on Twitter: @harbourtv",
            "Home | News | Sport | Weather",
            "About · Recipes · Contact",
            "Drivers will have to take the ring road, which adds about twenty minutes to "
            "the trip into the centre at rush hour.",
            "© 2024 Harbour Times. All rights reserved.",
            "Photo: Reuters",
            "Subscribe to our newsletter for the latest news.",
        ]
    ),
    "notices_and_notes": "\n\n".join(
        [
            PROSE,
            "Editor's note: Jane Doe is a professor of engineering at Harbour University.",
            "The works are expected to take six weeks and to cost about 4 million euros, "
            "paid for by the regional government.",
            "Associated Press writer John Smith in Paris contributed to this report.",
            "#bridge #harbour #traffic",
        ]
    ),
    "repeats": "\n".join(
        [
            "Latest news",
            PROSE,
            "Latest news",
            "The conference, scheduled to end The conference, scheduled to end on Friday, "
            "was extended by a day because the delegates could not agree on a text.",
            PROSE,
            "The mayor said the closure was regrettable but necessary for everyone's safety.",
        ]
    ),
    "lead_in_and_dateline": "\n\n".join(
        [
            "Harbour bridge to close March 14, 2024 The bridge will close for six weeks "
            "while engineers repair its cracked steel supports, officials said.",
            "LONDON (Reuters) - Ferries will run every ten minutes instead of every half "
            "hour while the bridge is shut, the operator said.",
        ]
    ),
    "wrapped": (
        "The harbour bridge will close for repairs on Monday, the city council\n"
        "said on Friday. Engineers found cracks in two of its steel supports\n"
        "during an inspection last month, and the repairs cannot wait until\n"
        "the summer, when traffic is lighter, the council's engineer said.\n"
        "\n"
        "Drivers will have to take the ring road, which adds about twenty\n"
        "minutes to the trip into the centre at rush hour, the council said."
    ),
    "tables_and_lists": "\n".join(
        [
            PROSE,
            "| Line | Before | During |",
            "|---|---|---|",
            "| Ferry A | 30 min | 10 min |",
            "| The ferries will run every ten minutes instead of every half hour while the "
            "bridge is shut, the operator said in a statement on Friday morning. |",
            "| Night buses |",
            "- Ring road: open",
            "- Tunnel: open",
            "- Old bridge: closed",
            "The council will publish a map of the diversions on its website next week.",
        ]
    ),
    "speakers_and_comments": "\n".join(
        [
            PROSE,
            "Anna Berg, head of the drivers' union:",
            "\u201cWe were told nothing about this until yesterday evening.\u201d",
            "The council said it had informed the union a month ago by letter.",
            "You must be logged in to post a comment.",
            "Great article, thanks!",
        ]
    ),
    "german": "\n".join(
        [
            "Die Hafenbr\u00fccke wird ab Montag f\u00fcr Reparaturen gesperrt, teilte "
            "die Stadt am Freitag mit.",
            "Foto: dpa",
            "Ingenieure haben bei einer Inspektion Risse in zwei St\u00fctzen gefunden.",
            "Die Arbeiten sollen sechs Wochen dauern.",
            "Kategorie: Politik",
            "Schlagworte: Hafen",
        ]
    ),
    "french_guillemets": "\n".join(
        [
            "\u00ab Le pont ferme \u00bb",
            "Le pont du port sera ferm\u00e9 lundi pour des r\u00e9parations, a "
            "annonc\u00e9 vendredi la mairie.",
            "Publi\u00e9 le 3 mars 2026 \u00e0 10h15, mis \u00e0 jour le 4 mars 2026 \u00e0 08h00",
            "Des ing\u00e9nieurs ont trouv\u00e9 des fissures dans deux piliers "
            "d'acier lors d'une inspection.",
        ]
    ),
    "chinese_end_mark": (
        "\u65b0\u534e\u793e\u5317\u4eac3\u670814\u65e5\u7535 "
        "\u5317\u4eac\u5e02\u653f\u5e9c\u8868\u793a\uff0c\u65b0\u7684\u5730\u94c1"
        "\u7ebf\u8def\u5c06\u4e8e\u660e\u5e74\u5e74\u5e95\u524d\u5f00\u901a\u8fd0"
        "\u8425\u3002\uff08\u5b8c\uff09"
    ),
    "korean": (
        "(\uc11c\uc6b8=\uc5f0\ud569\ub274\uc2a4) \uae40\ubbfc\uc218 \uae30\uc790 = "
        "\uc815\ubd80\ub294 \ub0b4\ub144\ubd80\ud130 \uc0c8\ub85c\uc6b4 \uad50\ud1b5 "
        "\uc815\ucc45\uc744 \uc2dc\ud589\ud55c\ub2e4\uace0 \ubc1d\ud614\ub2e4.\n(\ub05d)"
    ),
    "persian_joiners_tabs_and_spaces": (
        "\u0633\u0647\u200c\u0634\u0646\u0628\u0647\tthe harbour bridge\u00a0will close "
        "for repairs,  the city council said on Friday   in a statement.\n"
        "Engineers found cracks in two of its\u2003steel supports during an inspection."
    ),
    "drop_cap": "\n".join(
        [
            "T",
            "he harbour bridge will close for repairs on Monday, the city council said.",
            "The works are expected to take six weeks, the council's engineer said.",
        ]
    ),
    "interview_editing_note": "\n\n".join(
        [
            PROSE,
            "Q: Why close the bridge now? A: The cracks cannot wait until the summer.",
            "This interview has been edited for length and clarity.",
        ]
    ),
    "soft_hyphens_and_invisibles": (
        "The har\u00adbour bridge will close for repairs on Monday, the city\u200b "
        "council said on Friday.\ufeff\nEngineers found cracks in two of its supports."
    ),
}
# Main texts that text_lines would read otherwise than main_text made them: a combining
# mark that a control character kept apart from its letter, a Japanese line joined to one
# opening with a combining voiced mark, a second end mark behind the first.
UNREAD = {
    "control_before_a_mark": (
        "The cafe\x01\u0301 on the harbour front reopened on Monday after a long winter "
        "closure, its owner said.\nIt had been shut since November because the roof leaked."
    ),
    "kana_mark_joined": "\n".join(
        [
            "\u6771\u4eac\u306e\u65b0\u3057\u3044\u99c5\u306f\u6765\u5e74\u306e\u6625"
            "\u306b\u958b\u696d\u3059\u308b\u4e88\u5b9a\u3067\u3042\u308a\u3001\u591a"
            "\u304f\u306e\u5229\u7528\u8005\u304c\u898b\u8fbc\u307e\u308c\u3066\u3044"
            "\u308b\u3068\u304b\u3044\u3046",
            "\u3099\u99c5\u306e\u5468\u8fba\u3067\u306f\u5546\u696d\u65bd\u8a2d\u306e"
            "\u5efa\u8a2d\u3082\u9032\u3093\u3067\u304a\u308a\u3001\u5730\u57df\u306e"
            "\u7d4c\u6e08\u306b\u3082\u5927\u304d\u306a\u52b9\u679c\u304c\u671f\u5f85"
            "\u3055\u308c\u3066\u3044",
            "\u308b\u3068\u3044\u3046\u898b\u65b9\u304c\u5c02\u9580\u5bb6\u306e\u9593"
            "\u3067\u5e83\u304c\u3063\u3066\u3044\u308b\u304c\u3001\u4ea4\u901a\u6e0b"
            "\u6ede\u3092\u5fc3\u914d\u3059\u308b\u58f0\u3082\u4e0a\u304c\u3063\u3066"
            "\u3044\u308b\u306e\u3060\u3068",
            "\u5730\u5143\u306e\u4f4f\u6c11\u306f\u8a71\u3057\u3066\u304a\u308a\u3001"
            "\u5e02\u306f\u5bfe\u7b56\u3092\u691c\u8a0e\u3057\u3066\u3044\u308b\u3068"
            "\u8aac\u660e\u3057\u305f\u3002",
        ]
    ),
    "two_end_marks": (
        "\u5317\u4eac\u5e02\u653f\u5e9c\u8868\u793a\uff0c\u65b0\u7684\u5730\u94c1"
        "\u7ebf\u8def\u5c06\u4e8e\u660e\u5e74\u5e74\u5e95\u524d\u5f00\u901a\u8fd0\u8425"
        "\uff0c\u5c4a\u65f6\u5c06\u5927\u5927\u7f13\u89e3\u5e02\u6c11\u7684\u51fa\u884c"
        "\u538b\u529b\u3002\uff08\u5b8c\uff09\uff08\u5b8c\uff09\n\u53e6\u4e00\u6761"
        "\u7ebf\u8def\u7684\u5efa\u8bbe\u5de5\u4f5c\u4e5f\u5728\u6309\u8ba1\u5212"
        "\u63a8\u8fdb\u4e4b\u4e2d\u3002"
    ),
}
LANGUAGES = ("english", "german", "french", "chinese", "japanese", "korean", "italian")
TITLES = (None, "Harbour bridge to close", "Latest news")


def _eval_texts(count: int) -> list[str]:
    texts = []
    for name in ("cnndm_dev", "bbc_dev"):
        path = EVAL / f"{name}.jsonl"
        if path.is_file():
            rows = path.read_text(encoding="utf-8").splitlines()[:count]
            texts += [json.loads(row)["text"] for row in rows]
    return texts


ALL = {**PAGES, **UNREAD, **{f"eval-{n}": t for n, t in enumerate(_eval_texts(40))}}


@pytest.mark.parametrize("name", sorted(ALL))
def test_the_carried_lines_are_the_lines_text_lines_reads(name: str) -> None:
    main = main_text_and_lines(ALL[name])
    assert main.text == main_text(ALL[name])
    assert main.lines is None or main.lines == text_lines(main.text)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_made_of_lines_carries_them(name: str) -> None:
    assert main_text_and_lines(PAGES[name]).lines is not None  # (else nothing is tried)


@pytest.mark.parametrize("name", sorted(UNREAD))
def test_a_main_text_that_text_lines_reads_otherwise_carries_no_lines(name: str) -> None:
    main = main_text_and_lines(UNREAD[name])
    assert text_lines(main.text) != main.text.split("\n")  # the lines made would differ
    assert main.lines is None


@pytest.mark.parametrize("name", sorted(ALL))
def test_the_sentences_are_those_of_the_main_text_alone(name: str) -> None:
    main = main_text_and_lines(ALL[name])
    for language in LANGUAGES:
        for title in TITLES:
            alone = clean_text(main.text, title, language)
            assert clean_text(main.text, title, language, main.lines) == alone
            assert summary_text(main.text, title or "", language, main.lines) == summary_text(
                main.text, title or "", language
            )


@pytest.mark.parametrize("name", sorted(ALL))
def test_an_article_gives_what_its_stored_main_text_gives(name: str) -> None:
    for title in ("", "Harbour bridge to close"):
        article = Article(title, ALL[name])
        try:
            text, sentences, language = article_texts(article)
        except InputError:  # no main text, or no sentences in it
            continue
        assert text == article_text(article)
        assert sentences == summary_text(text, title, language)


# What text_lines reads as a line break besides "\n" (str.splitlines splits at these, and
# a page's text may hold any of them; str.split("\n") does not).
BREAKS = {
    "crlf": "\r\n",
    "cr": "\r",
    "vertical_tab": "\x0b",
    "form_feed": "\x0c",
    "next_line": "\x85",
    "line_separator": "\u2028",
    "paragraph_separator": "\u2029",
}


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("kind", sorted(BREAKS))
def test_a_page_broken_by_any_line_break_carries_the_same_lines(name: str, kind: str) -> None:
    page = PAGES[name].replace("\n", BREAKS[kind])
    main, as_newlines = main_text_and_lines(page), main_text_and_lines(PAGES[name])
    assert main == as_newlines  # the same text, its lines carried as with "\n"
    for title in ("", "Harbour bridge to close"):
        article = Article(title, page)
        text, sentences, language = article_texts(article)
        assert sentences == summary_text(text, title, language)
