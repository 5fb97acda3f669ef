"""Accounts of a team archive (PostgreSQL): a login role per person in one of three group roles.

clipper_editor reads and writes rows (harvest, review, compile, send); clipper_archivist only
reads (search, export); clipper_admin may also grant. The groups are created by migration m061
and given their rights on every table after each migration (clipper.store.postgres).
"""

from __future__ import annotations

import logging
import re
import secrets

from psycopg import sql

from clipper.errors import StoreError
from clipper.store.archive import Archive
from clipper.store.postgres import GROUP_ROLES, grant_group_roles

logger = logging.getLogger(__name__)

ROLES = ("editor", "archivist", "admin")
PASSWORD_BYTES = 18  # a generated password: 24 URL-safe characters
_NAME = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")


def _run(archive: Archive, statement: sql.Composable) -> None:
    archive.execute(statement.as_string(archive.conn))


def _ensure_groups(archive: Archive) -> None:
    present = {r[0] for r in archive.execute("select rolname from pg_roles where rolname like 'clipper\\_%'")}
    for group in GROUP_ROLES:
        if group not in present:
            _run(archive, sql.SQL("create role {} nologin").format(sql.Identifier(group)))
    grant_group_roles(archive)


def grant_role(archive: Archive, name: str, role: str, *, password: str | None = None) -> str | None:
    """Make ``name`` a login role of the team in group ``role`` (its other clipper groups revoked).

    Run with an admin connection (a superuser, or the owner with CREATEROLE). A new role gets
    ``password``, or a generated one; an existing role keeps its password unless one is given.
    The password reaches the server hashed (SCRAM), never in the server's log.

    Returns:
        The generated password (to show once), or None.

    Raises:
        StoreError: a SQLite archive, a bad name or role, or the connection may not grant.
    """
    if not archive.is_postgres:
        raise StoreError("peran hanya ada di arsip tim (PostgreSQL); arsip SQLite tidak punya akun")
    if role not in ROLES:
        raise StoreError(f"peran harus salah satu dari {', '.join(ROLES)}, bukan {role!r}")
    if not _NAME.match(name) or name.startswith("clipper_"):
        raise StoreError(f"nama akun tidak sah: {name!r} (huruf kecil, angka, _ . -; bukan clipper_…)")
    generated = None
    with archive.write():
        _ensure_groups(archive)
        exists = archive.scalar("select 1 from pg_roles where rolname = ?", [name]) is not None
        if not exists and password is None:
            password = generated = secrets.token_urlsafe(PASSWORD_BYTES)
        if password is not None:
            hashed = archive.conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
            verb = "alter" if exists else "create"
            _run(archive, sql.SQL(verb + " role {} login password {}").format(
                sql.Identifier(name), sql.Literal(hashed.decode())))
        for group in GROUP_ROLES:
            if group != f"clipper_{role}":
                _run(archive, sql.SQL("revoke {} from {}").format(sql.Identifier(group), sql.Identifier(name)))
        _run(archive, sql.SQL("grant {} to {}").format(sql.Identifier(f"clipper_{role}"), sql.Identifier(name)))
        _run(archive, sql.SQL("alter role {} " + ("createrole" if role == "admin" else "nocreaterole"))
             .format(sql.Identifier(name)))
    logger.info("role %s granted %s", name, role)
    return generated
