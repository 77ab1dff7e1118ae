"""Briefings that read well alone: quotations whole and with their speaker, no dangling start.

A briefing is read in a chat by someone who has not seen the article, so a sentence is
taken only with the sentences it cannot do without. Selection stays the method's (best
ranked first, within the length limits: :class:`~summaries.summarize.budget.Budget`);
:class:`ReadableBudget` takes each candidate with the group of sentences it needs:

* a sentence of a quotation needs the sentence that names its speaker, taken before it:
  the one where the quotation opened (``Liu Qiangdong, chairman of JD.com: "I
  hope ...``) or, for a quotation that names nobody ('"But I would ...'), the nearest
  sentence before it with words outside quotation marks ("..., said Woodward."). The
  sentences between are all quotation, that speaker's words, so they may be left out: a
  sentence taken without the one before it is reopened with the quotation's mark, and
  one cut from the next is closed with its own (», “, 」...). A sentence of a quotation
  whose speaker comes after it (``... ," he said.``) needs the sentences after it up to
  the speaker instead, and so does a quotation that fills its paragraph when the next
  opens by naming its speaker (``Det säger Anna Nilsson.``, ``Así lo dijo X.``: see
  :mod:`attribution`), which never comes without it.
* a sentence that ends in a colon needs the one it introduces; the two are written as
  one sentence, and count as one.
* the briefing's first sentence, if it opens by pointing back ("He", "But", "However";
  see :mod:`openers`), comes with the sentence before it, or gives way to another.

When the method gives each sentence a score (``default`` does), the briefing is the set
of sentences that reads alone with the most sentences the budget allows and, of those,
the highest total score (:meth:`ReadableBudget.best_set`): a quotation whose speaker's
sentence ranks low gives way to the next best sentences when they score more than the
two together, and comes with it when they do not. A fragment (a sentence ``default``
leaves out for being too short to stand alone) may come with the sentence that needs it.
Otherwise, and when that set is longer than the characters allowed, a candidate comes in
where the worst ranked sentence of its group would, so sentences that stand alone go
first and a quotation waits for its speaker's sentence to rank. A group that does not
fit the length limits is not taken; another candidate is.

Quotations are followed across the article (see :mod:`quoting`). A paragraph
does not begin inside a quotation: one left open by the page ends with its paragraph,
and a paragraph (or, in text whose paragraphs were run together, a sentence) that opens
with the mark of a quotation still open starts a quotation of its own, which is how a
quotation over several paragraphs is printed. A quotation that opens the article, naming
nobody, and goes on in the next paragraphs comes with them up to the sentence that names
its speaker. In languages whose news print speech after a dash (DIALOGUE_LANGUAGES), a
paragraph that opens with one is a quotation, its speaker named between dashes (or, in
Nordic news, after a comma and a verb of saying: "– Vi ger inte upp, säger hon."). A
paragraph that opens with » goes on with a quotation in «…» left open before it (Spanish
and French print it there), and is reopened with «.

In an interview or a transcript, a person's label opening a paragraph ("Rick: ...")
names the speaker, like a quotation's: it is kept, and a later sentence of the turn comes
after the turn's first; an interviewer's turns are never taken, and a role's label, a
kicker or a dateline is left out of the sentence (see :mod:`turns`).

The modules: :mod:`labels` and :mod:`turns` (a paragraph's label, and whether the
briefing keeps it), :mod:`quoting` (where quotations stand in each sentence), :mod:`needs`
(what each sentence cannot be taken without), :mod:`readability` (:class:`Readability`,
what selection and printing ask of one article), :mod:`selection`
(:class:`ReadableBudget`, which sentences a briefing takes) and :mod:`rendering` (the
briefing's text).
"""

from summaries.summarize.readable.readability import Readability
from summaries.summarize.readable.selection import ReadableBudget

__all__ = ["Readability", "ReadableBudget"]
