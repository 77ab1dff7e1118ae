"""A share widget in other languages than English: its verb, then the networks a story is
shared on ("Condividi su Facebook Condividi su Twitter", "Поделиться: ВКонтакте Telegram",
"分享到：微信 微博 QQ空间"). English's ("Share", "Facebook", "Twitter" alone) is told by its
interface words in _main; there "share" opens a headline as often ("Share prices fall").

A line is one when it opens with the verb, names a network and ends no sentence: the
verb opens a sentence too ("Teilen Sie uns Ihre Meinung mit."), and a network's name is
what a widget holds that such a sentence seldom does. A headline names a network too
("Delen van gegevens met Facebook verboden"): a widget's other words are the verb again
and small ones ("su", "per", "no"), a few of its buttons' ("Copier le lien"), never more
than its networks. A share bar's label ("Partager cet article", "Поделиться") is one
alone too: its table is here, :mod:`._clutter` tells it as it tells a button's label.
"""

from __future__ import annotations

import re

from summaries.clean._ends import ends_sentence

# A share bar's label ("Partager cet article", "分享到：微信 微博"), alone or before a few
# words: :mod:`._clutter` tells it as a button's label (a report opens so too, "Поделиться
# опытом приехали ...", so only on a line that ends none and has few words after it).
SHARE_LABELS: dict[str, str] = {
    "french": "partager cet article|partagez cet article|partager l'article|partager sur",
    "german": "artikel teilen|diesen artikel teilen|beitrag teilen|teilen sie diesen",
    "spanish": "compartir este artículo|comparte este artículo|compartir en",
    "portuguese": "compartilhe este artigo|compartilhar este artigo|compartilhe esta notícia",
    "italian": "condividi questo articolo|condividi l'articolo|condividi su",
    "russian": "поделиться",
    "arabic": "شارك هذا المقال|شارك المقال|شارك الخبر|شارك هذا الخبر",
    "hebrew": "שתפו את הכתבה|שתף את הכתבה|שתפו כתבה",
    "chinese": "分享到|分享至|分享本文",
    "japanese": "この記事をシェア|記事をシェア|シェアする",
    "korean": "공유하기|기사 공유",
}
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
SHARE_VERBS = _VERBS  # (what a widget's line opens with: a cheap test before the rules)
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
# A network's name that a declined word opens with ("na Facebooku", "e-mailem").
_NETWORK_STEMS = tuple(n for n in _NETWORKS if len(n) >= 5)  # (not "line": "linea")
_VERB_WORDS = frozenset(w for verb in _VERBS for w in verb.split())
_SMALL = 3  # letters of a small word between a widget's buttons ("su", "per", "na")
_WORD = re.compile(r"[\w-]+")


def is_share_widget(text: str, low: str) -> bool:
    """Whether `text` (`low`: text.lower()) is a share widget (see the module's doc)."""
    if not low.startswith(_VERBS) or not _OPENING.match(low) or ends_sentence(text):
        return False
    if any(network in low for network in _UNSPACED_NETWORKS):
        return True
    networks = others = 0
    for word in _WORD.findall(low):
        if word in _NETWORKS or word.startswith(_NETWORK_STEMS):
            networks += 1
        elif len(word) > _SMALL and word not in _VERB_WORDS:
            others += 1
    return networks > 0 and others <= networks
