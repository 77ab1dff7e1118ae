"""Plain text of a page in, two texts out: its main text, and the sentences of it.

``main_text`` keeps everything of the article (paragraphs, headings, lists, tables as
readable lines) and leaves out page furniture: what the archive stores and search finds.
``clean_text`` keeps only the paragraphs that read as article sentences, in order: what a
briefing may quote. Run on a main text, it gives what it gives on the page itself.

Boilerplate (navigation, share buttons, bylines, captions, link lists, footers) is
dropped by general rules about a line's shape: its length, whether it ends a sentence,
its share of stop words and Title-Case words, bullets, pipes, credit and date patterns,
repetition on the page and position relative to the body. No rule names a site's strings.
A language that capitalises its nouns (German) writes short sentences in the shape of a
Title-Case headline; there such a line that ends with a full stop, holds its share of the
language's stop words and a word in lowercase besides them is a sentence.

Everything is linear in the input size: regexes only look at bounded slices or have no
nested quantifiers, and the repeated-phrase check looks back a bounded number of words.
A paragraph's word statistics come from its first 3,000 characters and repeated phrases
are looked for in its first 10,000 words, so one huge line stays fast too. Callers should
still cap the input size (about 10 MB/s here); nothing else is cut.
"""

from summaries.clean._body import clean_text
from summaries.clean._editing_notes import without_editing_notes
from summaries.clean._ends import ends_question, ends_sentence
from summaries.clean._lines import looks_like_text, word_count
from summaries.clean._made_lines import MainText
from summaries.clean._main import main_text, main_text_and_lines
from summaries.clean._rules import ends_in_credit

__all__ = [
    "MainText",
    "clean_text",
    "ends_in_credit",
    "ends_question",
    "ends_sentence",
    "looks_like_text",
    "main_text",
    "main_text_and_lines",
    "without_editing_notes",
    "word_count",
]
