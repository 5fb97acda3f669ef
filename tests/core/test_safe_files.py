"""Safe file output and bounded input (clipper.safe_files), and the commands that use them."""

from __future__ import annotations

import os
import stat

import pytest

from clipper.cli.main import main
from clipper.errors import ClipperError, OutputError
from clipper.safe_files import atomic_output, check_target, read_limited


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path):
    """An error inside the block leaves the target as it was and removes the temporary file."""
    target = tmp_path / "ekspor.csv"
    target.write_text("lama", encoding="utf-8")
    os.chmod(target, 0o640)
    with pytest.raises(RuntimeError):
        with atomic_output(target) as stream:
            stream.write("baru, setengah")
            raise RuntimeError("gagal di tengah")
    assert target.read_text(encoding="utf-8") == "lama" and os.listdir(tmp_path) == ["ekspor.csv"]
    with atomic_output(target) as stream:
        stream.write("baru")
    assert target.read_text(encoding="utf-8") == "baru"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640  # an existing file keeps its permissions
    with atomic_output(tmp_path / "baru.csv") as stream:
        stream.write("x")
    assert stat.S_IMODE(os.stat(tmp_path / "baru.csv").st_mode) == 0o644  # not mkstemp's 0600


@pytest.mark.parametrize("kind", ["symlink", "dangling", "folder", "fifo", "missing folder", "not a folder"])
def test_targets_that_are_refused(tmp_path, kind):
    """Symlinks (even dangling), folders, FIFOs and missing or non-folder parents are refused, untouched."""
    target = tmp_path / "keluar"
    if kind == "symlink":
        (tmp_path / "asli").write_text("asli")
        target.symlink_to(tmp_path / "asli")
    elif kind == "dangling":
        target.symlink_to(tmp_path / "entah")
    elif kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "missing folder":
        target = tmp_path / "tidak-ada" / "keluar"
    else:
        (tmp_path / "berkas").write_text("x")
        target = tmp_path / "berkas" / "keluar"
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(OutputError):
        with atomic_output(target) as stream:
            stream.write("x")
    assert sorted(os.listdir(tmp_path)) == before
    if kind == "symlink":
        assert (tmp_path / "asli").read_text() == "asli"


def test_a_device_is_refused(tmp_path):
    """A character device such as /dev/null is never replaced (checked, not written)."""
    with pytest.raises(OutputError, match="bukan berkas biasa"):
        check_target("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_bounded_reads(tmp_path):
    """Only regular files are read, and never past the limit: a FIFO or /dev/zero cannot hang a command."""
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    with pytest.raises(ClipperError, match="bukan berkas biasa"):
        read_limited(fifo, 100)
    with pytest.raises(ClipperError, match="bukan berkas biasa"):
        read_limited("/dev/zero", 100)
    big = tmp_path / "besar"
    big.write_bytes(b"x" * 101)
    with pytest.raises(ClipperError, match="terlalu besar"):
        read_limited(big, 100)
    assert read_limited(big, 101) == b"x" * 101


def test_commands_refuse_non_regular_inputs(tmp_path, capsys):
    """--config on a FIFO is a configuration error at once; extract on /dev/zero one line, exit 1."""
    fifo = tmp_path / "sources.yaml"
    os.mkfifo(fifo)
    assert main(["--config", str(fifo), "--db", str(tmp_path / "a.db"), "harvest"]) == 2
    assert "bukan berkas biasa" in capsys.readouterr().err
    assert main(["extract", "/dev/zero"]) == 1
    assert capsys.readouterr().err == "clipper: /dev/zero: bukan berkas biasa (perangkat, FIFO atau folder)\n"


def test_a_full_disk_is_a_clear_error_and_nothing_half_written(tmp_path, monkeypatch):
    """ENOSPC while the file is flushed: OutputError "disk penuh", the old file intact, no temporary left."""
    import errno

    from clipper import safe_files

    target = tmp_path / "kliping.csv"
    target.write_text("lama", encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_files.os, "fsync", full)
    with pytest.raises(OutputError, match="tidak dapat ditulis: disk penuh"):
        with atomic_output(target) as stream:
            stream.write("baru " * 1000)
    assert target.read_text(encoding="utf-8") == "lama" and os.listdir(tmp_path) == ["kliping.csv"]
