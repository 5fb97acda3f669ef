"""The search index's schema: the FTS5 table over the articles, its key and facet columns, the triggers
that keep it in step, and the statements that rebuild it (migrations in clipper.store.schema)."""

from __future__ import annotations

import logging

import sqlite_utils

logger = logging.getLogger(__name__)

FTS_TOKENIZE = "unicode61 remove_diacritics 2"

# The full-text index `search_fts` (FTS5, external content) reads its columns from the view
# `search_content`, which joins each article with its row in `search_docs`:
#   key       the FTS rowid: (days since 1970-01-01 of articles.day) << 32 | articles.id, so
#             rowid order is date order and a date range is a rowid range FTS5 can seek;
#   stems     the PySastrawi roots of the words of title, summary, tags and text whose root
#             differs from the word ("penelitian" → "teliti"); computed in Python, so it is
#             filled after the insert (`pending` = 1 until clipper.store.searching.index_pending ran);
#   facets    internal filter tokens (status, tone, media, topics, tags, editions), so every
#             filter is one more term of the same MATCH: FTS5 intersects the lists itself.
#             Stored, not computed in the view: FTS5 reads its content with statements that
#             may not use virtual tables (json_each), so triggers compute it.
# Triggers keep the index in step with articles, search_docs and edition_articles: a change
# deletes the old entry (BEFORE, the view still shows the old values) and inserts the new one.
FTS_COLUMNS = ("title", "text", "summary", "tags", "media", "stems", "facets")
DAY_SHIFT = 32
KEY_SQL = "((coalesce(cast(julianday({r}.day) - 2440587.5 as integer), 0) << 32) | {r}.id)"

# Changes to these article columns change what is indexed.
INDEXED_COLUMNS = ("title", "text", "summary", "tags", "media", "status", "tone", "tone_suggested",
                   "topics", "day")
TEXT_COLUMNS = ("title", "text", "summary", "tags")  # the ones the stems are made of


def _json_tokens(column: str, prefix: str) -> str:
    source = f"case when json_valid(a.{column}) then a.{column} else '[]' end"
    return (f"coalesce((select group_concat(' ' || {_MARK} || '{prefix}' || hex(lower(value)), '') "
            f"from json_each({source})), '')")


# Facet tokens start with U+E000 (match.FACET_MARK, a private-use character): unicode61 keeps it
# inside the token, and a typed query can never contain it (clipper.textnorm splits words there),
# so the user's words need no column filter and never meet a facet.
_MARK = "char(57344)"
FACETS_SQL = (
    f"{_MARK} || 'xa ' || {_MARK} || 'xs' || hex(lower(a.status))"
    f" || ' ' || {_MARK} || 'xo' || hex(lower(coalesce(nullif(a.tone, ''), a.tone_suggested, '')))"
    f" || ' ' || {_MARK} || 'xm' || hex(lower(a.media))"
    f" || {_json_tokens('topics', 'xt')} || {_json_tokens('tags', 'xg')}"
    f" || coalesce((select group_concat(' ' || {_MARK} || 'xe' || e.edition_id, '') from edition_articles e"
    " where e.article_id = a.id), '')"
    " || case when exists (select 1 from edition_articles e where e.article_id = a.id)"
    f" then ' ' || {_MARK} || 'xp' else '' end"
)

_COLS = ", ".join(FTS_COLUMNS)
_VIEW_COLS = ", ".join(f"c.{c}" for c in FTS_COLUMNS)


def _facets_of(article_id: str) -> str:
    return f"(select {FACETS_SQL} from articles a where a.id = {article_id})"


def _fts_delete(where: str) -> str:
    return (f"insert into search_fts(search_fts, rowid, {_COLS}) "
            f"select 'delete', c.key, {_VIEW_COLS} from search_content c where {where};")


def _fts_insert(where: str) -> str:
    return f"insert into search_fts(rowid, {_COLS}) select c.key, {_VIEW_COLS} from search_content c where {where};"


def _changed(columns: tuple[str, ...]) -> str:
    return " or ".join(f"old.{c} is not new.{c}" for c in columns)


def _trigger_sql() -> list[str]:
    cols = ", ".join(INDEXED_COLUMNS)
    changed = _changed(INDEXED_COLUMNS)
    key = KEY_SQL.format(r="new")
    return [
        f"""create trigger search_articles_ai after insert on articles begin
            insert into search_docs(key, article_id, facets, stems, pending)
                values ({key}, new.id, {_facets_of('new.id')},
                        (select stems from search_stems_inbox where url_key = new.url_key),
                        not exists (select 1 from search_stems_inbox where url_key = new.url_key));
            delete from search_stems_inbox where url_key = new.url_key;
            {_fts_insert('c.article_id = new.id')}
        end""",
        f"""create trigger search_articles_bu before update of {cols} on articles when {changed} begin
            {_fts_delete('c.article_id = old.id')}
        end""",
        f"""create trigger search_articles_au after update of {cols} on articles when {changed} begin
            update search_docs set key = {key}, facets = {_facets_of('new.id')},
                pending = case when {_changed(TEXT_COLUMNS)} then 1 else pending end
                where article_id = new.id;
            {_fts_insert('c.article_id = new.id')}
        end""",
        f"""create trigger search_articles_bd before delete on articles begin
            {_fts_delete('c.article_id = old.id')}
            delete from search_docs where article_id = old.id;
        end""",
        f"""create trigger search_docs_bu before update of stems on search_docs
            when old.stems is not new.stems begin
            {_fts_delete('c.key = old.key')}
        end""",
        f"""create trigger search_docs_au after update of stems on search_docs
            when old.stems is not new.stems begin
            {_fts_insert('c.key = new.key')}
        end""",
        f"""create trigger search_edition_articles_bi before insert on edition_articles begin
            {_fts_delete('c.article_id = new.article_id')}
        end""",
        f"""create trigger search_edition_articles_ai after insert on edition_articles begin
            update search_docs set facets = {_facets_of('new.article_id')} where article_id = new.article_id;
            {_fts_insert('c.article_id = new.article_id')}
        end""",
        f"""create trigger search_edition_articles_bd before delete on edition_articles begin
            {_fts_delete('c.article_id = old.article_id')}
        end""",
        f"""create trigger search_edition_articles_ad after delete on edition_articles begin
            update search_docs set facets = {_facets_of('old.article_id')} where article_id = old.article_id;
            {_fts_insert('c.article_id = old.article_id')}
        end""",
        f"""create trigger search_editions_ai after insert on editions when new.content is not null begin
            {_EDITION_ITEMS}
        end""",
        f"""create trigger search_editions_au after update of content on editions
            when old.content is not new.content begin
            delete from edition_articles where edition_id = new.id;
            {_EDITION_ITEMS}
        end""",
        """create trigger search_editions_ad after delete on editions begin
            delete from edition_articles where edition_id = old.id;
        end""",
    ]


