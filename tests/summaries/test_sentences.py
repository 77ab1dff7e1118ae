"""Tests for the offline sentence splitter, paragraph splitter and sumy tokenizer."""

from __future__ import annotations

import nltk
import pytest

from summaries.sentences import (
    ABBREVIATIONS,
    SENTENCE_FINAL_ABBREVIATIONS,
    SENTENCE_STARTERS,
    OfflineTokenizer,
    _split_marked,
    rules_for,
    split_paragraphs,
    split_sentences,
)


def assert_lossless(text: str, sentences: list[str]) -> None:
    """Sentences are stripped, non-empty and together give back the (space-normalised) text."""
    assert all(s and s == s.strip() for s in sentences)
    assert " ".join(sentences) == " ".join(text.split())


# --- basics -------------------------------------------------------------------------------


def test_two_plain_sentences():
    assert split_sentences("The sun rose. The birds sang.") == ["The sun rose.", "The birds sang."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t "])
def test_empty_input_gives_no_sentences(text):
    assert split_sentences(text) == []


def test_single_sentence_without_final_punctuation():
    assert split_sentences("  no full stop here  ") == ["no full stop here"]


def test_newlines_and_runs_of_spaces_become_single_spaces():
    text = "It was cold\nand wet.   Then\n\tit snowed."
    assert split_sentences(text) == ["It was cold and wet.", "Then it snowed."]


@pytest.mark.parametrize(
    "space", ["\xa0", "\u2028", "\u3000", "\u202f", "\x1c", "\x85", "\u2009", "  ", "\t"]
)
def test_any_whitespace_becomes_a_single_space(space):
    text = f"It was cold{space}and wet. Then it{space}snowed."
    assert split_sentences(f" {text} ") == ["It was cold and wet.", "Then it snowed."]
    assert split_sentences(text) == ["It was cold and wet.", "Then it snowed."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is it over? We think so.", ["Is it over?", "We think so."]),
        ("Stop! Police came.", ["Stop!", "Police came."]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ("Why? 2004 was worse.", ["Why?", "2004 was worse."]),
    ],
)
def test_question_and_exclamation_marks_end_sentences(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"Why?" he asked.',
        "The band Wham! split up.",
        "Overall. sales rose by 3%.",
        "He saw bread, milk, etc. and more.",
        "It is what it is. iPod sales are up.",
    ],
)
def test_lowercase_after_mark_does_not_start_a_sentence(text):
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    "text",
    ["The U.S.-China talks resumed.", "Dr.Smith arrived.", "He moved to St.Louis in May."],
)
def test_no_split_without_space_after_period_in_names_and_abbreviations(text):
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It ended.Next it began.", ["It ended.", "Next it began."]),
        ("Profits rose.The end.", ["Profits rose.", "The end."]),
        ("Is it over?Nobody knows.", ["Is it over?", "Nobody knows."]),
        ('He said.\"The end is near.\" Then.', ["He said.", '"The end is near."', "Then."]),
        ('She said, "It is over."The crowd left.', ['She said, "It is over."', "The crowd left."]),
        ("Die Sitzung endete.Danach sprach er.", ["Die Sitzung endete.", "Danach sprach er."]),
        # a word in a quotation opened the German way, or the Spanish way, before the mark
        ("Sie riefen „halt!Dann war es still.", ["Sie riefen „halt!", "Dann war es still."]),
        ("Er sagte »niemals!Dann ging er.", ["Er sagte »niemals!", "Dann ging er."]),
        ("Preguntó ¿cuándo?Nadie respondió.", ["Preguntó ¿cuándo?", "Nadie respondió."]),
    ],
)
def test_sentence_end_glued_to_the_next_sentence_is_split(text, expected):
    """A paragraph whose full stops lack the space after them ("end.Next") is still split."""
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wir hatten eine tolle Zeit !!!In diesem Jahr fahren wir wieder hin.",
            ["Wir hatten eine tolle Zeit !!!", "In diesem Jahr fahren wir wieder hin."],
        ),
        (
            "Ob es auch schmeckt ?Haben Sie es schon probiert?",
            ["Ob es auch schmeckt ?", "Haben Sie es schon probiert?"],
        ),
        ("Il est parti !Le maire a parlé.", ["Il est parti !", "Le maire a parlé."]),
        # French typography's space before "!" and "?", followed by one: split as before
        ("C'est fini ! Le maire a parlé.", ["C'est fini !", "Le maire a parlé."]),
        ("Vraiment ? Oui, a-t-il dit.", ["Vraiment ?", "Oui, a-t-il dit."]),
        # a "." after a space opens a word: no sentence ends there
        ("The team uses .Net for the site.", ["The team uses .Net for the site."]),
    ],
)
def test_a_mark_after_a_space_glued_to_the_next_sentence_ends_it(text, expected):
    """A "?" or "!" written after a space and glued to the next sentence ends a sentence,
    as one written after a space and before one does."""
    assert split_sentences(text, "german") == expected


