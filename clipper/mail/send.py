"""Send a final edition's PDF by email: one attempt record per recipient, retries, never twice by accident."""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from clipper.config import Config, EmailSpec
from clipper.dates import long_date
from clipper.edition.compile import compile_edition
from clipper.errors import MailError
from clipper.mail import log as mail_log
from clipper.mail.log import Attempt, delivery_log, latest_by_recipient
from clipper.mail.message import MailContent, build_message, compose, new_message_id, template_values
from clipper.mail.outcome import RecipientResult, SendProgress, SendResult
from clipper.mail.secret import get_password, set_password
from clipper.mail.smtp import Reply, SmtpFailure, connect, quit_quietly, transact
from clipper.store.archive import Archive
from clipper.store.edition_records import EditionRecord
from clipper.store.editions import editions_of, final_content, get_edition

logger = logging.getLogger(__name__)

__all__ = ["Attempt", "RecipientResult", "SendProgress", "SendResult", "delivery_log", "edition_to_send",
           "get_password", "latest_by_recipient", "prepare_edition", "recipients_for", "send_edition",
           "send_test", "set_password"]

# Back-off before the 2nd, 3rd and 4th try of a temporary failure (4xx, refused, timeout, drop).
# Short enough that a scheduled `clipper send` ends within ~3 minutes; a server down for
# longer is reported, and the next `send` picks up exactly the recipients still missing.
RETRY_DELAYS = (5.0, 30.0, 120.0)
MB = 1024 * 1024
_ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")


@dataclass
class _Job:
    message_id: str
    people: list[tuple[str, str | None]]


@dataclass
class _Run:
    """State of one send_edition call."""

    archive: Archive
    spec: EmailSpec
    edition: EditionRecord
    content: MailContent
    pdf: bytes
    password: str | None
    resend: bool
    run_id: int = 0
    attempts: dict[str, int] = field(default_factory=dict)
    results: dict[str, RecipientResult] = field(default_factory=dict)
    names: dict[str, str | None] = field(default_factory=dict)

    @property
    def mode(self) -> str:
        return "bcc" if self.spec.bcc else "single"


def require_spec(config: Config) -> EmailSpec:
    """The `email:` section, or a clear error saying it is missing."""
    if config.email is None:
        raise MailError(f"bagian email: belum diatur di {config.path or 'sources.yaml'} "
                        "(host, sender, recipients)")
    return config.email


def recipients_for(spec: EmailSpec, only: list[str] | None = None) -> list[tuple[str, str | None]]:
    """(address, name) pairs: the configured recipients, or just ``only`` (names kept when known).

    Raises:
        MailError: an address that is not an email address, or nobody to send to.
    """
    known = {r.address.casefold(): (r.address, r.name) for r in spec.recipients}
    if not only:
        people = list(dict.fromkeys(known.values()))
        if not people:
            raise MailError("email.recipients kosong: tidak ada penerima")
        return people
    people = []
    for address in dict.fromkeys(a.strip() for a in only):
        if not _ADDRESS.match(address):
            raise MailError(f"bukan alamat email: {address!r}")
        people.append(known.get(address.casefold(), (address, None)))
    return people


def edition_to_send(archive: Archive, day: str) -> EditionRecord | None:
    """The day's newest edition (a revision after the regular one), or None."""
    editions = editions_of(archive, day)
    return editions[-1] if editions else None


def prepare_edition(archive: Archive, config: Config, day: str) -> EditionRecord:
    """The final edition to send for ``day``; a draft (or no edition yet) is finalised first.

    Raises:
        EditionError: nothing approved that day, or the PDF cannot be written.
    """
    latest = edition_to_send(archive, day)
    if latest is not None and latest.status == "final":
        return latest
    ralat = latest is not None and latest.kind == "ralat"
    record, _ = compile_edition(archive, config, day, final=True, ralat=ralat)
    logger.info("edition %s finalised for sending", record.number)
    return record


def _edition(archive: Archive, edition_id: int) -> EditionRecord:
    record = get_edition(archive, edition_id)
    if record is None:
        raise MailError(f"edisi #{edition_id} tidak ada di arsip")
    if record.status != "final":
        raise MailError(f"Kliping No. {record.number} masih draf; finalkan dulu sebelum dikirim")
    return record


def _pdf_bytes(record: EditionRecord, spec: EmailSpec) -> bytes:
    path = Path(record.pdf_path or "")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MailError(f"PDF Kliping No. {record.number} tidak dapat dibaca: {path} ({exc.strerror or exc})") from None
    if record.pdf_sha256 and hashlib.sha256(data).hexdigest() != record.pdf_sha256:
        raise MailError(f"PDF Kliping No. {record.number} telah berubah sejak difinalkan (SHA-256 tidak cocok): "
                        f"{path}; tidak dikirim")
    if len(data) > spec.max_attachment_mb * MB:
        raise MailError(f"PDF Kliping No. {record.number} berukuran {len(data) / MB:.1f} MB, melebihi batas "
                        f"{spec.max_attachment_mb:g} MB (email.max_attachment_mb); tidak dikirim")
    return data


