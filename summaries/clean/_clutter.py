"""What news sites in other languages than English put between and after the paragraphs.

English clutter is told in :mod:`._rules` by its words ("Read more:", "Sign up for our
newsletter", "All rights reserved"). Every language has the same few kinds, each in a
few fixed phrases, so each kind below is one small table of them by language:

- a link to another story: its label alone ("延伸阅读", "関連記事", "Lire aussi"), or
  the label, a separator and the other story's headline ("Leia também: O ..."); the
  heading over other stories' teasers ("Ähnliche Beiträge", "You might also like") is
  such a label alone;
- a call to the reader, which opens with its imperative ("Abonnez-vous à ...",
  "Suscríbete a ...", "Подпишитесь на ..."): inside a sentence the same verb is a
  report ("... que el presidente firme"), so only a line that opens with it is clutter;
  a button's label ("購読する", "Подписаться на") only where the line ends no sentence;
- a copyright formula ("Tous droits réservés", "무단전재 및 재배포 금지", "版权所有") that is a
  clause of its own, not a part of a sentence about copyright;
- a credit label of Chinese and Japanese pages and a name ("责任编辑：王明");
- an end mark of a news agency's story ("（完）", "(끝)"), alone or after its last sentence;
- a Korean agency's dateline glued to the lede: "(서울=연합뉴스) 김민수 기자 = 정부는 ...";
- a share widget: its verb and the networks, or a share bar's label (see :mod:`._share`);
- a blog's "like" widget: its button's label, alone or with the word it shows while it
  loads ("Gefällt mir Wird geladen …", "J'aime chargement…"), and the line that counts
  who liked the post ("%d Bloggern gefällt das:", "12 bloggers like this."): a line of
  those words alone, so a sentence that holds them and goes on is the article's own.

Two signals hold in any language: a copyright sign ("©", Korean sites' "ⓒ"), and a short
line that is no sentence and opens or ends with an e-mail address (a reporter's contact).

A line in ASCII is only looked up among the phrases written in ASCII, so English pages
pay a few substring tests per short line; the other phrases are looked for only in lines
that hold other characters.
"""

from __future__ import annotations

import re

from summaries.cjk import HAN_AND_KANA
from summaries.clean._appeals import APPEAL_PHRASES, DISCLAIMERS, is_appeal_after_sentence
from summaries.clean._ends import ends_sentence
from summaries.clean._labels import is_sentence_after
from summaries.clean._share import SHARE_LABELS, SHARE_VERBS, is_share_widget