# --- abbreviations --------------------------------------------------------------------------


def test_abbreviation_list_is_a_module_level_frozenset():
    assert isinstance(ABBREVIATIONS, frozenset)
    required = (
        "mr mrs dr prof st gen sen rep gov inc ltd co corp jr sr vs etc e.g i.e u.s u.k u.n "
        "a.m p.m jan feb oct nov dec sept mt ft ave"
    ).split()
    assert set(required) <= ABBREVIATIONS
    assert SENTENCE_FINAL_ABBREVIATIONS <= ABBREVIATIONS
    assert {"The", "He", "She", "It", "But", "In", "A", "This", "They", "We"} <= SENTENCE_STARTERS


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Smith met Mrs. Jones and Dr. Brown.",
        "Prof. Green and Gen. White spoke to Sen. Black.",
        "Rep. Gray and Gov. Brown arrived.",
        "St. Louis and Mt. Everest and Ft. Worth are places.",
        "She lives on Fifth Ave. Manhattan is busy.",
        "Acme Inc. Chairman Bob Stone resigned.",
        "Shares in Smith Ltd. Group fell.",
        "Big Co. Holdings and Huge Corp. Limited merged.",
        "Martin Luther King Jr. Day is a holiday.",
        "It was Arsenal vs. Chelsea on Saturday.",
        "Fruit, e.g. Apples and pears, is good.",
        "The capital, i.e. London, is big.",
        "The U.S. Senate and the U.K. Parliament and the U.N. Security Council met.",
        "It began at 9 a.m. Monday and ended at 5 p.m. Friday.",
        "He lives at No. 10 Downing Street.",
        "It happened on Jan. 5 and Feb. 6 and Sept. 7 and Oct. 8.",
        "The Nov. Report and the Dec. Update came out.",
        "In Washington, D.C. Police were out.",
    ],
)
def test_abbreviations_do_not_end_sentences(sentence):
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He moved to the U.S. The company said so.",
            ["He moved to the U.S.", "The company said so."],
        ),
        ("It works for Acme Inc. The firm grew.", ["It works for Acme Inc.", "The firm grew."]),
        ("She joined Smith Ltd. But she left.", ["She joined Smith Ltd.", "But she left."]),
        (
            "He sold bread, milk, etc. It was a shop.",
            ["He sold bread, milk, etc.", "It was a shop."],
        ),
        (
            "He managed Hank Williams Jr. He wrote songs.",
            ["He managed Hank Williams Jr.", "He wrote songs."],
        ),
        (
            "Talks at the U.N. In the end they agreed.",
            ["Talks at the U.N.", "In the end they agreed."],
        ),
        ("They met at 5 p.m. We left early.", ["They met at 5 p.m.", "We left early."]),
    ],
)
def test_sentence_final_abbreviation_before_common_starter_splits(text, expected):
    assert split_sentences(text) == expected


def test_title_abbreviation_never_ends_sentence_even_before_starter_like_word():
    assert split_sentences("It was Dr. The Great Gatsby fan.") == [
        "It was Dr. The Great Gatsby fan."
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said no. The vote failed.", ["He said no.", "The vote failed."]),
        ('"No. Definitely not."', ['"No.', 'Definitely not."']),
        ("He is No. 1 in the world.", ["He is No. 1 in the world."]),
    ],
)
def test_no_is_an_abbreviation_only_before_a_number(text, expected):
    assert split_sentences(text) == expected


