"""The database schema as an ordered list of migrations (``migrate.py`` applies them).

``MIGRATIONS[n]`` turns a schema-``n`` database into a schema-``n + 1`` one. The
version lives in ``schema_version`` (one row). Never edit a migration that has
shipped: append a new one.

Times are UTC ISO-8601 text (see ``times.py``); JSON columns hold arrays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from summaries.store import folding_schema
from summaries.store.connection import Connection

# 1: sources, articles, their full-text index and the vocabulary of prefix search.
_CORE = """
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    url             TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('feed', 'page', 'folder')),
    name            TEXT,
    added_at        TEXT NOT NULL,
    added_by        TEXT,
    enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    etag            TEXT,
    last_modified   TEXT,
    last_fetched_at TEXT,
    last_ok_at      TEXT,
    last_error      TEXT,
    failures        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    url          TEXT UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    source_id    INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    source_name  TEXT,
    author       TEXT,
    image        TEXT,
    published_at TEXT,
    fetched_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    text         TEXT NOT NULL,
    briefing     TEXT NOT NULL CHECK (json_valid(briefing) AND json_type(briefing) = 'array'),
    method       TEXT NOT NULL,
    story_id     INTEGER
);
CREATE INDEX articles_by_story ON articles (story_id) WHERE story_id IS NOT NULL;
CREATE INDEX articles_by_source ON articles (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX articles_by_fetched ON articles (fetched_at);

-- External content: the index holds no second copy of the text; triggers keep it in step.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, briefing,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Every word of every article once (see vocabulary.py): prefix terms expand through it.
CREATE TABLE words (
    word TEXT PRIMARY KEY,
    docs INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text, briefing)
    VALUES (new.id, new.title, new.text, new.briefing);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, briefing)
    VALUES ('delete', old.id, old.title, old.text, old.briefing);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, briefing ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, briefing)
    VALUES ('delete', old.id, old.title, old.text, old.briefing);
    INSERT INTO articles_fts (rowid, title, text, briefing)
    VALUES (new.id, new.title, new.text, new.briefing);
END;
"""

# 2: chat channels' settings and the record of what was posted where (used by later issues).
_CHANNELS = """
CREATE TABLE channels (
    id             TEXT PRIMARY KEY,          -- platform:native id, e.g. 'discord:123'
    platform       TEXT NOT NULL,
    name           TEXT,
    topics         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(topics)),
    digest_time    TEXT CHECK (digest_time IS NULL OR digest_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    timezone       TEXT NOT NULL DEFAULT 'UTC',
    paused         INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    last_digest_at TEXT
);

CREATE TABLE digests (
    id          INTEGER PRIMARY KEY,
    channel_id  TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    period      TEXT NOT NULL,
    story_ids   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(story_ids)),
    recorded_at TEXT NOT NULL,
    sent_at     TEXT
);
CREATE INDEX digests_by_channel ON digests (channel_id, recorded_at);

