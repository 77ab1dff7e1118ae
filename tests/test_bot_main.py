"""``python -m bot`` runs without any token and shows briefings of the sample corpus."""

from __future__ import annotations

import subprocess
import sys

from summaries.samples import sample_articles


def test_bot_without_token_prints_sample_briefings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot"], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    samples = sample_articles()
    assert len(samples) >= 5
    for article in samples:
        assert f"## {article.title}" in result.stdout
    bullets = [line for line in result.stdout.splitlines() if line.startswith("   - ")]
    assert len(bullets) == 3 * len(samples)


def test_bot_bad_config_is_one_clear_message(tmp_path):
    (tmp_path / "config.toml").write_text("[summary]\nmethod = 'magic'\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot"], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 2
    assert "magic" in result.stderr and "Traceback" not in result.stderr