def test_lowercase_word_is_not_a_capitalised_abbreviation():
    assert split_sentences("He met the sales rep. The deal was done.") == [
        "He met the sales rep.",
        "The deal was done.",
    ]
    assert split_sentences("Rep. Smith spoke. He left.") == ["Rep. Smith spoke.", "He left."]


def test_hyphenated_abbreviation_and_hyphenated_name():
    assert split_sentences("Then-Sen. Obama spoke.") == ["Then-Sen. Obama spoke."]
    assert split_sentences("Bob Goodlatte (R-Va.) and others came.") == [
        "Bob Goodlatte (R-Va.) and others came."
    ]
    assert split_sentences("The rapper is Jay-Z. Soul fans cheered.") == [
        "The rapper is Jay-Z.",
        "Soul fans cheered.",
    ]


# --- initials, numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J. K. Rowling wrote it. She is rich.", ["J. K. Rowling wrote it.", "She is rich."]),
        ("George W. Bush spoke. Then he left.", ["George W. Bush spoke.", "Then he left."]),
        ("J. A. Smith said so.", ["J. A. Smith said so."]),
        (
            "It was set in World War I. It was shown.",
            ["It was set in World War I.", "It was shown."],
        ),
    ],
)
def test_initials(text, expected):
    assert split_sentences(text) == expected


def test_decimals_and_numbers():
    text = "Growth was 3.5% in 2004. Profits hit $1.2bn. Version v2.0 is out. It cost £5.8bn."
    assert split_sentences(text) == [
        "Growth was 3.5% in 2004.",
        "Profits hit $1.2bn.",
        "Version v2.0 is out.",
        "It cost £5.8bn.",
    ]


def test_number_starts_a_sentence_after_plain_word():
    assert split_sentences("It ended in 2003. 2004 was better.") == [
        "It ended in 2003.",
        "2004 was better.",
    ]


# --- ellipses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He paused... and went on.", ["He paused... and went on."]),
        ("It was over... The crowd left.", ["It was over...", "The crowd left."]),
        ("Wait\u2026 Then it came.", ["Wait\u2026", "Then it came."]),
        (
            "It would make more difficult... Turkcell's plans.",
            ["It would make more difficult... Turkcell's plans."],
        ),
    ],
)
def test_ellipsis(text, expected):
    assert split_sentences(text) == expected


# --- quotes and brackets -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("He said \u201cno.\u201d Then he left.", ["He said \u201cno.\u201d", "Then he left."]),
        ("She said 'yes.' Then she went.", ["She said 'yes.'", "Then she went."]),
        ('"Where?" She pointed.', ['"Where?"', "She pointed."]),
        ('It ended. "We won," he said.', ["It ended.", '"We won," he said.']),
        ("It ended. \u201cWe won,\u201d he said.", ["It ended.", "\u201cWe won,\u201d he said."]),
        ('Cuts were "speculation". The firm said.', ['Cuts were "speculation".', "The firm said."]),
        ('"I am done." said the man.', ['"I am done." said the man.']),
    ],
)
def test_quotes(text, expected):
    assert split_sentences(text) == expected


def test_detached_quote_goes_with_the_sentence_it_closes():
    text = '"It is a great year. " Hayes said: "Thanks."'
    assert split_sentences(text) == ['"It is a great year. "', 'Hayes said: "Thanks."']


def test_detached_quote_that_opens_goes_with_next_sentence():
    text = 'He left. " We won," he said.'
    assert split_sentences(text) == ["He left.", '" We won," he said.']


def test_detached_curly_closing_quote_stays_with_previous_sentence():
    text = "\u201cIt is done. \u201d Then we left."
    assert split_sentences(text) == ["\u201cIt is done. \u201d", "Then we left."]


