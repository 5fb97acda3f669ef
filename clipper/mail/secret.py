"""The SMTP password: from CLIPPER_SMTP_PASSWORD or the OS keyring, never from sources.yaml."""

from __future__ import annotations

import logging
import os

from clipper.config import EmailSpec
from clipper.errors import MailError

logger = logging.getLogger(__name__)

ENV_PASSWORD = "CLIPPER_SMTP_PASSWORD"
KEYRING_SERVICE = "clipper-smtp"


def keyring_user(spec: EmailSpec) -> str:
    """The keyring entry's user name: one password per SMTP account and host."""
    return f"{spec.username}@{spec.host}"


def _no_backend_text(exc: Exception) -> str:
    return (f"mesin ini tidak punya keyring (penyimpan rahasia sistem operasi): {exc}. "
            f"Atur variabel lingkungan {ENV_PASSWORD} sebagai gantinya")


def keyring_problem() -> str | None:
    """Why no password can be kept in the OS keyring on this machine (None: a keyring is there).

    Only looks at which keyring backend is in use; reads no password (so no unlock prompt).
    """
    import keyring
    from keyring.backends import fail, null
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration must not stop the app
        return f"Keyring tidak dapat dipakai ({exc}). Atur variabel lingkungan {ENV_PASSWORD} sebagai gantinya."
    if isinstance(backend, (fail.Keyring, null.Keyring)) or getattr(backend, "priority", 1) <= 0:
        return ("Komputer ini tidak punya penyimpan kata sandi sistem (keyring), jadi kata sandi tidak dapat "
                f"disimpan. Atur variabel lingkungan {ENV_PASSWORD} berisi kata sandi email di komputer ini.")
    return None


def get_password(spec: EmailSpec) -> str | None:
    """The password for ``spec.username``, or None when no login is configured.

    The environment variable wins over the keyring, so a scheduled job can set it.

    Raises:
        MailError: a login is configured but no password is set (the message says how),
            or the keyring cannot be read.
    """
    if not spec.username:
        return None
    from_env = os.environ.get(ENV_PASSWORD)
    if from_env:
        return from_env
    import keyring
    from keyring.errors import KeyringError, NoKeyringError
    try:
        stored = keyring.get_password(KEYRING_SERVICE, keyring_user(spec))
    except NoKeyringError as exc:
        raise MailError(f"Kata sandi SMTP untuk {keyring_user(spec)} belum diatur; "
                        + _no_backend_text(exc) + ".") from None
    except KeyringError as exc:
        raise MailError(f"keyring tidak dapat dibaca: {exc}. Atur {ENV_PASSWORD} sebagai gantinya.") from None
    if not stored:
        raise MailError(f"Kata sandi SMTP untuk {keyring_user(spec)} belum diatur: jalankan "
                        f"`clipper email set-password` atau atur variabel lingkungan {ENV_PASSWORD}.")
    return stored


def set_password(spec: EmailSpec, password: str) -> str:
    """Store the password in the OS keyring; returns the keyring backend's name.

    Raises:
        MailError: no username configured, an empty password, or no usable keyring.
    """
    if not spec.username:
        raise MailError("email.username belum diatur di sources.yaml; tanpa nama pengguna tidak ada kata sandi")
    if not password:
        raise MailError("kata sandi kosong; tidak disimpan")
    import keyring
    from keyring.errors import KeyringError, NoKeyringError
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_user(spec), password)
    except NoKeyringError as exc:
        raise MailError("Kata sandi tidak disimpan: " + _no_backend_text(exc) + ".") from None
    except KeyringError as exc:
        raise MailError(f"Kata sandi tidak disimpan: keyring menolak ({exc}).") from None
    backend = keyring.get_keyring()
    logger.info("SMTP password for %s stored in %s", keyring_user(spec), backend)
    return type(backend).__name__