def _prepare_run(archive: Archive, config: Config, edition_id: int, resend: bool) -> _Run:
    spec = require_spec(config)
    record = _edition(archive, edition_id)
    pdf = _pdf_bytes(record, spec)
    snapshot = final_content(archive, record.id) or {}
    values = template_values(snapshot, day=record.day, number=record.number_label, pages=record.pages,
                             fallback_editor=config.edition.responsible or config.editor.name or spec.sender_name)
    content = compose(spec, values, kind=record.kind, filename=Path(record.pdf_path or "kliping.pdf").name)
    return _Run(archive, spec, record, content, pdf, get_password(spec), resend)


def send_edition(archive: Archive, config: Config, edition_id: int, *, only: list[str] | None = None,
                 resend: bool = False, should_stop: Callable[[], bool] = lambda: False,
                 sleep: Callable[[float], None] = time.sleep,
                 delays: tuple[float, ...] = RETRY_DELAYS) -> Iterator[SendProgress]:
    """Send a final edition to its recipients (or ``only`` these), recording every attempt.

    Recipients who already received the edition are skipped unless ``resend``. Temporary
    failures are retried after each of ``delays`` with the same Message-ID; permanent ones
    are final. Yields a SendProgress per connection, recipient outcome and back-off; the
    last has stage "done" and ``result`` a SendResult.

    Raises:
        MailError: before anything is sent: no email section, a draft edition, a missing,
            changed or too large PDF, a bad template, no password, or another process
            sending this edition.
    """
    archive.require_writer()  # an archivist's account: refused before anything is prepared
    run = _prepare_run(archive, config, edition_id, resend)
    people = recipients_for(run.spec, only)
    run.names = {a.casefold(): n for a, n in people}
    total = len(people)
    have = mail_log.delivered(archive, edition_id)
    todo = [(a, n) for a, n in people if resend or a.casefold() not in have]
    for address, name in people:
        if (address, name) not in todo:
            run.results[address] = RecipientResult(address, name, "skipped", text="sudah menerima sebelumnya")
    run.run_id = mail_log.begin_run(archive, edition_id, run.edition.number)
    status = "failed"
    try:
        yield from _skipped_steps(run, total)
        jobs = _initial_jobs(run, todo)
        for round_no in range(len(delays) + 1):
            if round_no:
                yield from _wait(run, delays[round_no - 1], should_stop, sleep, total)
            if should_stop():
                break
            jobs = yield from _round(run, jobs, should_stop, total)
            if not jobs:
                break
        cancelled = should_stop() and any(a not in run.results or run.results[a].status == "retry"
                                          for a, _ in todo)
        for address, name in todo:
            if address not in run.results:
                run.results[address] = RecipientResult(address, name, "cancelled", text="dibatalkan")
        status = "cancelled" if cancelled else "done"
    finally:
        sent = sum(r.status == "sent" for r in run.results.values())
        failed = sum(r.status in ("failed", "retry") for r in run.results.values())
        mail_log.end_run(archive, run.run_id, status, sent, failed)
    result = SendResult(run.edition, tuple(run.results[a] for a, _ in people), cancelled)
    yield SendProgress("done", total, total, message=result.summary(), result=result)


def _skipped_steps(run: _Run, total: int) -> Iterator[SendProgress]:
    for index, result in enumerate(r for r in run.results.values() if r.status == "skipped"):
        yield SendProgress("recipient", index + 1, total, result.address, "skipped", result.text)


def _initial_jobs(run: _Run, todo: list[tuple[str, str | None]]) -> list[_Job]:
    """One job per recipient, or one per Message-ID in BCC mode; unfinished ones keep their Message-ID."""
    jobs: dict[str, _Job] = {}
    shared = None
    for address, name in todo:
        reused = None if run.resend else mail_log.reusable_message_id(run.archive, run.edition.id, address)
        if run.spec.bcc:
            if reused is None:
                shared = shared or new_message_id(run.spec, run.edition.number)
            key = reused or shared
        else:
            key = reused or new_message_id(run.spec, run.edition.number)
        jobs.setdefault(key, _Job(key, [])).people.append((address, name))
    return list(jobs.values())


def _wait(run: _Run, seconds: float, should_stop: Callable[[], bool], sleep: Callable[[float], None],
          total: int) -> Iterator[SendProgress]:
    done = sum(r.status in ("sent", "failed", "skipped") for r in run.results.values())
    yield SendProgress("wait", done, total, message=f"gangguan sementara; dicoba lagi dalam {seconds:g} detik")
    left = seconds
    while left > 0 and not should_stop():
        step = min(1.0, left)
        sleep(step)
        left -= step
        mail_log.heartbeat(run.archive, run.run_id)


