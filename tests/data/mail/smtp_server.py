"""A real aiosmtpd server on 127.0.0.1 for the mail tests: plain, STARTTLS or implicit TLS, scripted faults."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
import ssl
import threading
import warnings
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.smtp import SMTP, AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USER, PASSWORD = "kliping", "rahasia-uji"


@dataclass
class Received:
    """One message the server accepted."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    raw: bytes


@dataclass
class Script:
    """Faults to play: RCPT replies per address (a list is consumed in order), DATA drops and replies."""

    rcpt: dict[str, list[str]] = field(default_factory=dict)
    drop_after_data: int = 0  # close the connection after reading the message, this many times
    data_replies: list[str] = field(default_factory=list)  # e.g. "552 5.3.4 Message too big"


class Handler:
    def __init__(self, script: Script):
        self.script = script
        self.received: list[Received] = []
        self.logins: list[tuple[str, bool]] = []  # (login, tls) of every AUTH

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd API
        replies = self.script.rcpt.get(address)
        if replies:
            reply = replies.pop(0)
            if not reply.startswith("250"):
                return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        if self.script.drop_after_data > 0:
            self.script.drop_after_data -= 1
            server.transport.abort()
            return "250 never seen"
        if self.script.data_replies:
            return self.script.data_replies.pop(0)
        raw = envelope.original_content or envelope.content
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                      message_from_bytes(raw, policy=policy.default), raw))
        return "250 2.0.0 Ok: queued as UJI123"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
        tls = server.transport.get_extra_info("ssl_object") is not None
        self.logins.append((auth_data.login.decode(), tls))
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535


@dataclass
class Pki:
    """A test CA and a server certificate for 127.0.0.1 / localhost signed by it."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def make_pki(folder: Path) -> Pki:
    """Generate the CA and server certificate (at run time: no keys are committed)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA Uji Clipper")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    pki = Pki(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    pki.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    pki.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pki.key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    return pki


def free_port() -> int:
    """A loopback port nobody listens on (for "server down")."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpServer:
    """aiosmtpd on its own thread and event loop; ``start()``/``stop()`` may be called repeatedly."""

    def __init__(self, *, mode: str = "plain", pki: Pki | None = None, auth: bool = False,
                 port: int = 0, script: Script | None = None, data_size_limit: int | None = None):
        self.mode, self.pki, self.auth, self.port = mode, pki, auth, port
        self.handler = Handler(script or Script())
        self.data_size_limit = data_size_limit
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def _factory(self) -> SMTP:
        kwargs = {"hostname": "uji.localhost", "data_size_limit": self.data_size_limit or 33554432}
        if self.mode == "starttls":
            kwargs.update(tls_context=self.pki.server_context(), require_starttls=True)
        if self.auth:
            # Implicit TLS is invisible to aiosmtpd's STARTTLS bookkeeping: the transport is
            # already encrypted, so AUTH must not wait for a STARTTLS (logins record the truth).
            kwargs.update(authenticator=self.handler.authenticate, auth_required=True,
                          auth_require_tls=self.mode != "ssl")
        with warnings.catch_warnings():  # implicit TLS + AUTH: aiosmtpd cannot tell it is encrypted
            warnings.simplefilter("ignore", UserWarning)
            return SMTP(self.handler, **kwargs)

    def start(self) -> SmtpServer:
        ready = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            ssl_context = self.pki.server_context() if self.mode == "ssl" else None
            self._server = self._loop.run_until_complete(self._loop.create_server(
                self._factory, "127.0.0.1", self.port, ssl=ssl_context, reuse_address=True))
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            self._loop.run_forever()
            self._server.close()
            self._loop.run_until_complete(self._server.wait_closed())
            self._loop.close()

        self._thread = threading.Thread(target=run, name="smtp-test-server", daemon=True)
        self._thread.start()
        assert ready.wait(10), "SMTP test server did not start"
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._loop = None

    def __enter__(self) -> SmtpServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