# Labels of a link to another story, by language (lowercase).
_LINK_LABELS = {
    # (English labels before a headline, "Read more: ...", are told in _rules; these are
    # the headings over other stories' teasers, which stand alone on their line)
    "english": "you might also like|you may also like|related posts|related articles|"
    "related stories|recommended for you|related internet links|related links|external links|"
    "related",
    "french": "lire aussi|à lire aussi|a lire aussi|voir aussi|à voir aussi|lire la suite|"
    "sur le même sujet|articles similaires",
    "german": "lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|weiterlesen|"
    "zum weiterlesen|das könnte sie auch interessieren|das könnte dich auch interessieren|"
    "ähnliche beiträge|ähnliche artikel",
    "spanish": "lee también|lea también|leer más|te puede interesar|le puede interesar|ver también|"
    "mirá también|notas relacionadas",
    "portuguese": "leia também|leia mais|veja também|saiba mais",
    "italian": "leggi anche|leggi di più|potrebbe interessarti|approfondisci",
    "russian": "читайте также|читать также|смотрите также|читайте по теме",
    "dutch": "lees ook|lees meer|bekijk ook|meer over dit onderwerp",
    "polish": "czytaj także|czytaj też|czytaj również|zobacz także|zobacz też|"
    "przeczytaj także|przeczytaj też",
    # (a line's "İlgili" is looked up as "ilgili": see summaries.clean._labels.lower)
    "turkish": "ilgili haber|ilgili haberler|bunlar da ilginizi çekebilir",
    "arabic": "اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|اقرأ المزيد|مواضيع ذات صلة",
    "chinese": "延伸阅读|相关阅读|相关新闻|相关报道|推荐阅读|延伸閱讀|相關閱讀|相關新聞",
    "japanese": "関連記事|あわせて読みたい|合わせて読みたい|関連リンク|こちらもおすすめ",
    "korean": "관련기사|관련 기사|함께 보면 좋은 기사|같이 보면 좋은 기사",
}
# The imperatives a call to the reader opens with: subscribe, sign up, follow us, and the
# appeals of summaries.clean._appeals (support us, donate). It may follow a question to the
# reader ("Ihnen hat der Artikel gefallen? Bitte helfen Sie ...", "Vous avez aimé cet
# article ? Soutenez-nous"), but opens its sentence.
_CALLS = {
    "french": "abonnez-vous|inscrivez-vous|suivez-nous|recevez notre|téléchargez notre",
    "german": "abonnieren sie|jetzt abonnieren|melden sie sich|folgen sie uns|laden sie unsere",
    "spanish": "suscríbete|suscribete|suscríbase|síguenos|regístrate|descarga nuestra",
    "portuguese": "assine a|assine o|assine nossa|assine já|inscreva-se|siga-nos|"
    "cadastre-se|baixe nosso",
    "italian": "iscriviti|abbonati|seguici|scarica la nostra",
    "russian": "подпишитесь|подписывайтесь|следите за нами",
    # (not "اشترك" alone: unvowelled, the imperative is also "took part", which opens news)
    "arabic": "اشترك الآن|اشترك في نشرتنا|اشترك مجانا|تابعونا|تابعنا على",
    "chinese": "关注我们|關注我們|扫码关注|點擊關注|点击关注|欢迎订阅|歡迎訂閱",
    "japanese": "登録はこちら",
}
# A button's label, no imperative: it opens a sentence too ("購読する世帯は減っている。",
# "Подписаться на рассылку можно до пятницы."), so only a line that ends none is clutter.
_BUTTONS = {
    "french": "je m'abonne|je m’abonne",
    "russian": "подписаться на",
    "japanese": "フォローする|購読する",
    "korean": "구독하기|뉴스레터 구독|구독 신청",
}
# Copyright formulas, whole ("all rights reserved", "reproduction forbidden"): "права
# защищены" alone is also "(their) rights are protected", a report.
_COPYRIGHTS = {
    "french": "tous droits réservés|reproduction interdite",
    "german": "alle rechte vorbehalten",
    "spanish": "todos los derechos reservados",
    "portuguese": "todos os direitos reservados",
    "italian": "tutti i diritti riservati|riproduzione riservata",
    "russian": "все права защищены",
    "arabic": "الحقوق محفوظة|حقوق النشر محفوظة",
    "chinese": "版权所有|版權所有|未经授权不得转载|不得转载",
    "japanese": "無断転載を禁じ|無断複製を禁じ|無断転載|無断複製",
    "korean": "재배포 금지|재배포금지|무단전재|무단 전재",
}
# Credit labels of Chinese and Japanese pages, before a full-width or plain colon.
_CREDIT_LABELS = (
    "责任编辑 責任編輯 编辑 編輯 记者 記者 作者 来源 來源 原标题 原標題 校对 审核 摄影 撮影 文"
)
# An agency story's end mark (Chinese, Japanese, Korean).
END_MARKS = ("（完）", "(完)", "（終わり）", "(끝)", "<끝>", "〈끝〉", "/끝/")
# Brackets and arrows a label may stand in: "【延伸阅读】", "▶ 관련기사", "[Leia mais]".
_LABEL_OPENERS = "【[〔《<▶►■●◆▲☞ "
_SEPARATORS = ":：】]〕》>|-–—"  # what follows a label before the headline
_TRAILING_DOTS = " .…"  # a label alone may trail off: "Das könnte Sie auch interessieren ..."
_CREDIT_CHARS = 30  # a label and a few names
_CREDIT_BRACKETS = {"（": "）", "(": ")", "【": "】", "[": "]"}  # a credit may stand in
_BUTTON_REST = 4  # the networks after a share bar's label: "Facebook Twitter WhatsApp E-mail"
_CONTACT_WORDS = 10  # a name, a title and an address
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BEFORE_ADDRESS = ":：-–—|/;,(<[（="  # what sets an address apart from a label before it
_AFTER_ADDRESS = "-–—|/;)>]）"  # and from what follows (a comma goes on with a clause)
# What bounds a clause of a copyright line: "© 2024 Le Monde. Tous droits réservés",
# "本文版权所有，未经授权不得转载", "この記事の無断転載・複製を禁じます".
# Chinese and Japanese write no space between words: one between two of their characters
# sets fields apart ("版权所有 海港日报社 未经许可不得转载").
_CLAUSE_EDGE = re.compile(
    r"[.,;:!?|()<>\[\]«»\"“”–—©ⓒ。，、；：！？【】《》〈〉（）「」・]| - "
    f"|(?<=[{HAN_AND_KANA}]) (?=[{HAN_AND_KANA}])"
)
_FORMULA_EXTRA = 4  # words beside a formula in its clause: an outlet, a year, "この記事の"
_UNSPACED = re.compile(f"[{HAN_AND_KANA}]")
# "(place=outlet)" or "[place=outlet]" opening a paragraph, and maybe a reporter before " = ".
# Both are names, of letters: "(R=0.9)" or "(n=120)" opening a paragraph is a figure.
_NAME = r"[^\W\d_](?:[^\W\d_]| ){0,19}"
_PLACE_OUTLET = re.compile(rf"[(\[]{_NAME}={_NAME}[)\]] ?")
_REPORTER_WORDS = 4  # a name, "기자" or "특파원", maybe a second name