def _record(run: _Run, job: _Job, replies: dict[str, Reply], total: int) -> Iterator[SendProgress]:
    for address, name in job.people:
        reply = replies[address]
        run.results[address] = RecipientResult(address, name, reply.status, reply.code, reply.text,
                                               job.message_id, run.attempts.get(address, 0))
    done = sum(r.status in ("sent", "failed", "skipped") for r in run.results.values())
    for address, _ in job.people:
        reply = replies[address]
        yield SendProgress("recipient", done, total, address, reply.status,
                           f"{reply.code or ''} {reply.text}".strip())


def _attempt(run: _Run, job: _Job, smtp) -> tuple[dict[str, Reply], bool]:
    """One SMTP transaction for a job, with its "sending" rows written first."""
    for address, _ in job.people:
        run.attempts[address] = run.attempts.get(address, 0) + 1
    attempt = max(run.attempts[a] for a, _ in job.people)
    ids = mail_log.start_attempts(run.archive, run.run_id, run.edition.id, job.people,
                                  message_id=job.message_id, mode=run.mode, attempt=attempt, resend=run.resend)
    replies: dict[str, Reply] = {}
    sendable = []
    for address, _ in job.people:
        if address.isascii():
            sendable.append(address)
        else:
            replies[address] = Reply("failed", None, "alamat dengan huruf non-ASCII belum didukung")
    alive = True
    if sendable:
        to = None if run.spec.bcc else [(a, n) for a, n in job.people]
        data = build_message(run.spec, run.content, message_id=job.message_id, to=to, pdf=run.pdf)
        more, alive = transact(smtp, run.spec.sender, sendable, data)
        replies.update(more)
    mail_log.finish_attempts(run.archive, ids, replies)
    return replies, alive


def _round(run: _Run, jobs: list[_Job], should_stop: Callable[[], bool], total: int):
    """Try every job once over as few connections as possible; returns the jobs to retry."""
    smtp = None
    retry: dict[str, _Job] = {}
    for index, job in enumerate(jobs):
        if should_stop():
            retry.update({j.message_id: j for j in jobs[index:]})
            break
        if smtp is None:
            yield SendProgress("connect", 0, total, message=f"menghubungi {run.spec.host}:{run.spec.port}")
            try:
                smtp = connect(run.spec, run.password)
            except SmtpFailure as failure:
                for rest in jobs[index:]:
                    replies = _failed_connection(run, rest, failure.reply)
                    yield from _record(run, rest, replies, total)
                    _keep_retries(retry, rest, replies)
                break
        replies, alive = _attempt(run, job, smtp)
        yield from _record(run, job, replies, total)
        _keep_retries(retry, job, replies)
        if not alive:
            smtp = None
    quit_quietly(smtp)
    return list(retry.values())


def _failed_connection(run: _Run, job: _Job, reply: Reply) -> dict[str, Reply]:
    for address, _ in job.people:
        run.attempts[address] = run.attempts.get(address, 0) + 1
    ids = mail_log.start_attempts(run.archive, run.run_id, run.edition.id, job.people,
                                  message_id=job.message_id, mode=run.mode,
                                  attempt=max(run.attempts[a] for a, _ in job.people), resend=run.resend)
    replies = {address: reply for address, _ in job.people}
    mail_log.finish_attempts(run.archive, ids, replies)
    return replies


def _keep_retries(retry: dict[str, _Job], job: _Job, replies: dict[str, Reply]) -> None:
    again = [(a, n) for a, n in job.people if replies[a].status == "retry"]
    if again:
        retry.setdefault(job.message_id, _Job(job.message_id, [])).people.extend(again)


def send_test(config: Config, to: list[str] | None = None, *, password: str | None = None) -> dict[str, Reply]:
    """Send a short test message (no attachment, nothing recorded) to ``to`` or the sender.

    ``password``: one typed but not stored yet (the settings' test); default the stored one.

    Raises:
        MailError: no email section, no password, or the connection or login failed.
    """
    spec = require_spec(config)
    people = recipients_for(spec, to) if to else [(spec.sender, spec.sender_name)]
    password = password if password and spec.username else get_password(spec)
    try:
        smtp = connect(spec, password)
    except SmtpFailure as failure:
        raise MailError(failure.reply.text) from None
    content = MailContent(subject="Uji coba surel Clipper",
                          body=(f"Pesan uji coba dari Clipper melalui {spec.host}:{spec.port} "
                                f"({spec.security}).\nJika pesan ini sampai, pengaturan surel sudah benar.\n"),
                          filename="")
    replies: dict[str, Reply] = {}
    try:
        for address, name in people:
            data = build_message(spec, content, message_id=new_message_id(spec, "uji"), to=[(address, name)],
                                 pdf=None)
            more, alive = transact(smtp, spec.sender, [address], data)
            replies.update(more)
            if not alive:
                break
    finally:
        quit_quietly(smtp)
    for address, _ in people:
        replies.setdefault(address, Reply("retry", None, "koneksi terputus sebelum giliran penerima ini"))
    return replies


def describe_edition(record: EditionRecord) -> str:
    """"Kliping No. 212/2026 (Selasa, 24 November 2026)" for messages."""
    return f"Kliping {record.label} ({long_date(record.day)})"