def test_trailing_punctuation_only_stays_with_last_sentence():
    assert split_sentences('He left. "') == ['He left. "']
    assert split_sentences("It ended. . .") == ["It ended. . ."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "See the table (see below.) Next is text.",
            ["See the table (see below.)", "Next is text."],
        ),
        ("He won (again). The fans cheered.", ["He won (again).", "The fans cheered."]),
        ("It said [sic.] The end came.", ["It said [sic.]", "The end came."]),
        ("He (Mr. Lee) won.", ["He (Mr. Lee) won."]),
    ],
)
def test_brackets(text, expected):
    assert split_sentences(text) == expected


# --- URLs, emails, domains ---------------------------------------------------------------


def test_urls_emails_and_domains_are_not_split():
    text = (
        "Shares in JD.com rose. Visit www.bbc.co.uk for more. Mail a.b@example.co.uk today. "
        "See https://example.com/a.b?c=1.2 now. It is at bbc.co.uk. The end."
    )
    assert split_sentences(text) == [
        "Shares in JD.com rose.",
        "Visit www.bbc.co.uk for more.",
        "Mail a.b@example.co.uk today.",
        "See https://example.com/a.b?c=1.2 now.",
        "It is at bbc.co.uk.",
        "The end.",
    ]


# --- general properties ------------------------------------------------------------------


def test_news_paragraph_is_split_losslessly():
    text = (
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m). "
        'Mr. Smith of Acme Inc. said: "It was a good year... for us." The U.S. firm '
        "rose 2.5% at 10 a.m. on Jan. 5. But J. R. Ewing disagreed! Did he? Yes."
    )
    sentences = split_sentences(text)
    assert sentences == [
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m).",
        'Mr. Smith of Acme Inc. said: "It was a good year... for us."',
        "The U.S. firm rose 2.5% at 10 a.m. on Jan. 5.",
        "But J. R. Ewing disagreed!",
        "Did he?",
        "Yes.",
    ]
    assert_lossless(text, sentences)


def test_long_unpunctuated_sentence_is_one_sentence():
    text = " ".join(f"word{i % 97}" for i in range(5000))
    assert split_sentences(text) == [text]


def test_one_megabyte_inputs_run():
    unit = 'The U.S. firm rose 2.5% in Jan. 5. He said "no." Then... it ended? Yes! '
    text = unit * (1_000_000 // len(unit) + 1)
    assert len(text) >= 1_000_000
    sentences = split_sentences(text)
    assert len(sentences) == 4 * text.count(unit)
    assert_lossless(text, sentences)

    no_spaces = "a." * 500_000
    assert split_sentences(no_spaces) == [no_spaces]
    dots = ". " * 500_000
    assert split_sentences(dots) == [dots.strip()]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("He left.", "english"),
        ("Did he?!", "english"),
        ('He said "no."', "english"),
        ("It was not over…”)", "english"),
        ("Er sagte: »Nein.«", "german"),
        ("उन्होंने यह काम किया।", "hindi"),
        ("No full stop here", "english"),
        ("  Runs  of\nspace. ", "english"),
        ("", "english"),
        ("It rose 2.5% on JD.com.", "english"),
        ("He ended.Next came", "english"),
        ("Wait... The end.", "english"),
        ("हुआ।एक और", "hindi"),
    ],
)
def test_paragraph_of_one_sentence_is_told_as_the_marks_tell(text, language):
    """A paragraph with no mark but at its end is told apart without reading its marks
    one by one: it gives what the reading gives."""
    assert split_sentences(text, language) == _split_marked(
        " ".join(text.split()), rules_for(language)
    )


# --- paragraphs --------------------------------------------------------------------------


def test_paragraphs_are_separated_by_blank_lines():
    text = "First line\nsecond line.\n\nNext paragraph.\n \t\nLast one."
    assert split_paragraphs(text) == [
        "First line second line.",
        "Next paragraph.",
        "Last one.",
    ]


def test_without_blank_lines_each_line_is_a_paragraph():
    assert split_paragraphs("One.\nTwo.\n  \n") == ["One.", "Two."]
    assert split_paragraphs("One.\r\nTwo.\nThree.") == ["One.", "Two.", "Three."]