# The article ids listed in an edition's frozen content (sections → items → article_id).
_EDITION_ITEMS = """insert into edition_articles(edition_id, article_id)
    select distinct new.id, json_extract(i.value, '$.article_id')
    from json_each(case when json_valid(new.content) then new.content else '{}' end, '$.sections') s,
         json_each(s.value, '$.items') i
    where json_extract(i.value, '$.article_id') is not null;"""

TRIGGERS = ("search_articles_ai", "search_articles_bu", "search_articles_au", "search_articles_bd",
            "search_docs_bu", "search_docs_au", "search_edition_articles_bi",
            "search_edition_articles_ai", "search_edition_articles_bd", "search_edition_articles_ad",
            "search_editions_ai", "search_editions_au", "search_editions_ad")


def create_triggers(db: sqlite_utils.Database) -> None:
    """Create the triggers that keep the search index in step (idempotent)."""
    drop_triggers(db)
    for sql in _trigger_sql():
        db.execute(sql)


def drop_triggers(db: sqlite_utils.Database) -> None:
    """Drop the search triggers (a bulk load drops them, then rebuilds the index)."""
    for name in TRIGGERS:
        db.execute(f"drop trigger if exists {name}")


def fill_search_docs(db: sqlite_utils.Database) -> None:
    """Give every article without one its search_docs row (stems pending)."""
    db.execute(f"insert into search_docs(key, article_id, facets, stems, pending) "
               f"select {KEY_SQL.format(r='a')}, a.id, {FACETS_SQL}, null, 1 from articles a "
               f"where not exists (select 1 from search_docs d where d.article_id = a.id)")


def fill_edition_articles(db: sqlite_utils.Database) -> None:
    """List again the articles of every final edition (from their frozen content)."""
    db.execute("delete from edition_articles")
    db.execute("insert into edition_articles(edition_id, article_id) "
               "select distinct e.id, json_extract(i.value, '$.article_id') from editions e, "
               "json_each(case when json_valid(e.content) then e.content else '{}' end, '$.sections') s, "
               "json_each(s.value, '$.items') i where json_extract(i.value, '$.article_id') is not null")


def refresh_search_docs(db: sqlite_utils.Database) -> None:
    """Recompute every article's key and facets (after damage; triggers off or index rebuilt after)."""
    db.execute("delete from search_docs where article_id not in (select id from articles)")
    db.execute(f"update search_docs set key = (select {KEY_SQL.format(r='a')} from articles a "
               f"where a.id = search_docs.article_id), facets = (select {FACETS_SQL} from articles a "
               f"where a.id = search_docs.article_id)")
    fill_search_docs(db)


def rebuild_fts(db: sqlite_utils.Database) -> None:
    """Rebuild the whole full-text index from the articles (FTS5 'rebuild')."""
    db.execute("insert into search_fts(search_fts) values('rebuild')")


def create_index(db: sqlite_utils.Database) -> None:
    """The archive search index: search_docs, edition_articles, the search_fts index, triggers.

    Replaces the core's articles_fts (title and text only, re-indexed on every update).
    """
    if "articles_fts" in db.table_names():
        db["articles"].disable_fts()
    db.execute("create table search_docs (key integer primary key, article_id integer not null unique, "
               "facets text, stems text, pending integer not null default 1)")
    db.execute("create index search_docs_pending on search_docs(pending) where pending = 1")
    db.execute("create table edition_articles (edition_id integer not null, article_id integer not null, "
               "primary key (edition_id, article_id))")
    db.execute("create index edition_articles_article on edition_articles(article_id)")
    db.execute("create view search_content as select d.key as key, d.article_id as article_id, "
               "a.title as title, a.text as text, a.summary as summary, a.tags as tags, "
               "a.media as media, d.stems as stems, d.facets as facets "
               "from search_docs d join articles a on a.id = d.article_id")
    db.execute(f"create virtual table search_fts using fts5({_COLS}, content='search_content', "
               f"content_rowid='key', tokenize='{FTS_TOKENIZE}')")
    fill_edition_articles(db)
    fill_search_docs(db)
    rebuild_fts(db)
    create_triggers(db)