CREATE TABLE posted (
    channel_id TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL,
    digest_id  INTEGER REFERENCES digests (id) ON DELETE SET NULL,
    posted_at  TEXT NOT NULL,
    PRIMARY KEY (channel_id, story_id)
);
CREATE INDEX posted_by_digest ON posted (digest_id) WHERE digest_id IS NOT NULL;
"""

# 3: what config.toml last said about a channel (so a later command's change is kept until
# the file changes), one digest per channel and period, and why a post failed (given up
# when retrying cannot help, e.g. no permission to post).
_DIGEST_ONCE = """
ALTER TABLE channels ADD COLUMN configured TEXT;
ALTER TABLE digests ADD COLUMN error TEXT;
ALTER TABLE digests ADD COLUMN gave_up_at TEXT;
CREATE UNIQUE INDEX digests_once ON digests (channel_id, period);
CREATE INDEX digests_unsent ON digests (recorded_at) WHERE sent_at IS NULL AND gave_up_at IS NULL;
"""

# 4: the other addresses an article was fetched from (a feed link whose page declares
# another canonical URL), so ingest does not fetch that page again (see aliases.py). The
# index serves the cascade when an article is deleted.
_LINK_ALIASES = """
CREATE TABLE link_aliases (
    link       TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX link_aliases_by_article ON link_aliases (article_id);
"""

# 5: tenants (a Discord server, a Slack workspace, the console) and their subscriptions.
# A source is stored and fetched once however many tenants follow it; ``operator`` marks
# the operator's own sources (config.toml, the command line), which every tenant sees by
# default: all sources of an older database are the operator's, so nothing it reads
# disappears. An article may reach the store through several sources (the same story in
# two feeds); ``article_sources`` records each, so each tenant sees what its sources carry.
_TENANCY = """
ALTER TABLE sources ADD COLUMN operator INTEGER NOT NULL DEFAULT 1 CHECK (operator IN (0, 1));
ALTER TABLE channels ADD COLUMN tenant_id TEXT;
CREATE INDEX channels_by_tenant ON channels (tenant_id) WHERE tenant_id IS NOT NULL;

CREATE TABLE tenants (
    id           TEXT PRIMARY KEY,      -- 'discord:<guild id>', 'slack:<team id>', 'console'
    name         TEXT,
    seen_at      TEXT NOT NULL,
    left_at      TEXT,                  -- the bot was removed; forgotten after a grace period
    adds_window  TEXT,                  -- the hour in which ``adds`` sources add were asked
    adds         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE subscriptions (
    tenant_id TEXT NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    added_at  TEXT NOT NULL,
    added_by  TEXT,
    PRIMARY KEY (tenant_id, source_id)
) WITHOUT ROWID;
CREATE INDEX subscriptions_by_source ON subscriptions (source_id);

CREATE TABLE article_sources (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, source_id)
) WITHOUT ROWID;
CREATE INDEX article_sources_by_source ON article_sources (source_id);
INSERT INTO article_sources (article_id, source_id)
    SELECT id, source_id FROM articles WHERE source_id IS NOT NULL;
"""

# 6: articles by their time (published, else fetched), which story grouping compares by:
# ingest reads the articles published around a new one, however long ago they came in.
_STORY_TIME = """
CREATE INDEX articles_by_time ON articles (coalesce(published_at, fetched_at));
"""

# 7: one-time admin links for the dashboard (``briefing web-link``). Only a hash of each
# link's secret is kept; a link is used once (``used_at``) and only until ``expires_at``.
_WEB_LINKS = """
CREATE TABLE web_links (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
) WITHOUT ROWID;
"""

# 8: languages. A source may declare the language of its articles; each article keeps the
# language it was read in. Chinese and Japanese put no spaces between words, which the
# index's tokenizer needs: ``search_terms`` holds the overlapping character pairs of such
# text (see summaries/cjk.py), indexed as a fourth column, so a word of two or more
# characters is found as the phrase of its pairs. The index is made again with that column.
_LANGUAGES = """
ALTER TABLE sources ADD COLUMN language TEXT;
ALTER TABLE articles ADD COLUMN language TEXT;
ALTER TABLE articles ADD COLUMN search_terms TEXT NOT NULL DEFAULT '';

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, briefing, search_terms,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text, briefing, search_terms)
    VALUES (new.id, new.title, new.text, new.briefing, new.search_terms);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, briefing, search_terms)
    VALUES ('delete', old.id, old.title, old.text, old.briefing, old.search_terms);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, briefing, search_terms
ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, briefing, search_terms)
    VALUES ('delete', old.id, old.title, old.text, old.briefing, old.search_terms);
    INSERT INTO articles_fts (rowid, title, text, briefing, search_terms)
    VALUES (new.id, new.title, new.text, new.briefing, new.search_terms);
