"""The store's schema, as the ordered list of migrations that build it, per backend.

A store records the version of the last migration applied to it; opening one
applies the later migrations in one transaction, so a file written by an older
sayso is upgraded in place and a store from a newer sayso is refused (E031).
Never edit a released migration: add the next one.

Both backends end at the same schema. The tables whose definition is the same
but for column types are written once (:func:`attributions_table`,
``_SPEAKERS_TABLE``, the indexes) and filled in with each backend's :class:`Types`; what
differs for real lives beside them: SQLite reached version 2 from the version 1
files sayso already wrote, with an FTS5 index kept in sync by triggers, while
PostgreSQL stores start at version 2 with a generated ``tsvector`` column.
Version 3, the corpus layer's tables, is one migration written for both.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 3


@dataclass(frozen=True)
class Migration:
    """One step of the schema: the statements that take a store from ``version - 1`` to ``version``."""

    version: int
    name: str
    statements: tuple[str, ...]


@dataclass(frozen=True)
class Types:
    """A backend's column types for the parts of the schema both share."""

    key: str  # an auto-numbered primary key
    json: str
    flag: str  # a boolean


SQLITE_TYPES = Types(key="INTEGER PRIMARY KEY", json="TEXT", flag="INTEGER")
POSTGRES_TYPES = Types(key="bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY", json="jsonb", flag="boolean")


def attributions_table(name: str, types: Types, extra: str = "") -> str:
    """One row per attribution: its record's fields as columns, and the record itself as JSON.

    ``hedged``, the span texts and the speaker columns are copies of what
    ``record_json`` holds, kept as columns so that filters and the full-text
    index can use them.
    """
    return f"""CREATE TABLE {name} (
        id {types.key},
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        speaker TEXT,
        speaker_type TEXT NOT NULL,
        speaker_role TEXT,
        channel_type TEXT NOT NULL,
        channel_outlet TEXT,
        hedged {types.flag} NOT NULL,
        hedges {types.json} NOT NULL,
        source_spans {types.json} NOT NULL,
        cue_spans {types.json} NOT NULL,
        content_spans {types.json} NOT NULL,
        source_text TEXT NOT NULL,
        cue_text TEXT NOT NULL,
        content_text TEXT NOT NULL,
        confidence REAL NOT NULL,
        record_json {types.json} NOT NULL,{extra}
        UNIQUE (article_id, idx)
    )"""


# Each named speaker of an article once, with how often they are quoted there.
# ``speaker_type`` and ``speaker_role`` are those of the speaker's first
# attribution in the article that has one; anonymous sources are left out.
_SPEAKERS_TABLE = """CREATE TABLE article_speakers (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker TEXT NOT NULL,
    speaker_type TEXT NOT NULL,
    speaker_role TEXT,
    count INTEGER NOT NULL,
    PRIMARY KEY (article_id, speaker)
)"""

_INDEXES = (
    "CREATE INDEX articles_doc_id ON articles (doc_id)",
    "CREATE INDEX articles_published ON articles (published)",
    "CREATE INDEX articles_outlet ON articles (lower(outlet))",
    "CREATE INDEX attributions_speaker ON attributions (speaker)",
    "CREATE INDEX article_speakers_speaker ON article_speakers (speaker)",
    "CREATE UNIQUE INDEX errors_origin_reason ON errors (origin, reason)",
)

