"""Briefings that read well alone: their faults counted, with ROUGE, against the previous code.

    python bench/readability.py [--before main] [--limit N] [--jobs 1]

Briefs the articles of ../shared/eval/cnndm_dev.jsonl (3 sentences) and bbc_dev.jsonl
(N = the reference's sentences), both as bench/quality.py does and scored with its
ROUGE, the pages of ../shared/eval/pages_dev.jsonl (their text extracted once, as a
page source's is) and the files of ../shared/articles (both with the bot's default
options: 3 sentences, 1,000 characters). Each article is briefed twice in the same run:
by this checkout's code and by the code of ``--before`` (a git revision, default
``main``: on a branch, the method before the branch's change), which runs from a copy
made with ``git archive`` in a process of its own, beside this one.

A briefing counts once under each fault it has, and once under "any":

* unbalanced quotation: read as one text, a quotation mark opens and is never closed,
  or closes what never opened (:mod:`summaries.quotes`, in every language's marks);
* dangling opener: its first sentence opens by pointing back ("He", "But", "However";
  :mod:`summaries.summarize.openers`) and is not the article's first sentence;
* trailing colon: one of its sentences ends in a colon;
* quotation without speaker: a quotation opens one of its sentences and no word outside
  quotation marks names who said it, although the article does: the article's sentence
  holds words outside the quotation (its speaker) that the briefing cut away, or the
  sentence that names its speaker is not the briefing's, before it: the article's
  nearest sentence before it with words outside quotation marks (the sentences between,
  all quotation, are the same speaker's words); or, if none comes before, the nearest
  after it, if it holds quotation marks (a quotation that opens the article, its speaker
  named where it ends: '"... .' then '"... ," she said.'). A quotation that fills its
  paragraph, the next opening by naming its speaker as Nordic news do ("Det säger Anna
  Nilsson.": :mod:`summaries.summarize.attribution`), needs that sentence after it.

The article's sentences are those this checkout's cleaning and splitting give. Exits 1
if any briefing of ../shared/articles has a fault, a dev set has 1% or more faulty
briefings, or a dev set's ROUGE is lower than the previous code's.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))  # bench/quality.py: the ROUGE of the dev sets

from quality import readme_split, rouge  # noqa: E402

from summaries import Article, SummaryOptions, summarize  # noqa: E402
from summaries.errors import InputError  # noqa: E402
from summaries.quotes import has_marks, scan  # noqa: E402
from summaries.reading import read_path  # noqa: E402
from summaries.sentences import split_paragraphs, split_sentences  # noqa: E402
from summaries.summarize import article_texts  # noqa: E402
from summaries.summarize.attribution import names_speaker_before  # noqa: E402
from summaries.summarize.openers import opens_by_pointing_back  # noqa: E402

SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
FAULTS = ("unbalanced quotation", "dangling opener", "trailing colon", "quotation w/o speaker")
DEV_SHARE = 0.01
_ADDED = "\"'“”„’»«「」『』…"  # what a briefing may add to a sentence: quotation marks, a cut

# The previous code, run from its own copy: one JSON task list in, one answer per task out.
_PREVIOUS = """
import json, sys
sys.path.insert(0, sys.argv[1])
from summaries import Article, SummaryOptions, summarize
from summaries.errors import InputError
out = []
for task in json.load(open(sys.argv[2], encoding="utf-8")):
    options = SummaryOptions(sentences=task["sentences"], max_chars=task["max_chars"])
    try:
        out.append(list(summarize(Article(task["title"], task["text"]), options).sentences))
    except (InputError, ValueError):  # (sumy's Polish stemmer needs a missing package)
        out.append(None)
