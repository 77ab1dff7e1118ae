"""Turn the plain text of a scraped page into its article body.

The output is paragraphs separated by one blank line, each paragraph on one line.
Boilerplate (navigation, share buttons, bylines, captions, link lists, footers) is
dropped by general rules about a line's shape: its length, whether it ends a sentence,
its share of stop words and Title-Case words, bullets, pipes, credit and date patterns,
repetition on the page and position relative to the body. No rule names a site's strings.

Everything is linear in the input size: regexes only look at bounded slices or have no
nested quantifiers, and the repeated-phrase check looks back a bounded number of words.
A paragraph's word statistics come from its first 3,000 characters and repeated phrases
are looked for in its first 10,000 words, so one huge line stays fast too. Callers should
still cap the input size (about 10 MB/s here); nothing else is cut.
"""

from summaries.clean._body import clean_text
from summaries.clean._lines import looks_like_text

__all__ = ["clean_text", "looks_like_text"]
