"""Elements a page does not show as part of its text, removed before extraction.

A hover card ("John Smith is a senator from Ohio. Follow"), a tooltip, a cookie or
newsletter dialog and a label meant for screen readers only ("opens in a new tab") sit
inside or beside the paragraphs they belong to; an extractor that reads the markup alone
glues them into the article's sentences. The page says they are not shown: the HTML
``hidden`` attribute (but for ``hidden="until-found"``: a folded section the reader opens,
or finds by searching the page), an ARIA role of tooltip or dialog, a modal
(``aria-modal``: shown over the page, never in its flow), an AMP component's stand-in (its
``placeholder`` shown while it loads, its ``fallback`` when it fails: "Ad could not
load"), or a class that the common CSS frameworks use for them (Bootstrap, Tailwind and
WordPress name them alike). A consent banner is told by its name (_CONSENT): its long
paragraphs about cookies and partners read as prose, and it often comes before the
article; so is an embed's stand-in that asks leave to load it, between the paragraphs.
So is a paywall's call to subscribe ("This article is for subscribers only. Subscribe
now for unlimited access..."), which reads as sentences of the article it cuts short,
by its name or by the paywall platform's that draws it. A dialog, a call or a hidden
element that holds most of the page's paragraphs, more than a few, is the page's content
all the same, and is kept (a site that shows its article only once its script has checked
the reader's subscription sends it ``hidden``); a hidden one only when no more than a few
paragraphs are shown beside it (a page that shows its article may send its terms hidden,
longer than the article).
"""

from __future__ import annotations

from typing import Any

from lxml.etree import XPath

_CLASSES = "sr-only|visually-hidden|screen-reader-text|tooltip|popover|hovercard|hover-card"
# A consent banner, by the names the consent platforms give theirs (Google's Funding
# Choices, Quantcast, OneTrust, Cookiebot, Didomi, Usercentrics, TrustArc, Sourcepoint,
# Osano, consentmanager, iubenda, Drupal's EU Cookie Compliance) or the usual names of a
# cookie, consent, privacy or GDPR banner or wall; never the page's <html> or
# <body> (whose classes say the reader has answered one), nor anything holding the article.
_CONSENT = (
    "fc-consent-root|qc-cmp2\\w*|onetrust\\w*|cybotcookiebot\\w*|didomi\\w*|usercentrics\\w*|"
    "truste|sp_message\\w*|cc-window|cc-banner|cmpbox\\w*|iubenda-cs\\w*|gdpr\\w*|"
    "eu-cookie-compliance|"
    "cookies?[-_]?(banner|consent|notice|bar|law|popup|modal|dialog|wall|overlay)|"
    "consent[-_]?(banner|root|dialog|popup|modal|manager|wall|overlay|container|sdk)|"
    "privacy[-_]?(wall|banner|popup|modal|dialog|overlay|consent|manager)|"
    # an embed's stand-in that asks leave to load a post or a video from another site
    # ("Externen Inhalt laden"), by the usual names and by the consent tools' (Borlabs'
    # content blocker, Usercentrics', Complianz's, the Embed Privacy plugin's)
    "embed[-_]?(consent|placeholder|optin|opt-in|privacy|blocker)|content[-_]?blocker|"
    "(external|third-party)[-_]?content[-_]?(consent|placeholder|notice)|"
    "uc-embedding\\w*|cmplz-(placeholder|blocked-content)\\w*"
)
# A paywall's or a newsletter's call to subscribe, by the part of its name that says it
# is the call, not the content ("paywall" alone can name the paywalled article itself),
# or by the names the paywall platforms give the boxes they draw their offers in (Piano
# and its Tinypass templates, Poool, Zephr, Pelcro), not the box round the story they
# guard (Zephr's "zephr-content") nor a name that themes give their layout too (a bare
# "tp-container")
_CALL = (
    "(paywall|pay-wall|regwall|reg-wall|subscribe|subscription|subscriber|newsletter)[-_]?"
    "(prompt|prompts|message|banner|offer|cta|modal|overlay|wall|box|notice|promo|teaser|"
    "signup|sign-up|form|widget)|"
    "piano[-_](offer|inline|container|paywall|template|modal|banner)\\w*|"
    "tp-(modal|container-inner|backdrop|iframe-wrapper)\\w*|poool-widget\\w*|pelcro-\\w+|"
    "zephr-(feature|inline|footer|paywall|registration|modal|banner|offer)\\w*"
)
# A dialog or a call says its piece in a few paragraphs. One that holds more, and most of
# the page's, is the page's content: a story drawn in a modal over its section's listing,
# an article in a box its site named for subscribers, or sent hidden until a script shows it.
_FEW_PARAGRAPHS = 5
_HOLDS_CONTENT = f"count(.//p) > {_FEW_PARAGRAPHS} and count(.//p) * 2 > count(//p)"
_ALONE = f"count(//p) - count(.//p) <= {_FEW_PARAGRAPHS}"  # no article shown beside it
_WORD_OF = "re:test(@{}, '(^|[\\s_-])({})([\\s_-]|$)', 'i')"  # a name, or a part of one
_NOT_PAGE = "not(self::html or self::body) and not(.//article or .//main)"
_UNSHOWN = XPath(
    "//*[(@hidden and not(re:test(@hidden, '^\\s*until-found\\s*$', 'i'))"
    f" and not({_HOLDS_CONTENT} and {_ALONE}))"
    " or ((@fallback or @placeholder) and starts-with(name(..), 'amp-'))"
    " or @role='tooltip'"
    f" or re:test(@class, '(^|\\s)({_CLASSES})(\\s|$)', 'i')]"
    " | //*[(@role='dialog' or @role='alertdialog' or @aria-modal='true')"
    f" and not({_HOLDS_CONTENT})]"
    f" | //*[({_WORD_OF.format('class', _CONSENT)} or {_WORD_OF.format('id', _CONSENT)})"
    f" and {_NOT_PAGE}]"
    f" | //*[({_WORD_OF.format('class', _CALL)} or {_WORD_OF.format('id', _CALL)})"
    f" and {_NOT_PAGE} and not({_HOLDS_CONTENT})]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def drop_unshown(tree: Any) -> None:
    """Remove from ``tree`` (an lxml tree, in place) what the page does not show."""
    for element in _UNSHOWN(tree):
        if element.getparent() is not None:
            element.drop_tree()  # the text after it (its tail) stays
