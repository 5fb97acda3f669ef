"""The ClipperError tree: every expected failure the core raises."""

from __future__ import annotations


class ClipperError(Exception):
    """Base of every error the core raises on purpose."""


class ConfigError(ClipperError):
    """sources.yaml is unreadable or invalid; ``problems`` holds one line per problem."""

    def __init__(self, path: str, problems: list[str]):
        self.path = str(path)
        self.problems = list(problems)
        super().__init__("\n".join(self.problems) or f"{path}: invalid configuration")


class FetchError(ClipperError):
    """An HTTP fetch failed; ``status`` is the HTTP status when there was one."""

    def __init__(self, url: str, reason: str, status: int | None = None, *, blocked: bool = False,
                 permanent: bool = False):
        self.url = url
        self.reason = reason
        self.status = status
        self.blocked = blocked
        self.permanent = permanent  # never worth another try (an address the policy refuses)
        super().__init__(f"{reason} ({url})")

    def __reduce__(self):  # picklable: raised in extraction workers, re-raised in the harvest
        return type(self), (self.url, self.reason, self.status), self.__dict__


class ExtractionError(ClipperError):
    """No article could be extracted from a page."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(f"{reason} ({url})")

    def __reduce__(self):  # picklable: raised in extraction workers, re-raised in the harvest
        return type(self), (self.url, self.reason), self.__dict__


class StoreError(ClipperError):
    """The archive cannot be opened or written."""


class ConflictError(StoreError):
    """Another editor changed these articles since they were read: nothing was written.

    ``article_ids``: the articles to read again before deciding.
    """

    def __init__(self, article_ids: list[int]):
        self.article_ids = list(article_ids)
        listed = ", ".join(f"#{i}" for i in self.article_ids)
        super().__init__(f"artikel {listed} sudah diubah editor lain sejak Anda membukanya; keputusan Anda "
                         "tidak disimpan (muat ulang artikel itu, lalu putuskan lagi)")


class BusyError(StoreError):
    """Another process holds what this one needs (an edition being compiled); try again later."""


class SearchError(ClipperError):
    """A search that cannot run as asked (a bad filter value, an unknown edition)."""


class MailError(ClipperError):
    """Sending mail failed as a whole (per-recipient failures are data)."""


class PdfError(ClipperError):
    """The edition PDF could not be written."""


class OutputError(ClipperError):
    """A file cannot be written where it was asked (not a regular file, a symlink, no folder, disk full …)."""
