"""``python -m bot``: the composition root.

Until a chat backend is configured this prints the briefings of the sample
corpus, so a newcomer sees what the bot makes within a minute.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from summaries import BriefingError, ConfigError, summarize
from summaries.config import load_settings
from summaries.samples import sample_articles


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Run the briefing bot.")
    parser.add_argument("--config", metavar="PATH", help="settings file (default ./config.toml)")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config)
    except ConfigError as error:
        print(f"bot: configuration problem: {error}", file=sys.stderr)
        return 2
    options = settings.summary.options()
    print(f"Briefings of the sample articles ({options.method}, {options.sentences} sentences):\n")
    for article in sample_articles():
        try:
            briefing = summarize(article, options)
        except BriefingError as error:
            print(f"## {article.title}\n   (skipped: {error})\n")
            continue
        print(f"## {article.title}")
        for sentence in briefing.sentences:
            print(f"   - {sentence}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
