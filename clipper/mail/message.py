"""The edition's email: subject and body from templates, the PDF attached, headers always encodable."""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from clipper.config import EmailSpec
from clipper.config_report import line_of
from clipper.dates import long_date
from clipper.errors import MailError
from clipper.textnorm import one_line

logger = logging.getLogger(__name__)

DEFAULT_SUBJECT = "{title} — {date} (No. {number})"
DEFAULT_BODY = """\
Yth. Bapak/Ibu,

Terlampir {title} {date} (No. {number}): {articles} berita, {pages} halaman PDF.

{headlines}

Berkas PDF terlampir memuat ringkasan, daftar isi, dan naskah lengkap setiap berita.

Hormat kami,
{editor}
"""
TEMPLATE_KEYS = ("date", "number", "title", "headline", "headlines", "editor", "articles", "pages")
@dataclass(frozen=True)
class MailContent:
    """What the message says about one edition (the PDF is attached separately)."""

    subject: str
    body: str
    filename: str


def headlines_text(content: dict) -> str:
    """The day's headlines with their media, per section, numbered as in the PDF."""
    lines: list[str] = []
    number = 0
    for section in content.get("sections", []):
        if lines:
            lines.append("")
        lines.append(one_line(section.get("label") or section.get("topic")).upper())
        for item in section.get("items", []):
            number += 1
            media = one_line(item.get("media"))
            also = [one_line(m) for m in item.get("also_in") or []]
            if also:
                media += f" (juga: {', '.join(also)})"
            lines.append(f"{number}. {one_line(item.get('title'))} — {media}")
    return "\n".join(lines) if lines else "(tidak ada berita)"


def _first_headline(content: dict) -> str:
    items = [i for s in content.get("sections", []) for i in s.get("items", [])]
    chosen = next((i for i in items if i.get("highlight")), items[0] if items else {})
    return one_line(chosen.get("title"))


def template_values(content: dict, *, day: str, number: str, pages: int | None,
                    fallback_editor: str | None) -> dict[str, str]:
    """The values the subject and body templates may use (see TEMPLATE_KEYS)."""
    items = sum(len(s.get("items", [])) for s in content.get("sections", []))
    return {
        "date": long_date(day), "number": number, "title": one_line(content.get("title")) or "Kliping",
        "headline": _first_headline(content), "headlines": headlines_text(content),
        "editor": content.get("editor") or fallback_editor or "", "articles": str(items),
        "pages": str(pages or "?"),
    }


def fill(template: str, values: dict[str, str], key: str) -> str:
    """``template.format(**values)`` with a clear error naming the config key.

    Raises:
        MailError: an unknown ``{name}`` or unbalanced braces in the template.
    """
    try:
        return template.format_map(values)
    except KeyError as exc:
        raise MailError(f"email.{key}: {{{exc.args[0]}}} tidak dikenal; yang tersedia: "
                        + ", ".join("{" + k + "}" for k in TEMPLATE_KEYS)) from None
    except (ValueError, IndexError, AttributeError) as exc:
        raise MailError(f"email.{key}: templat tidak sah ({exc}); tulis {{{{ dan }}}} untuk kurung kurawal") from None


def check_templates(spec: EmailSpec) -> list[str]:
    """Problems in the configured subject/body templates (empty when both are usable)."""
    sample = {k: "x" for k in TEMPLATE_KEYS}
    problems = []
    for key in ("subject", "body"):
        template = getattr(spec, key)
        if template:
            try:
                fill(template, sample, key)
            except MailError as exc:
                problems.append(str(exc))
    return problems


def check_email_section(data: Any, path: Path, spec: Any) -> list[str]:
    """Subject/body templates that name an unknown {field}, with their line.

    A configuration check (clipper.config.SectionCheck) of the `email:` section.
    """
    email = spec.email if spec is not None else None
    if email is None:
        return []
    problems = []
    for key, other in (("subject", "body"), ("body", "subject")):
        for problem in check_templates(email.model_copy(update={other: None})):
            problems.append(f"{path}:{line_of(data, ('email', key))}: {problem}")
    return problems


def compose(spec: EmailSpec, values: dict[str, str], *, kind: str, filename: str) -> MailContent:
    """The subject and body of an edition's message."""
    subject = one_line(fill(spec.subject or DEFAULT_SUBJECT, values, "subject"))
    if kind == "ralat" and "revisi" not in subject.casefold():
        subject = f"REVISI — {subject}"
    body = fill(spec.body or DEFAULT_BODY, values, "body")
    return MailContent(subject=subject or "Kliping", body=body, filename=filename)


def new_message_id(spec: EmailSpec, number: str) -> str:
    """A fresh Message-ID in the sender's domain (no DNS lookup)."""
    tag = re.sub(r"[^A-Za-z0-9]+", "-", f"kliping-{number}").strip("-")
    return f"<{secrets.token_hex(8)}.{tag}@{spec.sender.rsplit('@', 1)[1]}>"  # short: not folded


def _address(address: str, name: str | None) -> Address:
    local, _, domain = address.rpartition("@")
    return Address(display_name=one_line(name), username=local, domain=domain)


def build_message(spec: EmailSpec, content: MailContent, *, message_id: str,
                  to: list[tuple[str, str | None]] | None, pdf: bytes | None) -> bytes:
    """The message as sent: From with display name, To (or the sender, for BCC), PDF attached.

    ``to`` None means one message to several recipients in BCC: the header then shows
    the sender, and the envelope carries the addresses.
    """
    msg = EmailMessage()
    sender = _address(spec.sender, spec.sender_name)
    msg["From"] = sender
    msg["To"] = [_address(a, n) for a, n in to] if to else [sender]
    msg["Subject"] = content.subject
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = message_id
    msg["X-Mailer"] = "Clipper (kliping digital)"
    msg.set_content(content.body, charset="utf-8")
    if pdf is not None:
        msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=content.filename)
    return msg.as_bytes(policy=policy.SMTP)  # CRLF line ends: smtplib sends bytes as they are