json.dump(out, open(sys.argv[3], "w", encoding="utf-8"))
"""


@dataclass(frozen=True)
class Task:
    set: str
    title: str
    text: str
    sentences: int
    max_chars: int
    reference: tuple[str, ...] = ()  # the reference summary's sentences, if any


def tasks(limit: int, jobs: int) -> list[Task]:
    out: list[Task] = []
    for name, filename, fixed in (("cnndm", "cnndm_dev.jsonl", 3), ("bbc", "bbc_dev.jsonl", 0)):
        rows = [json.loads(line) for line in (EVAL / filename).open(encoding="utf-8")]
        for row in rows[:limit] if limit else rows:
            reference = tuple(readme_split(" ".join(row["summary"].split())))
            k = max(1, min(fixed or len(reference), len(readme_split(row["text"]))))
            out.append(Task(name, row["title"], row["text"], k, 20_000, reference))
    pages = [json.loads(line) for line in (EVAL / "pages_dev.jsonl").open(encoding="utf-8")]
    pages = pages[:limit] if limit else pages
    with ProcessPoolExecutor(jobs) as pool:
        for article in pool.map(_page_article, pages, chunksize=8):
            if article is not None:
                out.append(Task("pages", article.title, article.text, 3, 1000))
    for path in sorted((SHARED / "articles").glob("*.txt")):
        article = read_path(path)
        out.append(Task("articles", article.title, article.text, 3, 1000))
    return out


def _page_article(page: dict) -> Article | None:
    from summaries.sources.pages import article_from_page

    try:
        return article_from_page(page["html"], page["url"])
    except InputError:
        return None


def brief(task: Task) -> list[str] | None:
    options = SummaryOptions(sentences=task.sentences, max_chars=task.max_chars)
    try:
        return list(summarize(Article(task.title, task.text), options).sentences)
    except (InputError, ValueError):  # (sumy's Polish stemmer needs a missing package)
        return None


def previous_briefings(revision: str, work: list[Task], folder: Path) -> subprocess.Popen:
    """Start briefing ``work`` with the code of ``revision``, copied into ``folder``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "summaries"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder / "code", filter="data")
    (folder / "tasks.json").write_text(
        json.dumps(
            [
                {
                    "title": t.title,
                    "text": t.text,
                    "sentences": t.sentences,
                    "max_chars": t.max_chars,
                }
                for t in work
            ]
        ),
        encoding="utf-8",
    )
    command = [sys.executable, "-c", _PREVIOUS, str(folder / "code"), str(folder / "tasks.json")]
    return subprocess.Popen([*command, str(folder / "out.json")], cwd=folder)


def article_sentences(task: Task) -> tuple[list[str], list[bool], str]:
    """The article's sentences as this checkout reads them, where paragraphs start, language."""
    _, text, language = article_texts(Article(task.title, task.text))
    sentences: list[str] = []
    starts: list[bool] = []
    for paragraph in split_paragraphs(text):
        for number, sentence in enumerate(split_sentences(paragraph, language)):
            sentences.append(sentence)
            starts.append(number == 0)
    return sentences, starts, language


def faults(briefing: Sequence[str], task: Task) -> set[str]:
    """The faults (of FAULTS) of ``briefing``, a briefing of ``task``'s article."""
    found: set[str] = set()
    whole = scan(" ".join(briefing))
    if whole.open or whole.stray:
        found.add(FAULTS[0])
    if any(s.rstrip().endswith((":", "：")) for s in briefing):
        found.add(FAULTS[2])
    sentences, starts, language = article_sentences(task)
    places = [_place(s, sentences) for s in briefing]
    if places[0] != 0 and opens_by_pointing_back(briefing[0], language):
        found.add(FAULTS[1])
    named = _naming(sentences, starts)
    after = _named_after(sentences, starts, named, language)
    for k, sentence in enumerate(briefing):
        if _speaker_missing(k, sentence, briefing, places, sentences, named, after):
            found.add(FAULTS[3])
            break
    return found


def _place(output: str, sentences: list[str]) -> int | None:
    """The article sentence a briefing sentence starts with (or is the end of)."""
    core = output.strip(_ADDED + " \u00a0")
    for i, sentence in enumerate(sentences):
        if output.startswith(sentence) or sentence.startswith(core) or sentence.endswith(core):
            return i
        if core.startswith(sentence.strip(_ADDED + " \u00a0")):  # a colon's, reopened
            return i
    return None


