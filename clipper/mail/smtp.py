"""SMTP with smtplib: TLS verified, login only over TLS, every reply classified per recipient."""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
from dataclasses import dataclass

from clipper.config import EmailSpec

logger = logging.getLogger(__name__)

# EHLO name: the machine's own name, never socket.getfqdn() (that may ask DNS).
LOCAL_HOSTNAME = (socket.gethostname() or "localhost").split(".")[0] or "localhost"


@dataclass(frozen=True)
class Reply:
    """The outcome of one attempt for one recipient."""

    status: str  # "sent" | "retry" (temporary: try again later) | "failed" (permanent)
    code: int | None
    text: str


class SmtpFailure(Exception):
    """The connection or login failed before any message could be sent."""

    def __init__(self, reply: Reply):
        self.reply = reply
        super().__init__(reply.text)


def _text(raw: bytes | str) -> str:
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", "replace")
    return " ".join(raw.split())


def classify(code: int, text: bytes | str) -> Reply:
    """2xx sent, 4xx temporary, anything else permanent."""
    status = "sent" if 200 <= code < 300 else "retry" if 400 <= code < 500 else "failed"
    return Reply(status, code, _text(text))


def tls_context(spec: EmailSpec) -> ssl.SSLContext:
    """Certificate and host name verified, against ``ca_file`` when set (else the system CAs)."""
    try:
        return ssl.create_default_context(cafile=spec.ca_file)
    except (OSError, ssl.SSLError) as exc:
        raise SmtpFailure(Reply("failed", None, f"email.ca_file {spec.ca_file} tidak dapat dibaca: {exc}")) from None


def _network_failure(exc: BaseException, spec: EmailSpec) -> Reply:
    where = f"{spec.host}:{spec.port}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return Reply("failed", None, f"sertifikat server {where} tidak dapat diverifikasi: "
                     f"{exc.verify_message or exc} (periksa email.host atau email.ca_file)")
    if isinstance(exc, ssl.SSLError):
        hint = "ssl (port 465)" if spec.security == "starttls" else "starttls (port 587)"
        return Reply("failed", None, f"jabat tangan TLS dengan {where} gagal: {exc.reason or exc}; "
                     f"mungkin server memakai security: {hint}")
    if isinstance(exc, ConnectionRefusedError):
        return Reply("retry", None, f"koneksi ke {where} ditolak (server mati atau port salah)")
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return Reply("retry", None, f"waktu habis menunggu {where} ({spec.timeout:g} detik)")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return Reply("retry", None, f"koneksi ke {where} terputus: {exc}")
    if isinstance(exc, socket.gaierror):
        return Reply("retry", None, f"nama host {spec.host} tidak dapat ditemukan: {exc.strerror or exc}")
    return Reply("retry", None, f"gangguan jaringan ke {where}: {exc}")


def connect(spec: EmailSpec, password: str | None) -> smtplib.SMTP:
    """An open, greeted, encrypted (unless ``security: none``) and logged-in connection.

    Credentials are only sent after STARTTLS or over implicit TLS, or when the
    configuration says ``security: none`` explicitly.

    Raises:
        SmtpFailure: with a Reply saying whether trying again later may help.
    """
    context = tls_context(spec) if spec.security != "none" else None
    smtp: smtplib.SMTP | None = None
    try:
        if spec.security == "ssl":
            smtp = smtplib.SMTP_SSL(spec.host, spec.port, local_hostname=LOCAL_HOSTNAME,
                                    timeout=spec.timeout, context=context)
        else:
            smtp = smtplib.SMTP(spec.host, spec.port, local_hostname=LOCAL_HOSTNAME, timeout=spec.timeout)
        smtp.ehlo()
        if spec.security == "starttls":
            if not smtp.has_extn("starttls"):
                raise SmtpFailure(Reply("failed", None, f"server {spec.host}:{spec.port} tidak menawarkan "
                                        "STARTTLS; tidak ada yang dikirim tanpa enkripsi"))
            smtp.starttls(context=context)
            smtp.ehlo()
        if spec.username:
            _login(smtp, spec, password or "")
        return smtp
    except SmtpFailure:
        _close(smtp)
        raise
    except smtplib.SMTPResponseException as exc:
        _close(smtp)
        reply = classify(exc.smtp_code, exc.smtp_error)
        raise SmtpFailure(Reply(reply.status, reply.code, f"server menolak sambungan: {reply.text}")) from None
    except (OSError, smtplib.SMTPException) as exc:
        _close(smtp)
        raise SmtpFailure(_network_failure(exc, spec)) from None