# A blog's "like" widget, by language (lowercase): the button's label, the word it shows
# while it loads, and the line counting who liked the post, "{n}" standing for how many:
# a number in figures, the widget's placeholder "%d" left unfilled, or a word for "one".
_LIKE_BUTTONS = {
    "english": "like",
    "german": "gefällt mir",
    "french": "j'aime",
    "spanish": "me gusta",
    "italian": "mi piace",
    "portuguese": "curtir",
}
_LOADING = {
    "english": "loading",
    "german": "wird geladen",
    "french": "chargement",
    "spanish": "cargando",
    "italian": "caricamento",
    "portuguese": "carregando",
}
_LIKE_COUNTS = {
    "english": "{n} bloggers like this|{n} blogger likes this",
    "german": "{n} bloggern gefällt das|{n} blogger gefällt das",
    "french": "{n} blogueurs aiment cette page|{n} blogueur aime cette page",
    "spanish": "a {n} blogueros les gusta esto|a {n} bloguero le gusta esto",
    "italian": "a {n} blogger piace questo",
    "portuguese": "{n} blogueiros gostam disto|{n} blogueiro gosta disto",
}
_ONE = "one|ein|einem|un|uno|um"


def _phrases(table: dict[str, str], separator: str = "|") -> tuple[str, ...]:
    return tuple(p for phrases in table.values() for p in phrases.split(separator))


def _ascii(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in phrases if p.isascii())


_LABELS = _phrases(_LINK_LABELS)
_LABELS_ASCII = _ascii(_LABELS)
_APPEALS_ASCII = _ascii(APPEAL_PHRASES)
_CALL_OPENINGS = _phrases(_CALLS) + APPEAL_PHRASES
_CALL_OPENINGS_ASCII = _ascii(_CALL_OPENINGS)
_COPYRIGHT_PHRASES = _phrases(_COPYRIGHTS) + _phrases(DISCLAIMERS)  # (formulas alike)
_COPYRIGHT_PHRASES_ASCII = _ascii(_COPYRIGHT_PHRASES)
_BUTTON_LABELS = _phrases(_BUTTONS) + _phrases(SHARE_LABELS)
_BUTTON_LABELS_ASCII = _ascii(_BUTTON_LABELS)
# What an ASCII line must open with or hold for is_clutter to tell it (see may_be_clutter)
ASCII_OPENINGS = (*_LABELS_ASCII, *_CALL_OPENINGS_ASCII, *_BUTTON_LABELS_ASCII, *SHARE_VERBS)
ASCII_MARKS = ("@", *_COPYRIGHT_PHRASES_ASCII)