def _naming(sentences: list[str], starts: list[bool]) -> list[bool]:
    """For each of the article's ``sentences``, whether words of it stand outside every
    quotation (its speaker's name, or the narrative), the quotation marks read across each
    paragraph (of those ``starts`` begins); a sentence that opens with a quotation mark
    inside a quotation starts a new one (the next paragraph of a quotation, run together)."""
    out: list[bool] = []
    state: tuple[str, ...] = ()
    for sentence, start in zip(sentences, starts, strict=True):
        if start or (state and scan(sentence).starts_quoting):
            state = ()
        found = scan(sentence, state)
        out.append(found.outside)
        state = found.open
    return out


def _named_after(
    sentences: list[str], starts: list[bool], named: list[bool], language: str
) -> dict[int, int]:
    """For each sentence of a quotation that fills its paragraph, the sentence that names
    its speaker when the next paragraph opens so ("Det säger Anna Nilsson.")."""
    found: dict[int, int] = {}
    for j in range(1, len(sentences)):
        if not starts[j] or named[j - 1] or not names_speaker_before(sentences[j], language):
            continue
        i = j - 1
        while i > 0 and not starts[i] and not named[i - 1]:
            i -= 1
        if starts[i]:
            found.update(dict.fromkeys(range(i, j), j))
    return found


def _speaker_missing(
    k: int,
    sentence: str,
    briefing: Sequence[str],
    places: list[int | None],
    article: list[str],
    named: list[bool],
    after: dict[int, int],
) -> bool:
    """Whether the quotation that opens briefing sentence ``k`` lacks the speaker the
    article gives it (see the module's doc; ``after``: the speakers named in the next
    paragraph, by sentence)."""
    opened = scan(sentence)
    if not opened.starts_quoting or opened.outside:
        return False
    state = opened.open
    for following in briefing[k + 1 :]:  # the sentences the quotation goes on into
        if not state:
            break
        went_on = scan(following, state)
        if went_on.outside:
            return False  # '... ," he said.'
        state = went_on.open
    place = places[k]
    if place is None:
        return False
    source = scan(article[place])
    if source.outside and article[place].strip(_ADDED) not in sentence:
        return True  # the article's sentence names the speaker, cut away
    if place in after:  # "Det säger Anna Nilsson." opens the next paragraph
        return after[place] not in places[k + 1 :]
    speaker = next((j for j in range(place - 1, -1, -1) if named[j]), None)
    if speaker is None:  # nobody before: the quotation's words go on to who says them
        after = next((j for j in range(place + 1, len(article)) if named[j]), None)
        return after is not None and has_marks(article[after]) and after not in places[k:]
    return speaker not in places[:k]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="main", help="git revision of the previous code")
    parser.add_argument("--limit", type=int, default=0, help="only the first N of each set")
    parser.add_argument("--jobs", type=int, default=1, help="processes for this checkout")
    parser.add_argument("--show", type=int, default=0, help="print N faulty briefings per set")
    args = parser.parse_args(argv)
    if not EVAL.is_dir():
        print(f"skipped: no evaluation data at {EVAL} (the ../shared folder is absent)")
        return 0
    work = tasks(args.limit, max(2, args.jobs))
    with tempfile.TemporaryDirectory() as folder:
        previous = previous_briefings(args.before, work, Path(folder))
        with ProcessPoolExecutor(args.jobs) as pool:
            current = list(pool.map(brief, work, chunksize=16))
        if previous.wait() != 0:
            print(f"the code of {args.before} failed to brief the articles")
            return 1
        before = json.loads((Path(folder) / "out.json").read_text(encoding="utf-8"))
    with ProcessPoolExecutor(max(2, args.jobs)) as pool:
        rows = {
            label: list(pool.map(_judge, work, briefings, chunksize=16))
            for label, briefings in ((f"before ({args.before})", before), ("now", current))
        }
        references = list(pool.map(_reference_faults, work, chunksize=16))
    if args.show:
        show(work, current, rows["now"], args.show)
    code = report(work, rows)
    for name in ("cnndm", "bbc"):  # what ROUGE rewards: the faults of the references
        found = [f for t, f in zip(work, references, strict=True) if t.set == name]
        counts = [sum(kind in f for f in found) for kind in FAULTS]
        faulty = sum(bool(f) for f in found)
        kinds = ", ".join(f"{kind} {n}" for kind, n in zip(FAULTS, counts, strict=True))
        share = 100 * faulty / max(1, len(found))
        print(f"{name} reference summaries: {len(found)}; {kinds}; any {faulty} ({share:.1f}%)")
    return code