def _login(smtp: smtplib.SMTP, spec: EmailSpec, password: str) -> None:
    try:
        smtp.login(spec.username or "", password)
    except smtplib.SMTPAuthenticationError as exc:
        reply = classify(exc.smtp_code, exc.smtp_error)
        what = ("nama pengguna atau kata sandi SMTP ditolak" if reply.status == "failed"
                else "login SMTP gagal sementara")
        raise SmtpFailure(Reply(reply.status, reply.code, f"{what} ({spec.username}): {reply.text}")) from None
    except smtplib.SMTPNotSupportedError:
        raise SmtpFailure(Reply("failed", None, f"server {spec.host} tidak menawarkan AUTH di sambungan ini; "
                                "kata sandi tidak dikirim")) from None
    except smtplib.SMTPException as exc:
        if isinstance(exc, smtplib.SMTPServerDisconnected):
            raise
        raise SmtpFailure(Reply("failed", None, f"login SMTP tidak dapat dilakukan: {exc}")) from None


def _close(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        try:
            smtp.close()
        except OSError:
            pass


def quit_quietly(smtp: smtplib.SMTP | None) -> None:
    """QUIT, ignoring a server that is already gone."""
    if smtp is None:
        return
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        _close(smtp)


def transact(smtp: smtplib.SMTP, sender: str, recipients: list[str], data: bytes) -> tuple[dict[str, Reply], bool]:
    """One MAIL/RCPT/DATA transaction; returns a Reply per recipient and whether the connection lives.

    A connection lost anywhere (even after the message was sent, before the server
    answered) is a temporary failure for every recipient not yet refused.
    """
    replies: dict[str, Reply] = {}
    try:
        options = [f"SIZE={len(data)}"] if smtp.has_extn("size") else []
        code, text = smtp.mail(sender, options)
        if code != 250:
            return _all(recipients, classify(code, text)), _after_refusal(smtp, code)
        accepted = []
        for address in recipients:
            code, text = smtp.rcpt(address)
            if code in (250, 251):
                accepted.append(address)
            else:
                replies[address] = classify(code, text)
                if code == 421:
                    smtp.close()
                    return {**_all(recipients, classify(code, text)), **replies}, False
        if not accepted:
            return replies, _after_refusal(smtp, 250)
        code, text = smtp.data(data)
        replies.update(_all(accepted, classify(code, text)))
        return replies, code != 421
    except smtplib.SMTPDataError as exc:  # DATA itself refused (no 354)
        replies.update(_all([a for a in recipients if a not in replies], classify(exc.smtp_code, exc.smtp_error)))
        return replies, _after_refusal(smtp, exc.smtp_code)
    except (OSError, smtplib.SMTPServerDisconnected) as exc:
        _close(smtp)
        what = "waktu habis" if isinstance(exc, (TimeoutError, socket.timeout)) else "koneksi terputus"
        lost = Reply("retry", None, f"{what} sebelum server menjawab; akan dicoba lagi dengan Message-ID yang sama")
        replies.update(_all([a for a in recipients if a not in replies], lost))
        return replies, False


def _all(addresses: list[str], reply: Reply) -> dict[str, Reply]:
    return {address: reply for address in addresses}


def _after_refusal(smtp: smtplib.SMTP, code: int) -> bool:
    """Reset the transaction after a refusal; False when the connection is gone."""
    if code == 421:
        _close(smtp)
        return False
    try:
        smtp.rset()
        return True
    except (OSError, smtplib.SMTPException):
        _close(smtp)
        return False
