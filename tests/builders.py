"""Small builders of real articles for tests (no mocks)."""

from __future__ import annotations

from pathlib import Path

from summaries import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

LEDE = (
    "The Harwick city council approved a new flood defence plan on Monday after a year of debate."
)
BODY = [
    "The plan raises the river walls by two metres along the old harbour district.",
    "Mayor Lina Ostrow said the council had no choice after last winter's floods.",
    "Engineers estimate that the walls will cost 48 million euros over six years.",
    "Shop owners in the harbour district welcomed the decision but asked for faster work.",
    "The opposition voted against the plan, calling its budget unrealistic.",
    "Construction on the first section is due to begin in the spring.",
    "Residents can comment on the detailed drawings until the end of the month.",
    "The river burst its banks three times last winter, flooding 400 homes.",
]


def news_article(
    extra: list[str] | None = None, title: str = "Harwick approves flood plan"
) -> Article:
    """A plain inverted-pyramid news story, one paragraph per sentence."""
    sentences = [LEDE, *BODY, *(extra or [])]
    return Article(title=title, text="\n\n".join(sentences))


def long_text(sentences: int) -> str:
    """A long article of distinct, numbered sentences in paragraphs of four."""
    lines = [
        f"Report section {n} notes that water levels at station {n} rose by {n % 7} centimetres."
        for n in range(sentences)
    ]
    return "\n\n".join(" ".join(lines[i : i + 4]) for i in range(0, sentences, 4))