END;

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
"""

# 9: story briefings. A story told by several outlets gets its own briefing at ingest (see
# summaries/story_briefing.py): its sentences as a JSON array of [article id, sentence]
# pairs. The outlet is read from the article when the story is shown.
_STORY_BRIEFINGS = """
CREATE TABLE story_briefings (
    story_id   INTEGER PRIMARY KEY,
    sentences  TEXT NOT NULL CHECK (json_valid(sentences) AND json_type(sentences) = 'array'),
    updated_at TEXT NOT NULL
);
"""

# 10: the hash of the slash commands last registered with Discord, per application (see
# bot/discord/sync.py). The bot made this table itself before, so it may be there already.
_COMMAND_SYNC = """
CREATE TABLE IF NOT EXISTS discord_command_sync (
    application_id TEXT PRIMARY KEY,
    payload_hash   TEXT NOT NULL,
    synced_at      TEXT NOT NULL
);
"""


# 11: the schedule is data. ``next_run_at`` is when the channel's digest is next due (UTC;
# NULL: no schedule, paused, or an unusable one); a tick of any process claims the due ones
# (see claims.py). A claim records the digest at once, before its stories are chosen
# (``composed`` = 0), under the (channel, period) key; ``lease_until`` is how long the
# process that claimed it has to post it before another may. The old APScheduler job store
# goes: each job's next run time becomes its channel's, so a digest missed while the bot
# was down across the upgrade is still caught up (see ``fill_next_runs``).
_SCHEDULE_AS_DATA = """
ALTER TABLE channels ADD COLUMN next_run_at TEXT;
CREATE INDEX channels_due ON channels (next_run_at) WHERE next_run_at IS NOT NULL;
ALTER TABLE digests ADD COLUMN composed INTEGER NOT NULL DEFAULT 1 CHECK (composed IN (0, 1));
ALTER TABLE digests ADD COLUMN lease_until TEXT;
"""

# 12: the posting budget shared by every process (posting_budget.py, replaced in 13): a
# token bucket per row; times in seconds since the epoch, on the database's clock.
_POSTING_BUDGET = """
CREATE TABLE posting_budget (
    name         TEXT PRIMARY KEY,
    tokens       REAL NOT NULL,
    taken        REAL NOT NULL DEFAULT 0,
    refreshed_at REAL NOT NULL
);
"""

# 13: the posting budget becomes slots (see posting_slots.py): a post holds one from before
# it is sent until its answer, and the slot is free again a second later. The token bucket
# of 12 goes.
_POSTING_SLOTS = """
CREATE TABLE posting_slots (
    name    TEXT NOT NULL,
    slot    INTEGER NOT NULL,
    free_at REAL NOT NULL,
    PRIMARY KEY (name, slot)
);
DROP TABLE posting_budget;
"""

# 14: PostgreSQL's search index by block of ids (see postgres_schema); nothing to change
# in SQLite, whose FTS5 index walks its matches newest first by itself.
_SEARCH_BY_BLOCK = "-- nothing on SQLite"

# 15: the addresses sources had before they moved for good (301 / 308): a source is still
# found by the address it was added or followed under.
_SOURCE_MOVES = """
CREATE TABLE source_moves (
    url       TEXT PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX source_moves_by_source ON source_moves (source_id);
"""

# 16: the dashboard's sessions that were signed out, until their cookies would have expired
# anyway: a copy of a signed-out cookie stays signed out after a restart.
_WEB_SIGN_OUTS = """
CREATE TABLE web_sign_outs (
    session_id TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;
"""

# 17: every source's address in the one spelling it is stored under (see
# summaries/source_address.py), so a source is found by an indexed match of that spelling.
# A source whose address another source already holds in that spelling keeps its own (two
# sources of one feed, a person's to merge: ``briefing doctor`` names them); the spelling it
# would have is recorded here (see ``respell_sources``).
_SOURCE_SPELLINGS = """
CREATE TABLE source_spellings (
    source_id INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    url       TEXT NOT NULL
);
CREATE INDEX source_spellings_by_url ON source_spellings (url);
"""


# 18: ids never given twice (AUTOINCREMENT) for sources and digest records: tables rebuilt
# by SQLite's own procedure, with foreign keys off (see rebuild.py).
_NEVER_REUSED_IDS = "-- the tables are rebuilt by never_reused_ids"

# 22: the feed entries read that hold no article text (a video without a description, a
# one-word post, a picture: see textless.py), each as it was when read, so a later read
# passes over it without fetching its page while it stays as it was.
TEXTLESS_ENTRIES = """
CREATE TABLE IF NOT EXISTS textless_entries (
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    entry     TEXT NOT NULL,
    version   TEXT NOT NULL,
    read_at   TEXT NOT NULL,
    PRIMARY KEY (source_id, entry)
) WITHOUT ROWID;
"""


# 23: what was posted is found by story too, so an update asks at the cost of an indexed
# look-up whether its story has gone out anywhere (``digests.is_out``), however long the
# record of what was posted has grown. (IF NOT EXISTS: a database set back to an older
# version number, as the upgrade tests do, may have it already.)
POSTED_BY_STORY = "CREATE INDEX IF NOT EXISTS posted_by_story ON posted (story_id);"


# 25: the feed entries whose page answered that it is not there (404, 410): since when,
# and whether the last read answered so (see textless.py).
MISSING_PAGES = """
CREATE TABLE IF NOT EXISTS missing_pages (
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    entry     TEXT NOT NULL,
    version   TEXT NOT NULL,
    missing_at TEXT NOT NULL,
    in_row    INTEGER NOT NULL,
    PRIMARY KEY (source_id, entry)
) WITHOUT ROWID;
"""

# 27: the article each feed entry was stored as, by the entry's id (guid), so an entry
# whose link changes moves its article to the new address instead of being stored again.
ENTRY_ARTICLES = """
CREATE TABLE IF NOT EXISTS entry_articles (
    source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    entry      TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (source_id, entry)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entry_articles_by_article ON entry_articles (article_id);
"""


@dataclass(frozen=True)
class Migration:
    """A migration with a data step that SQL alone cannot do, run in the same transaction.
    ``foreign_keys_off``: SQLite's foreign keys are off while it runs (a table rebuilt),
    and checked before the commit."""

    sql: str
    then: Callable[[Connection], None]
    foreign_keys_off: bool = False


def fill_next_runs(conn: Connection) -> None:
    from summaries.store.channels import fill_next_runs  # the store's own rule, not a copy

    fill_next_runs(conn)


def respell_sources(conn: Connection) -> None:
    from summaries.store.sources import respell_sources  # the store's own rule, not a copy

    respell_sources(conn)


def never_reused_ids(conn: Connection) -> None:
    from summaries.store import rebuild

    rebuild.never_reused_ids(conn)


MIGRATIONS: list[str | Migration] = [
    _CORE,
    _CHANNELS,
    _DIGEST_ONCE,
    _LINK_ALIASES,
    _TENANCY,
    _STORY_TIME,
    _WEB_LINKS,
    _LANGUAGES,
    _STORY_BRIEFINGS,
    _COMMAND_SYNC,
    Migration(_SCHEDULE_AS_DATA, fill_next_runs),
    _POSTING_BUDGET,
    _POSTING_SLOTS,
    _SEARCH_BY_BLOCK,
    _SOURCE_MOVES,
    _WEB_SIGN_OUTS,
    Migration(_SOURCE_SPELLINGS, respell_sources),
    Migration(_NEVER_REUSED_IDS, never_reused_ids, foreign_keys_off=True),
    Migration(folding_schema.SQLITE, folding_schema.refold_words),  # 19: see folding_schema
    folding_schema.SQLITE_VIEW,  # 20: the body is not folded for each search's candidates
    Migration(folding_schema.SQLITE_REINDEX, folding_schema.recount_words),  # 21: new fold
    TEXTLESS_ENTRIES,  # 22
    POSTED_BY_STORY,  # 23
    Migration(folding_schema.KANA_PAIRED, folding_schema.pair_half_width_kana),  # 24: ｶﾀｶﾅ
    MISSING_PAGES,  # 25
    Migration(folding_schema.SHARP_S, folding_schema.reindex_sharp_s),  # 26: ß is ss
    ENTRY_ARTICLES,  # 27
]
SCHEMA_VERSION = len(MIGRATIONS)
