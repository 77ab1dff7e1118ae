"""Generated news for the search bench: N realistic articles from a seed, reproducibly.

Headlines and 8-20 sentences from templates over vocabularies of topics, places,
people, organisations and numbers, with Zipf-distributed choices (some words are in
most articles, a long tail is rare), each with a 3-sentence briefing (its lede).
Generation runs in worker processes (``generated``), chunk by chunk.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import random
import string
from bisect import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from typing import Any

from summaries.models import Article, Briefing

CHUNK = 2_000  # articles generated per task in a generator process
WORKERS = 2  # generator processes (loading runs in this one, mostly inside SQLite)
START = datetime(2023, 1, 1, tzinfo=UTC)
SPAN = timedelta(days=730)  # articles are spread over two years, in id order
NOW = START + SPAN + timedelta(hours=6)

Row = tuple[Article, Briefing, str, str]

# --- vocabularies ---------------------------------------------------------------------------


# Each topic: "nouns | past-tense verbs | adjectives".
_TOPIC_WORDS = {
    "cyber": "cyberattack ransomware breach hackers malware network servers data passwords "
    "encryption vulnerability phishing cybersecurity firewall botnet spyware outage "
    "systems extortion cybercrime | disrupted crippled targeted breached encrypted "
    "exposed leaked | digital encrypted critical sophisticated coordinated",
    "politics": "election parliament minister government coalition vote campaign opposition "
    "referendum budget senate mayor council legislation candidates ballots turnout "
    "policy reform | approved rejected debated proposed backed blocked announced | "
    "political electoral parliamentary controversial narrow",
    "climate": "heatwave drought flooding emissions temperatures rainfall storm wildfire "
    "glaciers carbon climate weather forecast rivers harvest | flooded scorched "
    "threatened damaged cooled warmed | extreme record severe unseasonal dry",
    "economy": "inflation interest rates markets shares investors bank economy growth recession "
    "unemployment wages prices exports bonds currency | rose fell slowed surged cut "
    "raised steadied | economic monetary fiscal quarterly annual",
    "energy": "battery factory grid electricity solar turbines pipeline refinery reactor "
    "hydrogen gas oil power plant capacity | opened expanded commissioned shut "
    "restarted powered | renewable nuclear offshore industrial electric",
    "health": "hospital patients vaccine doctors nurses outbreak virus clinic treatment trial "
    "medicine infections ward surgery | treated admitted vaccinated tested diagnosed "
    "recovered | medical clinical public infectious chronic",
    "sport": "match final cup league striker goalkeeper coach season title championship "
    "stadium fans tournament victory | won lost drew scored defeated clinched | "
    "dramatic decisive late unbeaten young",
    "transport": "port trucks railway trains airport flights ferry drivers traffic motorway bridge "
    "tunnel freight containers strike | delayed cancelled reopened stranded diverted "
    "suspended | congested overnight regional commuter cross-border",
    "courts": "court judge trial verdict prosecutors lawyers police investigation arrest "
    "sentence appeal fraud charges jury | charged convicted acquitted sentenced "
    "arrested fined | criminal judicial federal appellate guilty",
    "science": "researchers study bees species telescope laboratory genome experiment satellite "
    "fossils biodiversity discovery | discovered measured observed published mapped "
    "confirmed | scientific remarkable rare ancient peer-reviewed",
}
TOPICS = {
    name: dict(
        zip(("nouns", "verbs", "adjs"), (part.split() for part in words.split("|")), strict=True)
    )
    for name, words in _TOPIC_WORDS.items()
}

ROLES = (
    "minister spokesperson chief executive director chairman governor professor "
    "analyst president mayor commissioner inspector coach founder"
).split()
FIRST = (
    "Anna Ben Clara David Elena Farid Greta Hugo Ines Jonas Karin Luca Maya Nils Olga "
    "Pavel Rosa Samir Tara Umar Vera Willem Yara Zoe Lina Marek Noor Oskar Priya Rafael "
    "Sofia Tomas Ulla Viktor Wanda Xavier Yusuf Zara Amir Bea Cyril Dora Emil Fatima Goran"
).split()
SYLLABLES = (
    "bren wick ald mere tar row vol ta ra wren field har port ost lin kes dor val mon "
    "quen bel sar fen gar lor mir nor pel ris tel ven yor zan cal del fir hol jor kel "
    "lum mar nev orn pra rus sel tor ul vix wes ab ek ith ov un"
).split()
PLACE_ENDS = "ton burg mouth ford dale by stead wick port haven field more".split()
ORG_KINDS = (
    "Logistics Energy Bank Holdings Systems Motors Airlines Telecom Insurance Group "
    "Pharma Foods Mining Shipping Analytics"
).split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()

BODY = [
    "{person}, the {role} of {org}, said the {noun} would {adj} change {place} for years.",
    "Officials in {place} confirmed on {day} that {number} {noun} cases had been recorded.",
    "The {noun} affected parts of {place} on {day}, according to {org}.",
    "{org} said in a statement that it had {verb} the {noun} after a review.",
    "{surname} told reporters the {noun} was the most {adj} in {number} years.",
    "Residents of {place} described the {noun} as {adj} and unexpected.",
    "Figures published by {org} show the {noun} rose by {percent} in {month}.",
    "The {noun} has cost the region around {money}, analysts estimate.",
    "{person} said that the {noun} and the {noun2} were closely linked.",
    "In {place2}, the {noun2} {verb} {number} businesses, local media reported.",
    "A report by {org} on the {rare} {noun} is due in {month}.",
    "Critics say the {adj} {noun} was handled badly from the start.",
    "The {role} of {place} called for calm and promised a full inquiry into the {noun}.",
    "Experts from {org} warned that a {adj} {noun2} could follow within weeks.",
    "{surname}, who has led {org} since {year}, declined to comment on the {noun}.",
    "Talks between {org} and {org2} about the {noun} ended without agreement on {day}.",
    "About {number} people gathered in central {place} to protest against the {noun}.",
    "Work on the {rare} project near {place} stopped after the {noun}.",
    "Earlier this year, a similar {noun} in {place2} lasted {number} days.",
    "{person} of {org2} said the {adj} {noun2} showed the limits of the current approach.",
    "The government of {place} has set aside {money} to deal with the {noun}.",
    "Neighbouring {place2} reported a {percent} drop in {noun2} over the same period.",
    "Local newspapers in {place} said the {noun} had been expected for {number} months.",
    "Shares in {org} {econ} {percent} after the {noun} was announced.",
]
HEADLINES = [
    "{Place} {noun} {verb} {org}",
    "{Noun} in {place} leaves {number} {noun2} affected",
    "{org} faces questions over {adj} {noun}",
    "{Person} warns of {adj} {noun} in {place}",
    "{Adj} {noun} hits {place} as {noun2} worsens",
    "{place} and {place2} agree on {noun} plan",
    "{Noun}: what the {rare} decision means for {place}",
]


def _zipf_cumulative(n: int, exponent: float = 1.05) -> list[float]:
    return list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))


def _pseudo_words(rng: random.Random, count: int, parts: tuple[int, int]) -> list[str]:
    possible = sum(len(SYLLABLES) ** n for n in range(parts[0], parts[1] + 1))
    assert count < possible // 2, "too few syllables for that many distinct words"
    seen: dict[str, None] = {}
    while len(seen) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*parts)))
        seen.setdefault(word, None)
    return list(seen)


@dataclass
class Vocabulary:
    """Every word list, built from a fixed seed: identical in every process."""

    places: list[str]
    surnames: list[str]
    orgs: list[str]
    rare: list[str]
    topics: list[str]

    @classmethod
    def build(cls, seed: int = 2024) -> Vocabulary:
        rng = random.Random(seed)
        places = [
            (w + rng.choice(PLACE_ENDS)).capitalize() for w in _pseudo_words(rng, 3_000, (2, 3))
        ]
        surnames = [w.capitalize() for w in _pseudo_words(rng, 6_000, (2, 3))]
        orgs = [
            f"{w.capitalize()} {rng.choice(ORG_KINDS)}" for w in _pseudo_words(rng, 4_000, (2, 3))
        ]
        rare = [w + "ex" for w in _pseudo_words(rng, 40_000, (2, 4))]
        return cls(places, surnames, orgs, rare, list(TOPICS))


class _Article:
    """The state of one article being written: its rng, topic and main entities."""

    __slots__ = ("w", "rng", "topic", "other", "words", "place", "org", "person")

    def __init__(self, writer: Writer, rng: random.Random) -> None:
        v = writer.v
        self.w, self.rng = writer, rng
        self.topic = TOPICS[writer.pick(rng, "topic", v.topics)]
        self.other = TOPICS[_one(rng, v.topics)]
        self.words = self.topic
        self.place = writer.pick(rng, "place", v.places)
        self.org = writer.pick(rng, "org", v.orgs)
        self.person = writer.person(rng)


def _one(rng: random.Random, items: list | tuple) -> Any:
    return items[int(rng.random() * len(items))]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# Slot name -> how to fill it for an article. "noun2" and "adj" come from the sentence's
# topic (the article's own 80% of the time); the main place, person and organisation recur.
_SLOTS: dict[str, Callable[[_Article], str]] = {
    "person": lambda a: a.person if a.rng.random() < 0.6 else a.w.person(a.rng),
    "surname": lambda a: a.person.split()[1],
    "org": lambda a: a.org,
    "place": lambda a: a.place,
    "org2": lambda a: a.w.pick(a.rng, "org", a.w.v.orgs),
    "place2": lambda a: a.w.pick(a.rng, "place", a.w.v.places),
    "rare": lambda a: a.w.pick(a.rng, "rare", a.w.v.rare),
    "noun": lambda a: _one(a.rng, a.topic["nouns"]),
    "verb": lambda a: _one(a.rng, a.topic["verbs"]),
    "noun2": lambda a: _one(a.rng, a.words["nouns"]),
    "adj": lambda a: _one(a.rng, a.words["adjs"]),
    "econ": lambda a: _one(a.rng, TOPICS["economy"]["verbs"]),
    "number": lambda a: str(_one(a.rng, (2, 3, 5, 12, 40, 150, 1200, 64, 7, 2500))),
    "percent": lambda a: f"{int(a.rng.random() * 40) + 1}.{int(a.rng.random() * 10)} percent",
    "money": lambda a: f"{int(a.rng.random() * 900) + 2} million euros",
    "year": lambda a: str(1995 + int(a.rng.random() * 28)),
    "role": lambda a: _one(a.rng, ROLES),
    "day": lambda a: _one(a.rng, DAYS),
    "month": lambda a: _one(a.rng, MONTHS),
}

Part = str | Callable[[_Article], str]


def _compile(template: str) -> list[Part]:
    """A template as literal strings and slot fillers (faster than str.format per sentence)."""
    parts: list[Part] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append(literal)
        if name:
            fill = _SLOTS[name.lower()]
            parts.append(fill if name.islower() else (lambda a, f=fill: _cap(f(a))))
    return parts


_BODY = [_compile(t) for t in BODY]
_HEADLINES = [_compile(t) for t in HEADLINES]


class Writer:
    """Writes article ``index`` of a run: the same text for the same (seed, index)."""

    def __init__(self, vocabulary: Vocabulary, seed: int, total: int) -> None:
        self.v = vocabulary
        self.seed = seed
        self.total = max(1, total)
        self.cum = {
            "place": _zipf_cumulative(len(vocabulary.places)),
            "surname": _zipf_cumulative(len(vocabulary.surnames)),
            "org": _zipf_cumulative(len(vocabulary.orgs)),
            "rare": _zipf_cumulative(len(vocabulary.rare), 0.9),
            "topic": _zipf_cumulative(len(vocabulary.topics), 0.6),
        }

    def pick(self, rng: random.Random, kind: str, items: list[str]) -> str:
        """A Zipf-distributed choice: the first items are common, the tail rare."""
        cum = self.cum[kind]
        return items[bisect(cum, rng.random() * cum[-1])]

    def person(self, rng: random.Random) -> str:
        return f"{_one(rng, FIRST)} {self.pick(rng, 'surname', self.v.surnames)}"

    def sentence(self, state: _Article, parts: list[Part]) -> str:
        state.words = state.topic if state.rng.random() < 0.8 else state.other
        return _cap("".join([p if isinstance(p, str) else p(state) for p in parts]))

    def article(self, index: int) -> Row:
        rng = random.Random(self.seed * 1_000_003 + index)
        state = _Article(self, rng)
        title = self.sentence(state, _one(rng, _HEADLINES))
        count = 8 + int(rng.random() * 13)
        sentences = [self.sentence(state, _one(rng, _BODY)) for _ in range(count)]
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, count, 3)]
        text = "\n\n".join(paragraphs)
        jitter = timedelta(minutes=int(rng.random() * 600) - 300)
        published = START + SPAN * (index / self.total) + jitter
        outlet = f"{state.place} {_one(rng, ('Herald', 'Times', 'Post', 'Courier', 'Gazette'))}"
        article = Article(
            title=title,
            text=text,
            url=f"https://news{index % 97}.example/{published:%Y/%m/%d}/{index}",
            source=outlet,
            published=published,
            author=state.person,
        )
        briefing = Briefing(tuple(sentences[:3]), method="lead", source_sentences=count)
        return article, briefing, text, hashlib.sha256(text.encode()).hexdigest()


_WRITER: Writer | None = None


def _init_worker(seed: int, total: int) -> None:
    global _WRITER
    _WRITER = Writer(Vocabulary.build(), seed, total)


def _chunk(bounds: tuple[int, int]) -> list[Row]:
    assert _WRITER is not None
    return [_WRITER.article(i) for i in range(*bounds)]


def generated(total: int, seed: int) -> Iterator[Row]:
    """The ``total`` articles in id order, generated in other processes."""
    bounds = [(start, min(total, start + CHUNK)) for start in range(0, total, CHUNK)]
    context = multiprocessing.get_context("spawn")
    with context.Pool(WORKERS, initializer=_init_worker, initargs=(seed, total)) as pool:
        for rows in pool.imap(_chunk, bounds):
            yield from rows


# --- build ----------------------------------------------------------------------------------
