"""The checks of config.toml's values that their types alone cannot express: ranges,
names, addresses, times and zones, environment variable names. Each failure is a
ConfigError naming the key and what to write instead."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from summaries.errors import BriefingError, ConfigError, InputError
from summaries.language import check_language
from summaries.near_names import did_you_mean
from summaries.networks import parse_networks
from summaries.reading import EMPTY_FOLDER
from summaries.redaction import looks_like_secret
from summaries.store.location import parse_location
from summaries.summarize.methods import get_method
from summaries.summarize.options import check_options
from summaries.timeofday import (
    canonical_time,
    canonical_zone,
    parse_time_of_day,
    parse_timezone,
)

if TYPE_CHECKING:
    from summaries.config import Settings, SourcesSettings

ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def check_settings(settings: Settings) -> None:
    """Range and name checks that types alone cannot express."""
    summary = settings.summary
    try:
        get_method(summary.method)
        check_language(summary.language)
        check_options(summary.options())
    except BriefingError as error:
        raise ConfigError(f"In [summary]: {error}") from None
    _at_least("store.path", len(settings.store.path.strip()), 1, "a file name")
    if settings.store.url.strip():
        try:
            parse_location(settings.store.url)
        except ValueError as error:
            raise ConfigError(f"store.url {error}.") from None
    _between("fetch.timeout", settings.fetch.timeout, 0.5, 300)
    _between("fetch.max_bytes", settings.fetch.max_bytes, 10_000, 100_000_000)
    _between("fetch.per_host", settings.fetch.per_host, 1, 32)
    _between("fetch.politeness", settings.fetch.politeness, 0, 60)
    _between("fetch.max_in_flight", settings.fetch.max_in_flight, 1, 256)
    _between("queue.retry_attempts", settings.queue.retry_attempts, 1, 100)
    _between("queue.retry_seconds", settings.queue.retry_seconds, 1, 3600)
    _between("queue.stalled_seconds", settings.queue.stalled_seconds, 3, 86400)
    _between("queue.keep_hours", settings.queue.keep_hours, 1, 24 * 365)
    _between("ingest.workers", settings.ingest.workers, 1, 64)
    _between("ingest.article_seconds", settings.ingest.article_seconds, 0.5, 600)
    _between("ingest.story_window_hours", settings.ingest.story_window_hours, 1, 24 * 30)
    _between("ingest.max_entries_per_feed", settings.ingest.max_entries_per_feed, 1, 10_000)
    tenants = settings.tenants
    _between("tenants.max_sources", tenants.max_sources, 1, 10_000)
    _between("tenants.max_digest_channels", tenants.max_digest_channels, 1, 10_000)
    _between("tenants.sources_add_per_hour", tenants.sources_add_per_hour, 1, 10_000)
    _between("tenants.leave_grace_days", tenants.leave_grace_days, 0, 3650)
    _check_bot(settings)
    _check_observability(settings)
    _check_addresses(settings.sources)


def _check_addresses(sources: SourcesSettings) -> None:
    """The form of the operator's feed and page addresses, checked as every other address is
    (http(s), a host, no user name or password; their hosts are checked at every fetch),
    and that each folder has a name."""
    from summaries.sources import web_address  # the one check; httpx is not needed before

    for key in ("feeds", "pages"):
        for number, url in enumerate(getattr(sources, key), start=1):
            try:
                web_address(url)
            except InputError as error:  # its message never repeats the address
                raise ConfigError(f"sources.{key}, address {number}: {error}") from None
    for number, folder in enumerate(sources.folders, start=1):
        if not folder.strip():
            raise ConfigError(f"sources.folders, folder {number}: {EMPTY_FOLDER}")


CHANNEL_PLATFORMS = ("discord", "slack", "console")


def _check_bot(settings: Settings) -> None:
    digest, schedule = settings.digest, settings.schedule
    _between("digest.max_stories", digest.max_stories, 1, 50)
    _one_of("digest.when_empty", digest.when_empty, ("skip", "announce"))
    _between("digest.first_hours", digest.first_hours, 1, 24 * 14)
    _between("digest.grace_hours", digest.grace_hours, 0, 24 * 7)
    _between("digest.max_age_hours", digest.max_age_hours, 0, 24 * 365)
    _between("schedule.ingest_minutes", schedule.ingest_minutes, 1, 24 * 60)
    _time_and_zone("schedule", schedule.time, schedule.timezone)
    seen: set[str] = set()
    for number, channel in enumerate(settings.channels, start=1):
        where = f"[[channels]] entry {number}"
        platform = channel.id.split(":", 1)[0]
        if platform not in CHANNEL_PLATFORMS or (platform != "console" and ":" not in channel.id):
            raise ConfigError(
                f"{where}: id must be discord:<channel id>, slack:<channel id> or console, "
                f"not {channel.id!r}."
            )
        _check_channel_number(where, channel.id)
        if channel.id in seen:
            raise ConfigError(f"{where}: channel {channel.id} is listed twice.")
        seen.add(channel.id)
        _time_and_zone(where, channel.time or schedule.time, channel.timezone or schedule.timezone)
    _one_of("discord.shards", settings.discord.shards, ("", "auto"))
    _between("discord.shard_count", settings.discord.shard_count, 0, 100_000)
    _between("discord.digest_rate", settings.discord.digest_rate, 0.1, 50)
    if settings.discord.shard_ids and not settings.discord.shard_count:
        raise ConfigError("discord.shard_ids needs discord.shard_count (the number of shards).")
    for shard in settings.discord.shard_ids:
        _between("discord.shard_ids", shard, 0, max(settings.discord.shard_count - 1, 0))
    _one_of("slack.mode", settings.slack.mode, ("socket", "http"))
    _between("slack.port", settings.slack.port, 1, 65535)
    for key in ("discord.api_base", "discord.gateway_url", "slack.api_base"):
        section, name = key.split(".")
        _check_platform_url(key, getattr(getattr(settings, section), name))
    _check_env_names(settings)


def _check_platform_url(key: str, value: str) -> None:
    """A platform's address: a URL the chat clients can use, never quoted (it may carry a
    proxy's password). The clients refuse a user name or password in it on every call."""
    if not value:
        return
    not_a_url = ConfigError(f"{key} is not a URL (empty means the platform's own).")
    if not value.lower().startswith(("http://", "https://", "ws://", "wss://")):
        raise not_a_url
    try:
        parts = urlsplit(value)
        _ = parts.port  # a port that is not a number, or out of range
    except ValueError:
        raise not_a_url from None
    if "@" in parts.netloc:
        raise ConfigError(
            f"{key} holds a user name or password (user:password@host), which the chat "
            "clients cannot send: give the address without them. If the file has been "
            "shared, change that password."
        )