def test_paragraphs_edge_cases():
    assert split_paragraphs("") == []
    assert split_paragraphs(" \n\n \n") == []
    assert split_paragraphs("a\n\n\n\nb\r\n\r\nc d") == ["a", "b", "c d"]
    assert split_paragraphs("\n\n  a\n  b  \n\n") == ["a", "b"]


# --- sumy tokenizer ----------------------------------------------------------------------


def test_a_greek_question_ends_at_its_question_mark():
    """Greek asks with ";" (U+037E, which NFC makes a semicolon) and writes its own
    semicolon as "·"; elsewhere ";" stays a semicolon."""
    asked = "Τι θα γίνει με τις παραδόσεις;"
    answer = "Οι εταιρείες αναμένουν καθυστερήσεις τριών ημερών."
    assert split_sentences(f"{asked} {answer}", "greek") == [asked, answer]
    assert split_sentences(f"Τι θα γίνει\u037e {answer}", "greek") == ["Τι θα γίνει\u037e", answer]
    assert split_sentences("Ρώτησε πότε; είπε ότι δεν ξέρει.", "greek") == [
        "Ρώτησε πότε; είπε ότι δεν ξέρει."
    ]
    english = "The port closed; Officials said little."
    assert split_sentences(english) == [english]


def test_tokenizer_language_and_sentences():
    tokenizer = OfflineTokenizer()
    assert tokenizer.language == "english"
    assert OfflineTokenizer("English").language == "english"
    sentences = tokenizer.to_sentences("Mr. Smith left. He was tired.")
    assert sentences == ("Mr. Smith left.", "He was tired.")
    assert isinstance(sentences, tuple)


def test_tokenizer_words():
    tokenizer = OfflineTokenizer()
    words = tokenizer.to_words("Don't stop: the state-of-the-art U.S. plan costs $1.2bn in 2004!")
    assert words == (
        "Don't",
        "stop",
        "the",
        "state-of-the-art",
        "U",
        "S",
        "plan",
        "costs",
        "bn",
        "in",
    )
    assert isinstance(words, tuple)
    assert tokenizer.to_words("don\u2019t caf\u00e9 rock'n'roll pre- -post") == (
        "don't",
        "caf\u00e9",
        "rock'n'roll",
        "pre",
        "post",
    )
    assert tokenizer.to_words("123 ... 4.5 --") == ()


def test_tokenizer_words_pass_sumys_word_filter():
    from sumy.nlp.tokenizers import Tokenizer

    text = "It's the U.K.'s state-of-the-art, well-known café — 42 rock'n'roll bands' songs!"
    words = OfflineTokenizer().to_words(text)
    assert words
    assert all(Tokenizer._is_word(w) for w in words)


def _lexrank(text: str, count: int) -> list[str]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    parser = PlaintextParser(text, OfflineTokenizer())
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(parser.document, count)]


ARTICLE = """\
Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months \
to December. The firm, which is now one of the biggest investors in Google, benefited from \
sales of high-speed internet connections.

Mr. Parsons of TimeWarner Inc. said the U.S. market was strong. But its own internet \
business, AOL, had mixed fortunes. It lost 464,000 subscribers in the fourth quarter.

Time Warner's fourth quarter profits were slightly better than analysts' expectations. \
"We are pleased." The company said profits from AOL rose 8% on internet advertising.
"""


def test_offline_tokenizer_works_inside_sumy_lexrank():
    summary = _lexrank(ARTICLE, 3)
    all_sentences = {s for p in split_paragraphs(ARTICLE) for s in split_sentences(p)}
    assert len(all_sentences) == 8
    assert len(summary) == 3
    assert set(summary) <= all_sentences


def test_no_nltk_data_needed(tmp_path, monkeypatch):
    from sumy.nlp.tokenizers import Tokenizer

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    with pytest.raises(LookupError):
        nltk.data.find("tokenizers/punkt_tab")
    with pytest.raises(LookupError):
        Tokenizer("english")  # sumy's own tokenizer needs punkt data
    summary = _lexrank(ARTICLE, 2)
    assert len(summary) == 2
    assert OfflineTokenizer().to_sentences("Dr. No left. He came back.") == (
        "Dr. No left.",
        "He came back.",
    )
