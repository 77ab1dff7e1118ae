"""A speaker's line kept with the quotation it introduces.

Pages of statements put the speaker on a line of its own, ending in a colon, and the
words on the next: "Liu Qiangdong, founder and chairman of JD.com:" then
'"I hope ...'. The speaker's line alone is too short to read as a sentence and would be
cleaned away, leaving a quotation nobody said; joined, the two read as one sentence.
"""

from __future__ import annotations

from summaries.quotes import scan, starts_quotation

_COLONS = ":："


def attach_speakers(lines: list[str]) -> list[str]:
    """``lines`` with each line that ends in a colon and comes right before a line that
    opens a quotation (blank lines between aside) joined to that line, which is blanked:
    "Liu Qiangdong, chairman of JD.com:" + '"I hope ...' -> 'Liu ...: "I hope ...'. So is
    a line that ends in a colon inside a quotation ('the film "Going Clear:') to the next."""
    out = lines
    for i, line in enumerate(lines):
        if not line or line[-1] not in _COLONS:
            continue
        following = i + 1
        while following < len(lines) and not lines[following]:
            following += 1
        if following == len(lines):
            continue
        if not starts_quotation(lines[following]) and not scan(line).open:
            continue  # (a colon inside a quotation, "Going Clear:", goes on in the next line)
        if out is lines:
            out = list(lines)
        if not out[i]:  # this line was itself joined to one before it
            continue
        space = "" if line[-1] == "：" else " "
        out[i] = f"{out[i]}{space}{lines[following]}"
        out[following] = ""
    return out