def _check_env_names(settings: Settings) -> None:
    """Each ``*_env`` key names an environment variable. A token or secret given there
    instead would quietly leave its platform off, or (a hex signing secret is a valid name)
    be shown in the message asking to set that variable: say so, not echoing it."""
    for section in ("discord", "slack", "web"):
        values = getattr(settings, section)
        for spec in fields(values):
            value, key = getattr(values, spec.name), f"{section}.{spec.name}"
            if not spec.name.endswith("_env") or not value:
                continue
            if looks_like_secret(value):  # a signing secret is a valid name: checked first
                raise ConfigError(
                    f"{key} holds what looks like a token or secret. It takes the name of "
                    f"the environment variable that holds it (such as {spec.default}): "
                    "put the secret in that variable, never in the config file, and reset "
                    "it if the file has been shared."
                )
            if ENV_NAME.fullmatch(value):
                continue
            raise ConfigError(
                f"{key} must be the name of an environment variable (letters, digits and _), "
                f"such as {spec.default}."
            )


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("logfmt", "json")
PROXY_HEADERS = ("x-forwarded-for", "forwarded")


def _check_observability(settings: Settings) -> None:
    _one_of("logging.level", settings.logging.level.upper(), LOG_LEVELS)
    _one_of("logging.format", settings.logging.format, LOG_FORMATS)
    _at_least("health.host", len(settings.health.host.strip()), 1, "an address such as 127.0.0.1")
    _between("health.port", settings.health.port, 1, 65535)
    web = settings.web
    _at_least("web.host", len(web.host.strip()), 1, "an address such as 127.0.0.1")
    _between("web.port", web.port, 1, 65535)
    _between("web.session_hours", web.session_hours, 1, 24 * 30)
    _between("web.link_minutes", web.link_minutes, 1, 24 * 60)
    try:
        parse_networks(web.trusted_proxies)
    except ValueError as error:
        raise ConfigError(f"web.trusted_proxies: {error}.") from None
    _one_of("web.proxy_header", web.proxy_header.lower(), PROXY_HEADERS)
    if web.public_url:
        parts = urlsplit(web.public_url)
        web_url = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        if not web_url or "@" in parts.netloc:
            raise ConfigError(
                "web.public_url must be the dashboard's address, such as "
                "https://briefing.example.org (no user name or password)."
            )