_SQLITE_V1 = Migration(1, "articles, attributions and errors", (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        doc_id TEXT,
        origin TEXT,
        text TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
    """CREATE TABLE attributions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        kind TEXT,
        speaker TEXT,
        speaker_type TEXT,
        speaker_role TEXT,
        channel_type TEXT,
        channel_outlet TEXT,
        content_text TEXT,
        record_json TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
    """CREATE TABLE errors (
        origin TEXT NOT NULL,
        reason TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
))

# FTS5 over an external content table: the index holds no copy of the text, and
# the triggers keep it in step with every insert, delete and update.
_SQLITE_FTS = (
    """CREATE VIRTUAL TABLE attributions_fts USING fts5(
        content_text, speaker, content='attributions', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
        INSERT INTO attributions_fts (rowid, content_text, speaker) VALUES (new.id, new.content_text, new.speaker);
    END""",
    """CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
        INSERT INTO attributions_fts (attributions_fts, rowid, content_text, speaker)
        VALUES ('delete', old.id, old.content_text, old.speaker);
    END""",
    """CREATE TRIGGER attributions_fts_update AFTER UPDATE ON attributions BEGIN
        INSERT INTO attributions_fts (attributions_fts, rowid, content_text, speaker)
        VALUES ('delete', old.id, old.content_text, old.speaker);
        INSERT INTO attributions_fts (rowid, content_text, speaker) VALUES (new.id, new.content_text, new.speaker);
    END""",
    "INSERT INTO attributions_fts (attributions_fts) VALUES ('rebuild')",
)

# Version 1 files keep their rows: the new attribution columns are read out of
# each stored record, speakers are counted from them, and repeated errors kept once.
_SQLITE_V2 = Migration(2, "article metadata, attribution spans, speakers, full-text search", (
    "ALTER TABLE articles ADD COLUMN url TEXT",
    "ALTER TABLE articles ADD COLUMN title TEXT",
    "ALTER TABLE articles ADD COLUMN outlet TEXT",
    "ALTER TABLE articles ADD COLUMN published TEXT",
    "ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]'",
    attributions_table("attributions_v2", SQLITE_TYPES),
    """INSERT INTO attributions_v2 (
        article_id, idx, kind, speaker, speaker_type, speaker_role, channel_type, channel_outlet,
        hedged, hedges, source_spans, cue_spans, content_spans, source_text, cue_text, content_text,
        confidence, record_json)
    SELECT article_id, idx, kind, speaker, speaker_type, speaker_role, channel_type, channel_outlet,
        json_array_length(record_json, '$.hedges') > 0, json_extract(record_json, '$.hedges'),
        json_extract(record_json, '$.source'), json_extract(record_json, '$.cue'),
        json_extract(record_json, '$.content'), json_extract(record_json, '$.text.source'),
        json_extract(record_json, '$.text.cue'), content_text,
        json_extract(record_json, '$.confidence'), record_json
    FROM attributions ORDER BY article_id, idx""",
    "DROP TABLE attributions",
    "ALTER TABLE attributions_v2 RENAME TO attributions",
    _SPEAKERS_TABLE,
    """INSERT INTO article_speakers (article_id, speaker, speaker_type, speaker_role, count)
    SELECT article_id, speaker,
        (SELECT b.speaker_type FROM attributions b WHERE b.article_id = a.article_id
         AND b.speaker = a.speaker ORDER BY b.idx LIMIT 1),
        (SELECT b.speaker_role FROM attributions b WHERE b.article_id = a.article_id
         AND b.speaker = a.speaker AND b.speaker_role IS NOT NULL ORDER BY b.idx LIMIT 1),
        count(*)
    FROM attributions a WHERE speaker IS NOT NULL GROUP BY article_id, speaker""",
    "DELETE FROM errors WHERE rowid NOT IN (SELECT max(rowid) FROM errors GROUP BY origin, reason)",
    *_INDEXES,
    *_SQLITE_FTS,
))

_POSTGRES_V2 = Migration(2, "articles, attributions with full-text search, speakers, errors", (
    "CREATE TABLE sayso_schema (version integer NOT NULL)",
    "INSERT INTO sayso_schema (version) VALUES (0)",
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        doc_id TEXT,
        origin TEXT,
        text TEXT NOT NULL,
        created timestamptz NOT NULL,
        url TEXT,
        title TEXT,
        outlet TEXT,
        published timestamptz,
        authors jsonb NOT NULL DEFAULT '[]'
    )""",
    # English stemming without a stop-word list, as FTS5's porter tokenizer does, so
    # that a query means the same on both backends: every word in it must occur.
    "CREATE TEXT SEARCH DICTIONARY sayso_english (TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION sayso_english (COPY = english)",
    """ALTER TEXT SEARCH CONFIGURATION sayso_english
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH sayso_english""",
    attributions_table("attributions", POSTGRES_TYPES, extra="""
        search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('sayso_english', content_text), 'A')
            || setweight(to_tsvector('sayso_english', coalesce(speaker, '')), 'B')
        ) STORED,"""),
    _SPEAKERS_TABLE,
    """CREATE TABLE errors (
        origin TEXT NOT NULL,
        reason TEXT NOT NULL,
        created timestamptz NOT NULL
    )""",
    *_INDEXES,
    "CREATE INDEX attributions_search ON attributions USING gin (search)",
))


def _corpus_migration(types: Types) -> Migration:
    """Version 3: the corpus layer's tables, the same on both backends.

    ``relays`` are read from each article as it is stored. The others are the
    corpus index (:mod:`sayso.corpus.index`), derived from all stored
    attributions and replaced as a whole whenever it is rebuilt, except
    ``curation``, the user's decisions that every rebuild replays. Days are ISO
    ``YYYY-MM-DD`` text, so both backends read them back alike.
    """
    return Migration(3, "relays, speaker registry, curation, quote clusters", (
        """CREATE TABLE relays (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            position INTEGER NOT NULL,
            item TEXT NOT NULL,
            step TEXT NOT NULL,
            name TEXT,
            mention TEXT,
            role TEXT,
            platform TEXT,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (article_id, idx, position)
        )""",
        f"""CREATE TABLE corpus_speakers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            speaker_type TEXT NOT NULL,
            gender TEXT,
            mentions INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            curated {types.flag} NOT NULL
        )""",
        f"""CREATE TABLE speaker_aliases (
            speaker_id TEXT NOT NULL REFERENCES corpus_speakers(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            full_name {types.flag} NOT NULL,
            mentions INTEGER NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            PRIMARY KEY (speaker_id, alias)
        )""",
        """CREATE TABLE speaker_roles (
            speaker_id TEXT NOT NULL REFERENCES corpus_speakers(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            PRIMARY KEY (speaker_id, role)
        )""",
        "CREATE TABLE speaker_redirects (old_id TEXT PRIMARY KEY, speaker_id TEXT NOT NULL)",
        """CREATE TABLE attribution_speakers (
            article_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            speaker_id TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""",
        f"""CREATE TABLE curation (
            seq {types.key},
            op TEXT NOT NULL,
            target TEXT NOT NULL,
            name TEXT NOT NULL,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE quote_clusters (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            first_article_id TEXT NOT NULL,
            first_idx INTEGER,
            first_outlet TEXT,
            first_published TEXT,
            outlets INTEGER NOT NULL,
            quotes INTEGER NOT NULL
        )""",
        """CREATE TABLE cluster_quotes (
            cluster_id TEXT NOT NULL REFERENCES quote_clusters(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""",
        # One row once the index is built: what the store held then, so a run that
        # stored nothing new can tell whether the index still lags behind.
        """CREATE TABLE corpus_index_state (
            articles INTEGER NOT NULL,
            attributions INTEGER NOT NULL,
            curation INTEGER NOT NULL,
            built TEXT NOT NULL
        )""",
        "CREATE INDEX speaker_aliases_alias ON speaker_aliases (lower(alias))",
        "CREATE INDEX attribution_speakers_speaker ON attribution_speakers (speaker_id)",
        "CREATE INDEX cluster_quotes_cluster ON cluster_quotes (cluster_id)",
        "CREATE INDEX quote_clusters_outlets ON quote_clusters (outlets)",
    ))


# The tables the corpus index fills and their columns, in the order a rebuild
# writes them (it empties them in the reverse order).
CORPUS_INDEX_COLUMNS: dict[str, tuple[str, ...]] = {
    "corpus_speakers": ("id", "name", "speaker_type", "gender", "mentions", "articles", "first_seen", "last_seen",
                        "curated"),
    "speaker_aliases": ("speaker_id", "alias", "full_name", "mentions", "first_seen", "last_seen"),
    "speaker_roles": ("speaker_id", "role", "mentions", "first_seen", "last_seen"),
    "speaker_redirects": ("old_id", "speaker_id"),
    "attribution_speakers": ("article_id", "idx", "speaker_id"),
    "quote_clusters": ("id", "text", "first_article_id", "first_idx", "first_outlet", "first_published", "outlets",
                       "quotes"),
    "cluster_quotes": ("cluster_id", "article_id", "idx", "text"),
}

MIGRATIONS: dict[str, tuple[Migration, ...]] = {
    "sqlite": (_SQLITE_V1, _SQLITE_V2, _corpus_migration(SQLITE_TYPES)),
    "postgresql": (_POSTGRES_V2, _corpus_migration(POSTGRES_TYPES)),
}