def _reference_faults(task: Task) -> set[str]:
    return faults(list(task.reference), task) if task.reference else set()


def show(work: list[Task], briefings: list, judged: list, most: int) -> None:
    """Print up to ``most`` faulty briefings of each set, with their faults."""
    shown: dict[str, int] = {}
    for task, briefing, verdict in zip(work, briefings, judged, strict=True):
        if verdict and verdict[0] and shown.get(task.set, 0) < most:
            shown[task.set] = shown.get(task.set, 0) + 1
            print(f"--- {task.set}: {', '.join(sorted(verdict[0]))}")
            print("\n".join(briefing), end="\n\n")


def _judge(
    task: Task, briefing: list[str] | None
) -> tuple[set[str], tuple[float, ...] | None] | None:
    """The faults of ``briefing`` and its ROUGE, if the task has a reference; None if the
    article gave no briefing."""
    if not briefing:
        return None
    scores = rouge(briefing, list(task.reference)) if task.reference else None
    return faults(briefing, task), scores


def report(work: list[Task], rows: dict[str, list]) -> int:
    header = ["set", "code", "briefings", *FAULTS, "any", "R-1", "R-2", "R-Lsum"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    failures: list[str] = []
    rouge_by: dict[tuple[str, str], tuple[float, ...]] = {}
    for name in ("cnndm", "bbc", "pages", "articles"):
        for label, judged in rows.items():
            mine = [j for t, j in zip(work, judged, strict=True) if t.set == name]
            made = [j for j in mine if j is not None]
            counts = [sum(f in j[0] for j in made) for f in FAULTS]
            faulty = sum(bool(j[0]) for j in made)
            share = faulty / max(1, len(made))
            scored = [j[1] for j in made if j[1] is not None]
            means = (
                tuple(sum(s[i] for s in scored) / len(scored) for i in range(3)) if scored else ()
            )
            rouge_by[name, label] = means
            cells = [
                name,
                label,
                str(len(made)),
                *map(str, counts),
                f"{faulty} ({100 * share:.1f}%)",
            ]
            cells += [f"{m:.2f}" for m in means] or ["", "", ""]
            print("| " + " | ".join(cells) + " |")
            if label == "now" and (faulty if name == "articles" else share >= DEV_SHARE):
                failures.append(f"{name}: {faulty} faulty briefings")
    labels = list(rows)
    _print_faultless(work, rows)
    for name in ("cnndm", "bbc"):
        then, now = rouge_by[name, labels[0]], rouge_by[name, labels[1]]
        if any(round(b, 2) < round(a, 2) for a, b in zip(then, now, strict=True)):
            failures.append(f"{name}: ROUGE lower than before")
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


def _print_faultless(work: list[Task], rows: dict[str, list]) -> None:
    """ROUGE of both codes on the dev articles whose previous briefing had no fault: what
    the rules cost where there was nothing to mend."""
    before, now = rows.values()
    for name in ("cnndm", "bbc"):
        pairs = [
            (b[1], n[1])
            for t, b, n in zip(work, before, now, strict=True)
            if t.set == name and b is not None and n is not None and not b[0]
        ]
        for label, column in zip(rows, (0, 1), strict=True):
            means = [sum(p[column][i] for p in pairs) / max(1, len(pairs)) for i in range(3)]
            cells = [f"{name}, previous briefing faultless", label, str(len(pairs))]
            cells += [""] * (len(FAULTS) + 1) + [f"{m:.2f}" for m in means]
            print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