def canonical_times(settings: Settings) -> Settings:
    """The checked settings with each digest time as HH:MM and each zone by its IANA name.

    The check accepts what a person types ("8.00", "17h45", "europe/berlin"), but the store
    and the clock read a time and a zone as written: kept loose, such a channel would pass
    the check and then never be due.
    """
    schedule = settings.schedule
    return replace(
        settings,
        schedule=replace(
            schedule,
            time=canonical_time(schedule.time),
            timezone=canonical_zone(schedule.timezone),
        ),
        channels=tuple(
            replace(
                channel,
                time=canonical_time(channel.time),
                timezone=canonical_zone(channel.timezone),
            )
            for channel in settings.channels
        ),
    )


# The ids the platforms give their channels: a Discord channel's snowflake, a Slack
# channel's id as the Web API spells it. Any other spelling (a #name, a space, lower case)
# is a channel no command or event ever names: it would get no digest, or fail at its first.
_CHANNEL_NUMBERS = {
    "discord": (
        re.compile(r"[0-9]+"),
        "a Discord channel id is a number, such as "
        "discord:123456789012345678 (Copy Channel ID in Discord's developer mode)",
    ),
    "slack": (
        re.compile(r"[A-Z0-9]+"),
        "a Slack channel id is capital letters and digits, "
        "such as slack:C0123ABCD (at the bottom of the channel's details)",
    ),
}


def _check_channel_number(where: str, channel_id: str) -> None:
    platform, _, number = channel_id.partition(":")
    if platform in _CHANNEL_NUMBERS:
        form, example = _CHANNEL_NUMBERS[platform]
        if not form.fullmatch(number):
            raise ConfigError(f"{where}: {channel_id!r} is not a channel id: {example}.")


def _time_and_zone(where: str, time_of_day: str, zone: str) -> None:
    try:
        parse_time_of_day(time_of_day)
        parse_timezone(zone)
    except InputError as error:
        raise ConfigError(f"{where}: {error}") from None


def _one_of(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        shown = ", ".join(repr(a) for a in allowed)
        near = did_you_mean(value, [repr(a) for a in allowed if a])
        raise ConfigError(f"{name} must be one of {shown}, not {value!r}{near}.")


def _between(name: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:
        shown = ", not ".join(_number(n) for n in (high, value))
        raise ConfigError(f"{name} must be between {_number(low)} and {shown}.")


def _number(value: float) -> str:
    """``value`` as a person writes it: 100,000,000 rather than 1e+08."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def _at_least(name: str, value: float, low: float, what: str) -> None:
    if value < low:
        raise ConfigError(f"{name} must be {what}.")
