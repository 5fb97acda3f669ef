"""The command-line commands of the mail feature (registered into clipper.cli.main)."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys

from clipper.cli.common import command, date_arg, open_archive, open_config, out
from clipper.dates import today_wib
from clipper.errors import MailError

logger = logging.getLogger(__name__)

STATUS_WORDS = {"sent": "terkirim", "skipped": "sudah menerima", "failed": "GAGAL", "retry": "GAGAL sementara",
                "cancelled": "dibatalkan"}


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add this feature's subcommands to the `clipper` parser."""
    p = sub.add_parser("send", help="kirim kliping (PDF) suatu tanggal lewat surel")
    p.add_argument("--date", type=date_arg, help="tanggal edisi (bawaan: hari ini, WIB)")
    p.add_argument("--to", action="append", metavar="ALAMAT",
                   help="hanya ke alamat ini (boleh berulang; bawaan: semua email.recipients)")
    p.add_argument("--resend", action="store_true", help="kirim ulang juga ke yang sudah menerima")

    p = sub.add_parser("email", help="pengaturan surel: simpan kata sandi, kirim uji coba")
    email_sub = p.add_subparsers(dest="email_command", required=True, metavar="AKSI")
    q = email_sub.add_parser("set-password", help="simpan kata sandi SMTP di keyring sistem operasi")
    q.add_argument("--stdin", action="store_true", help="baca kata sandi dari stdin (untuk skrip)")
    q = email_sub.add_parser("test", help="kirim pesan uji coba (tanpa lampiran)")
    q.add_argument("--to", action="append", metavar="ALAMAT", help="penerima (bawaan: alamat pengirim)")




def _show(step) -> None:
    if step.stage == "recipient":
        out(f"  {step.address}: {STATUS_WORDS.get(step.status, step.status)}"
             + (f" ({step.message})" if step.message and step.status in ("failed", "retry") else ""))
    elif step.stage == "wait":
        out(f"  … {step.message}")


@command("send")
def cmd_send(args: argparse.Namespace) -> int:
    from clipper.harvest.images import fetch_edition_images
    from clipper.mail.send import describe_edition, prepare_edition, require_spec, send_edition
    config = open_config(args)
    require_spec(config)
    day = args.date or today_wib().isoformat()
    with open_archive(args) as archive:
        fetch_edition_images(archive, day, config)  # a draft is finalised before it is sent
        record = prepare_edition(archive, config, day)
        out(f"Mengirim {describe_edition(record)} ke {config.email.host}:{config.email.port}")
        result = None
        for step in send_edition(archive, config, record.id, only=args.to, resend=args.resend):
            if step.stage == "done":
                result = step.result
            else:
                _show(step)
    assert result is not None
    if not result.ok:
        print(f"clipper: {result.summary()}", file=sys.stderr)
        return 1
    out(result.summary())
    return 0


def _read_password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Kata sandi SMTP: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise MailError("kedua kata sandi tidak sama; tidak disimpan")
    return first


@command("email")
def cmd_email(args: argparse.Namespace) -> int:
    from clipper.mail.secret import keyring_user
    from clipper.mail.send import require_spec, send_test, set_password
    config = open_config(args)
    spec = require_spec(config)
    if args.email_command == "set-password":
        if not spec.username:
            raise MailError("email.username belum diatur di sources.yaml; tidak ada kata sandi yang perlu disimpan")
        backend = set_password(spec, _read_password(args.stdin))
        out(f"Kata sandi untuk {keyring_user(spec)} disimpan di keyring ({backend}).")
        return 0
    out(f"Uji coba ke {spec.host}:{spec.port} ({spec.security})")
    replies = send_test(config, args.to)
    failed = 0
    for address, reply in replies.items():
        word = STATUS_WORDS.get(reply.status, reply.status)
        out(f"  {address}: {word} ({reply.code or '-'} {reply.text})")
        failed += reply.status != "sent"
    if failed:
        print(f"clipper: uji coba gagal untuk {failed} dari {len(replies)} alamat", file=sys.stderr)
        return 1
    out("Uji coba berhasil.")
    return 0
