"""A share widget in other languages than English: its verb, then the networks a story is
shared on ("Condividi su Facebook Condividi su Twitter", "Поделиться: ВКонтакте Telegram",
"分享到：微信 微博 QQ空间"). English's ("Share", "Facebook", "Twitter" alone) is told by its
interface words in _main; there "share" opens a headline as often ("Share prices fall").

A line is one when it opens with the verb, names a network and ends no sentence: the
verb opens a sentence too ("Teilen Sie uns Ihre Meinung mit."), and a network's name is
what a widget holds that such a sentence seldom does.
"""

from __future__ import annotations

import re

from summaries.clean._ends import ends_sentence

# The verb of sharing that opens a widget, by language (lowercase).
_SHARE_VERBS = {
    "german": "teilen|artikel teilen|beitrag teilen",
    "french": "partager|partagez",
    "spanish": "compartir|comparte",
    "italian": "condividi",
    "portuguese": "compartilhar|compartilhe|partilhar|partilhe",
    "dutch": "delen|deel",
    "russian": "поделиться",
    "polish": "udostępnij",
    "turkish": "paylaş",
    "chinese": "分享到|分享至|分享",
    "japanese": "シェア|共有",
}
_VERBS = tuple(v for verbs in _SHARE_VERBS.values() for v in verbs.split("|"))
# One of them as a word of its own: not "deelnemers", "teilnehmen".
_OPENING = re.compile(
    "(?:{})(?![^\\W\\d_])".format("|".join(sorted(_VERBS, key=len, reverse=True)))
)
# The networks and channels a widget shares on: a word of the line (lowercase), or, for
# Chinese and Japanese, written anywhere in it.
_NETWORKS = frozenset(
    """facebook twitter x whatsapp telegram linkedin pinterest reddit xing flipboard
    threads bluesky mastodon messenger e-mail email mail line vk вконтакте одноклассники
    qq""".split()
)
_UNSPACED_NETWORKS = ("微信", "微博", "qq空间", "はてな", "ライン")
_WORD = re.compile(r"[\w-]+")


def is_share_widget(text: str, low: str) -> bool:
    """Whether `text` (`low`: text.lower()) is a share widget (see the module's doc)."""
    if not low.startswith(_VERBS) or not _OPENING.match(low) or ends_sentence(text):
        return False
    if any(network in low for network in _UNSPACED_NETWORKS):
        return True
    return not _NETWORKS.isdisjoint(_WORD.findall(low))