def _alternatives(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\{n\}", "{n}") for p in phrases)


# The widget's lines, whole (see _LIKE_BUTTONS): a button's label alone or before the
# word it shows while loading, that word alone, or a count; then dots or a colon.
_LIKE_WIDGET = re.compile(
    "(?:(?:{buttons})(?: (?:{loading}))?|(?:{loading})|(?:{counts}))[ .…:]*".format(
        buttons=_alternatives(_phrases(_LIKE_BUTTONS)),
        loading=_alternatives(_phrases(_LOADING)),
        counts=_alternatives(_phrases(_LIKE_COUNTS)).replace("{n}", rf"(?:\d+|%d|{_ONE})"),
    )
)
_LIKE_WIDGET_CHARS = 50  # the longest of the widget's lines, and some
_CREDITS = tuple(f"{label}{colon}" for label in _CREDIT_LABELS.split() for colon in "：:")


def is_clutter(text: str, low: str) -> bool:
    """Whether a short line `text` (`low`: text.lower()) is one of the kinds of clutter
    above (see the module's docstring)."""
    if "@" in text and _is_contact(text):
        return True
    if _is_like_widget(low):
        return True
    if is_share_widget(text, low):
        return True
    if text.isascii():
        opening = low.lstrip(_LABEL_OPENERS)
        return (
            _is_link(opening, _LABELS_ASCII, text)
            or _after_question(opening).startswith(_CALL_OPENINGS_ASCII)
            or is_appeal_after_sentence(low, _APPEALS_ASCII)
            or (_is_button(opening, _BUTTON_LABELS_ASCII) and not ends_sentence(text))
            or _has_formula(text, low, _COPYRIGHT_PHRASES_ASCII)
        )
    if "ⓒ" in text or _is_credit(text):
        return True
    opening = low.lstrip(_LABEL_OPENERS)
    return (
        _is_link(opening, _LABELS, text)
        or _after_question(opening).startswith(_CALL_OPENINGS)
        or is_appeal_after_sentence(low, APPEAL_PHRASES)
        or (_is_button(opening, _BUTTON_LABELS) and not ends_sentence(text))
        or _has_formula(text, low, _COPYRIGHT_PHRASES)
    )


def may_be_clutter(low: str) -> bool:
    """Whether an ASCII line in lowercase `low` that opens with none of ASCII_OPENINGS and
    holds none of ASCII_MARKS may be clutter all the same: a like widget's line (its
    own test, as cheap as any), or one where the other rules look for their openings
    after a bracket or an arrow (_LABEL_OPENERS) or a question (see _after_question). The
    rest of the rules of is_clutter want an address ("@"), a formula or an opening: a
    cheap test for summaries.clean._rules.is_notice before them all."""
    return (
        low[0] in _LABEL_OPENERS
        or "? " in low
        or _is_like_widget(low)
        or ((". " in low or "! " in low) and is_appeal_after_sentence(low, _APPEALS_ASCII))
    )


def _is_like_widget(low: str) -> bool:
    """Whether the lowercase line `low` is a line of a blog's like widget (see _LIKE_WIDGET)."""
    if len(low) > _LIKE_WIDGET_CHARS:
        return False
    return _LIKE_WIDGET.fullmatch(low.replace("\u2019", "'")) is not None


def _is_button(opening: str, labels: tuple[str, ...]) -> bool:
    """Whether `opening` (a lowercase line, its brackets stripped) is a button's or a share
    bar's label, alone or before a few words (the networks: "partager sur facebook",
    "分享到：微信 微博 QQ空间"); a label before more is a heading that opens so ("Поделиться
    опытом приехали учителя из Казани")."""
    if not opening.startswith(labels):
        return False
    label = next(label for label in labels if opening.startswith(label))
    return _words(opening[len(label) :].lstrip(_SEPARATORS + " ")) <= _BUTTON_REST


def _after_question(opening: str) -> str:
    """`opening` from the sentence after its first, if that is a question to the reader
    ("ihnen hat der artikel gefallen? bitte helfen sie ..."), else `opening` whole."""
    question, mark, rest = opening.partition("?")
    return rest.lstrip(" ") if mark and rest[:1] == " " else opening


def _is_link(opening: str, labels: tuple[str, ...], text: str) -> bool:
    """Whether `opening` (a lowercase line, its brackets stripped) is a link label alone, or
    the label, a separator and the other story's headline ("Lire aussi : Le ...",
    "延伸阅读：..."); a label that goes on without one opens a sentence of the article's
    own ("Leia mais sobre o caso no site."), and so does one whose words after the
    separator run on as a sentence in lowercase ("Related: the council also voted to
    ...", see is_sentence_after; `text`: the line as written)."""
    if not opening.startswith(labels):
        return False
    for label in labels:
        if opening.startswith(label):
            rest = opening[len(label) :].lstrip(" ")
            if rest[:1] == "-" and rest[1:2].isalpha():
                continue  # a word the label's is a part of: "Related-party deals rose"
            if not rest.strip(_TRAILING_DOTS):
                return True
            if rest[0] in _SEPARATORS:  # (the rest as written: the same length in `text`)
                return not is_sentence_after(text, len(text) - len(rest) + 1)
    return False


def _is_credit(text: str) -> bool:
    """A credit label and a name or two ("责任编辑：王明"), maybe in brackets
    ("（記者：鈴木一郎）"), not a speaker's question or answer in an interview
    ("记者：这次会议有什么意义？"), which ends a sentence."""
    if text[:1] in _CREDIT_BRACKETS and text[-1:] == _CREDIT_BRACKETS[text[0]]:
        text = text[1:-1]
    return text.startswith(_CREDITS) and len(text) <= _CREDIT_CHARS and not ends_sentence(text)


def _has_formula(text: str, low: str, formulas: tuple[str, ...]) -> bool:
    """Whether `low` (text.lower()) holds one of the copyright `formulas` as a clause of
    its own (see _stands_alone): a loop of substring tests first, as in _rules."""
    for formula in formulas:
        if formula in low:
            at = low.index(formula)
            if _stands_alone(text, low, at, at + len(formula)):
                return True
    return False


def _stands_alone(text: str, low: str, start: int, end: int) -> bool:
    """Whether the formula at low[start:end] is its clause, give or take an outlet's name,
    a year or a word ("本文版权所有", "この記事の無断転載"), and opens it or follows no word in
    lowercase: in "... que tous droits réservés ..." or "漫画を無断転載した疑いで男を逮捕した"
    it is a part of a sentence about copyright."""
    before = _CLAUSE_EDGE.split(low[:start])[-1]
    after = _CLAUSE_EDGE.split(low[end:], maxsplit=1)[0]
    opening = text[start - len(before) : start] if len(text) == len(low) else ""
    if any(word.islower() for word in opening.split()):
        return False
    return _words(before) + _words(after) <= _FORMULA_EXTRA


def _words(clause: str) -> int:
    """The words of `clause`, two Chinese or Japanese characters counting as one."""
    unspaced = len(_UNSPACED.findall(clause)) if not clause.isascii() else 0
    spaced = len(_UNSPACED.sub(" ", clause).split()) if unspaced else len(clause.split())
    return spaced + (unspaced + 1) // 2


def _is_contact(text: str) -> bool:
    """A short line that ends no sentence and holds an e-mail address set apart from its
    words: "김철수 기자 kim@example.kr", "E-mail: info@example.it - Posta certificata",
    "- news@example.com". An address between two words is a part of what a line says
    ("... at ombudsman@example.org with complaints", "... à contact@example.fr, la ...")."""
    if ends_sentence(text) or text.count(" ") >= _CONTACT_WORDS:
        return False
    found = _EMAIL.search(text)
    if found is None:
        return False
    before = text[: found.start()].rstrip(" ")
    after = text[found.end() :].lstrip(" ")
    return not before or before[-1] in _BEFORE_ADDRESS or not after or after[0] in _AFTER_ADDRESS


def without_end_marks(lines: list[str]) -> list[str]:
    """`lines` with an agency's end mark taken off the end of each ("表示。（完）")."""
    return [_without_end_mark(line) if line.endswith(END_MARKS) else line for line in lines]


def _without_end_mark(line: str) -> str:
    for mark in END_MARKS:
        if line.endswith(mark):
            return line[: -len(mark)].rstrip(" ")
    return line


def agency_dateline_end(text: str) -> int:
    """Where the lede starts after a dateline of the form "(place=outlet) reporter = ",
    as Korean agencies write it, or 0: the part before names where and who reported."""
    if text[:1] not in "([" or "=" not in text[:40]:  # (most paragraphs)
        return 0
    credit = _PLACE_OUTLET.match(text)
    if credit is None:
        return 0
    start = credit.end()
    words = text[start:].split(" ", _REPORTER_WORDS + 1)[: _REPORTER_WORDS + 1]
    if "=" in words:  # "김민수 기자 = 정부는"
        start += len(" ".join(words[: words.index("=") + 1])) + 1
    return start
