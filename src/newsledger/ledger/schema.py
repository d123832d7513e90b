"""The SQLite schema of the ledger (version 1): tables, indexes for the queries, FTS5, a view.

Column meanings are documented for Datasette in ``data/ledger_metadata.json``; keep the two in
step. The ``watch_*`` tables are what ``newsledger watch`` remembers (they are created in
existing version-1 ledgers when opened for writing: adding tables needs no migration). Article
versions are rows of ``articles`` linked by ``supersedes``; only the latest
version's figures are ``current`` and take part in series.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

# The ledger's tables in load order (a row's references come before it, except the two
# columns ``LATE_COLUMNS`` names), each with its key column: what copying a ledger moves.
TABLES = (("meta", "key"), ("articles", "pk"), ("records", "article_pk"), ("passages", "id"),
          ("series", "id"), ("figures", "id"), ("quotes", "id"), ("sources", "id"),
          ("entities", "id"))
# Columns that point forward or at their own table: copied after every row is in.
LATE_COLUMNS = (("series", "latest_figure"), ("figures", "origin_id"))
# What `newsledger watch` remembers, copied after the ledger proper (not part of its digest),
# each with the column its rows are read in order of.
WATCH_TABLES = (("watch_sources", "source"), ("watch_items", "item"), ("watch_errors", "id"))

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE IF NOT EXISTS articles (
    pk           INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    is_latest    INTEGER NOT NULL DEFAULT 1,
    supersedes   INTEGER REFERENCES articles(pk),
    url          TEXT,
    outlet       TEXT,
    published    TEXT,
    title        TEXT,
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    ingested_at  TEXT NOT NULL,
    UNIQUE (article_id, content_hash)
);
CREATE INDEX IF NOT EXISTS articles_id ON articles(article_id, is_latest);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='pk'
);

CREATE TABLE IF NOT EXISTS records (
    article_pk  INTEGER PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,
    schema      TEXT NOT NULL,
    extractors  TEXT NOT NULL,
    n_errors    INTEGER NOT NULL,
    errors      TEXT NOT NULL,
    json        TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS passages (
    id          INTEGER PRIMARY KEY,
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    sig         BLOB,
    UNIQUE (article_pk, start, "end")
);

CREATE TABLE IF NOT EXISTS series (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    metric           TEXT NOT NULL,
    subject          TEXT NOT NULL,
    place            TEXT,
    cumulative       INTEGER NOT NULL,
    n_points         INTEGER NOT NULL DEFAULT 0,
    n_origins        INTEGER NOT NULL DEFAULT 0,
    n_echo           INTEGER NOT NULL DEFAULT 0,
    n_corroboration  INTEGER NOT NULL DEFAULT 0,
    n_update         INTEGER NOT NULL DEFAULT 0,
    n_revision_down  INTEGER NOT NULL DEFAULT 0,
    n_conflict       INTEGER NOT NULL DEFAULT 0,
    n_outlier        INTEGER NOT NULL DEFAULT 0,
    latest_figure    INTEGER REFERENCES figures(id),
    latest_value     REAL,
    latest_low       REAL,
    latest_high      REAL,
    latest_approx    TEXT,
    latest_date      TEXT,
    latest_claimant  TEXT,
    first_date       TEXT,
    claimants        TEXT NOT NULL DEFAULT '[]',
    outlets          TEXT NOT NULL DEFAULT '[]',
    dirty            INTEGER NOT NULL DEFAULT 1,
    refreshed_at     TEXT
);
CREATE INDEX IF NOT EXISTS series_points ON series(n_points DESC);
CREATE INDEX IF NOT EXISTS series_dirty ON series(dirty) WHERE dirty = 1;

CREATE TABLE IF NOT EXISTS figures (
    id                INTEGER PRIMARY KEY,
    article_pk        INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    idx               INTEGER NOT NULL,
    series_id         TEXT REFERENCES series(id),
    current           INTEGER NOT NULL DEFAULT 1,
    value             REAL,
    low               REAL,
    high              REAL,
    approx            TEXT,
    unit              TEXT,
    counts            TEXT,
    metric            TEXT,
    place             TEXT,
    cumulative        INTEGER,
    claimant          TEXT,
    claimant_name     TEXT,
    claimant_mention  TEXT,
    hedges            TEXT NOT NULL DEFAULT '[]',
    as_of             TEXT,
    date              TEXT,
    span_start        INTEGER NOT NULL,
    span_end          INTEGER NOT NULL,
    span_text         TEXT NOT NULL,
    passage_id        INTEGER REFERENCES passages(id),
    origin_id         INTEGER REFERENCES figures(id),
    ord               INTEGER,
    is_echo           INTEGER NOT NULL DEFAULT 0,
    is_corroboration  INTEGER NOT NULL DEFAULT 0,
    is_update         INTEGER NOT NULL DEFAULT 0,
    is_revision_down  INTEGER NOT NULL DEFAULT 0,
    is_conflict       INTEGER NOT NULL DEFAULT 0,
    is_outlier        INTEGER NOT NULL DEFAULT 0,
    flags             TEXT NOT NULL DEFAULT '[]',
    UNIQUE (article_pk, idx)
);
CREATE INDEX IF NOT EXISTS figures_series ON figures(series_id, current, ord);
CREATE INDEX IF NOT EXISTS figures_claimant ON figures(claimant, series_id, current, ord);
CREATE INDEX IF NOT EXISTS figures_date ON figures(date);

CREATE TABLE IF NOT EXISTS quotes (
    id               INTEGER PRIMARY KEY,
    article_pk       INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    kind             TEXT NOT NULL,
    speaker          TEXT,
    speaker_mention  TEXT,
    cue              TEXT,
    content_start    INTEGER NOT NULL,
    content_end      INTEGER NOT NULL,
    content_text     TEXT NOT NULL,
    confidence       REAL,
    UNIQUE (article_pk, idx)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);

CREATE TABLE IF NOT EXISTS sources (
    id          INTEGER PRIMARY KEY,
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    canonical   TEXT NOT NULL,
    role        TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    UNIQUE (article_pk, idx)
);
CREATE INDEX IF NOT EXISTS sources_name ON sources(canonical, role);
CREATE INDEX IF NOT EXISTS sources_role ON sources(article_pk, role);

CREATE TABLE IF NOT EXISTS entities (
    id          INTEGER PRIMARY KEY,
    article_pk  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    label       TEXT NOT NULL,
    name        TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    UNIQUE (article_pk, idx)
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name, label);

-- What `newsledger watch` remembers (ledger/watchlist.py holds every statement on these).
-- A source is a feed URL, a feed file or a folder; an item is a page URL or a file in it.
CREATE TABLE IF NOT EXISTS watch_sources (
    source         TEXT PRIMARY KEY,
    kind           TEXT NOT NULL,
    title          TEXT,
    added_at       TEXT NOT NULL,
    last_poll      TEXT,
    last_ok        TEXT,
    last_error     TEXT,
    etag           TEXT,
    last_modified  TEXT
);

CREATE TABLE IF NOT EXISTS watch_items (
    source         TEXT NOT NULL REFERENCES watch_sources(source),
    item           TEXT NOT NULL,
    fingerprint    TEXT,
    title          TEXT,
    feed_published TEXT,
    state          TEXT NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 0,
    article_id     TEXT,
    content_hash   TEXT,
    etag           TEXT,
    last_modified  TEXT,
    first_seen     TEXT NOT NULL,
    last_checked   TEXT,
    last_changed   TEXT,
    PRIMARY KEY (source, item)
);
CREATE INDEX IF NOT EXISTS watch_items_state ON watch_items(source, state);
CREATE INDEX IF NOT EXISTS watch_items_changed ON watch_items(last_changed);

CREATE TABLE IF NOT EXISTS watch_errors (
    id       INTEGER PRIMARY KEY,
    source   TEXT NOT NULL REFERENCES watch_sources(source),
    item     TEXT,
    at       TEXT NOT NULL,
    kind     TEXT NOT NULL,
    message  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS watch_errors_source ON watch_errors(source, at);

CREATE VIEW IF NOT EXISTS flag_links AS
    SELECT f.id AS figure_id, f.series_id AS series_id,
           json_extract(j.value, '$.flag') AS flag,
           r.value AS related_figure,
           json_extract(j.value, '$.note') AS note
    FROM figures f, json_each(f.flags) j, json_each(json_extract(j.value, '$.related')) r
    WHERE f.flags != '[]';
"""
