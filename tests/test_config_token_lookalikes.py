"""A value that merely looks long or random (a product code, a topic like "xoxo-...", a
feed address with a video id, a UUID or a dotted slug) is a value, not a chat token: the
config takes it and the logs keep it. A real token pasted there is still refused unshown."""

from __future__ import annotations

from pathlib import Path

import pytest

from summaries.config import load_settings
from summaries.errors import ConfigError
from summaries.redaction import looks_like_token, redact_tokens

DISCORD = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"
SLACK = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"

TOPICS = [
    "XJ9-2200-ALPHA-7734-BETA-0042-GAMMA",  # a product code
    "xoxo-gossip-girl",  # "xoxo" is a word, not one of Slack's token types
    "Serbo-Croatian",
]
FEEDS = [
    "https://www.youtube.com/feeds/videos.xml?channel_id=UCBJycsmduvYEL83R_U4JriQ",
    "https://news.example/feeds/3f2504e0-4f89-11d3-9a0c-0305e82c3301.xml",
    "https://example.com/tags/xoxo-gossip-girl/feed",
    "https://blog.example.com/posts/understanding-kubernetes-operators.part-12."
    "deploying-to-production-safely",
    "https://blog.example.com/posts/kubernetes-operators-in-depth.part-12."
    "deploying-to-production-safely",
    "https://cdn.example.com/a1b2c3d4e5f6g7h8i9j0k1l2m3.rss2xml.abcdefghijklmnopqrstuvwxyz12345/",
]


def load(tmp_path: Path, text: str):
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    return load_settings(config)


def test_topics_that_look_random_are_topics(tmp_path):
    listed = ", ".join(f'"{topic}"' for topic in TOPICS)
    settings = load(tmp_path, f'[[channels]]\nid = "discord:1"\ntopics = [{listed}]\n')
    assert list(settings.channels[0].topics) == TOPICS


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_addresses_with_long_or_dotted_paths_are_addresses(tmp_path, feed):
    settings = load(tmp_path, f'[sources]\nfeeds = ["{feed}"]\n')
    assert list(settings.sources.feeds) == [feed]
    assert not looks_like_token(feed) and redact_tokens(f"fetched {feed}") == f"fetched {feed}"


@pytest.mark.parametrize("token", [DISCORD, SLACK, f"Bot {DISCORD}", f"token={SLACK}"])
def test_a_real_token_is_still_refused_and_never_shown(tmp_path, token):
    with pytest.raises(ConfigError) as refused:
        load(tmp_path, f'[[channels]]\nid = "discord:1"\ntopics = ["{token}"]\n')
    assert "looks like a chat token" in str(refused.value)
    assert DISCORD[:20] not in str(refused.value) and SLACK[:12] not in str(refused.value)
    assert "[redacted]" in redact_tokens(f"sent {token} along")


SIGNING = "e3b0c44298fc1c149afbf4c8996fb924"  # shaped as Slack's signing secret: 32 hex digits


@pytest.mark.parametrize(
    "text",
    [
        f'[summary]\nmethod = "{SIGNING}"\n',
        f'[summary]\nlanguage = "{SIGNING}"\n',
        f'[schedule]\ntimezone = "{SIGNING}"\n',
        f'[slack]\nmode = "{SIGNING}"\n',
        f'[[channels]]\nid = "console"\ntimezone = "{SIGNING}"\n',
    ],
)
def test_a_signing_secret_pasted_as_a_value_is_refused_unshown(tmp_path, text):
    with pytest.raises(ConfigError) as refused:
        load(tmp_path, text)
    assert SIGNING[:8] not in str(refused.value), str(refused.value)
    assert "SLACK_SIGNING_SECRET" in str(refused.value)


def test_doctor_never_quotes_a_secret_given_as_a_time_zone(tmp_path):
    from summaries.doctor.zones import check_raw_time_zones

    config = tmp_path / "config.toml"
    config.write_text(f'[schedule]\ntimezone = "{SIGNING}"\n', encoding="utf-8")
    assert SIGNING[:8] not in repr(check_raw_time_zones(config))


def test_long_words_and_ids_inside_values_are_not_secrets(tmp_path):
    topics = ["Supercalifragilisticexpialidocious", "dQw4w9WgXcQ", "B2B", "COVID19"]
    listed = ", ".join(f'"{topic}"' for topic in topics)
    settings = load(tmp_path, f'[[channels]]\nid = "discord:1"\ntopics = [{listed}]\n')
    assert list(settings.channels[0].topics) == topics


@pytest.mark.parametrize(
    "text",
    [
        f"[summary]\n{SIGNING} = 1\n",
        f"{SIGNING} = 1\n",
        f"[{SIGNING}]\nx = 1\n",
        f'[slack]\n"{SLACK}" = true\n',
    ],
)
def test_a_secret_pasted_as_a_keys_name_is_refused_unshown(tmp_path, text):
    """A secret pasted on the wrong side of "=" is named as a secret, never quoted back in
    "Unknown setting ..." (a key's name is shown whole in that message)."""
    with pytest.raises(ConfigError) as refused:
        load(tmp_path, text)
    message = str(refused.value)
    assert SIGNING[:8] not in message and SLACK[:12] not in message, message
    assert "SLACK_SIGNING_SECRET" in message
