"""The address policy (clipper.harvest.addresses): judged where the socket is opened, on both transports."""

from __future__ import annotations

import asyncio
import socket

import pytest

from clipper.errors import ConfigError, FetchError
from clipper.harvest.addresses import AddressPolicy, is_public, policy_for
from clipper.harvest.fetch import Fetcher, FetchSettings
from clipper.harvest.harvester import probe_source
from clipper.models import Source
from clipper.workspace.configuration import parse_config


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.1.2.3", "10.0.0.5", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "198.18.0.1",
    "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
    "2002:7f00:1::1", "64:ff9b::7f00:1", "2001:db8::1", "2001::1", "fe80::1%eth0", "not-an-address"])
def test_internal_addresses_are_not_public(address):
    """Loopback, private, link-local, shared, unspecified, multicast, reserved and tunnelled ones are internal."""
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "203.128.64.1", "2606:4700:4700::1111",
                                     "::ffff:93.184.216.34", "64:ff9b::5db8:d822"])
def test_news_site_addresses_are_public(address):
    """Global addresses (also IPv4 inside IPv6 forms) are allowed."""
    assert is_public(address)


def _fetch(url: str, policy: AddressPolicy, lenient: bool) -> bytes:
    """One fetch through aiohttp's transport, or (``lenient``) httpx's own."""
    async def go():
        async with Fetcher(FetchSettings(addresses=policy, retries=0)) as fetcher:
            if lenient:
                fetcher._lenient.add(url.split("/")[2].rsplit(":", 1)[0].strip("[]"))
            return (await fetcher.fetch(url)).content
    return asyncio.run(go())


@pytest.fixture
def fake_dns(monkeypatch):
    """berita.contoh resolves to the loopback: a public-looking name pointing inside (DNS rebinding)."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        return real("127.0.0.1" if host == "berita.contoh" else host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize("lenient", [False, True], ids=["aiohttp", "httpx"])
def test_name_resolving_inside_is_refused_where_it_connects(httpserver, fake_dns, lenient):
    """A name is judged on the address it resolves to for the connection itself; allow_hosts lets it in."""
    httpserver.expect_request("/x").respond_with_data("dalam")
    url = f"http://berita.contoh:{httpserver.port}/x"
    with pytest.raises(FetchError, match=r"^alamat internal ditolak \(berita\.contoh: 127\.0\.0\.1\)") as info:
        _fetch(url, AddressPolicy(), lenient)
    assert info.value.permanent and httpserver.log == []
    assert _fetch(url, AddressPolicy.allowing(f"berita.contoh:{httpserver.port}"), lenient) == b"dalam"


@pytest.mark.parametrize("lenient", [False, True], ids=["aiohttp", "httpx"])
def test_origin_exception_is_host_and_port_only(httpserver, lenient):
    """A source on 127.0.0.1:A opens 127.0.0.1:A, never 127.0.0.1:B (nor [::ffff:127.0.0.1]:A's neighbours)."""
    httpserver.expect_request("/x").respond_with_data("ok")
    here = f"http://127.0.0.1:{httpserver.port}"
    other = AddressPolicy().with_origins([f"http://127.0.0.1:{httpserver.port + 1}/rss.xml"])
    with pytest.raises(FetchError, match="alamat internal ditolak"):
        _fetch(f"{here}/x", other, lenient)
    assert _fetch(f"{here}/x", AddressPolicy().with_origins([f"{here}/rss.xml"]), lenient) == b"ok"
    with pytest.raises(FetchError, match="alamat internal ditolak"):
        _fetch(f"http://[::ffff:127.0.0.1]:{httpserver.port}/x", AddressPolicy(), lenient)


@pytest.mark.parametrize("lenient", [False, True], ids=["aiohttp", "httpx"])
def test_redirect_to_an_internal_address_is_refused(httpserver, lenient):
    """An allowed origin that redirects inside (another port, a name) gets the refusal, not the page."""
    httpserver.expect_request("/alih").respond_with_data("", status=302,
                                                         headers={"Location": f"http://localhost:{httpserver.port}/x"})
    httpserver.expect_request("/x").respond_with_data("rahasia")
    here = f"http://127.0.0.1:{httpserver.port}"
    with pytest.raises(FetchError, match=r"alamat internal ditolak \(localhost: 127\.0\.0\.1\)"):
        _fetch(f"{here}/alih", AddressPolicy().with_origins([here]), lenient)
    assert [r.path for r, _ in httpserver.log] == ["/alih"]


def test_configured_origins_and_allow_hosts_make_the_policy(tmp_path):
    """policy_for: every source's origin (port from the scheme when absent) and each allow_hosts entry."""
    config = parse_config("harvest:\n  allow_hosts: [intranet.lokal, '10.1.2.3:8080', '[::1]:9000']\n"
                          "sources:\n  - name: A\n    feed: http://Berita.Lokal/rss.xml\n"
                          "  - name: B\n    feed: https://127.0.0.1:8001/feed\n    enabled: false\n")
    policy = policy_for(config)
    assert policy.allows_host("berita.lokal", 80) and not policy.allows_host("berita.lokal", 8080)
    assert policy.allows_host("127.0.0.1", 8001) and not policy.allows_host("127.0.0.1", 8002)
    assert policy.allows_host("intranet.lokal", 1234) and policy.allows_host("10.1.2.3", 8080)
    assert not policy.allows_host("10.1.2.3", 80) and policy.allows_host("::1", 9000)


def test_allow_hosts_errors_name_their_line(tmp_path):
    """A malformed allow_hosts entry is a configuration error with its line."""
    with pytest.raises(ConfigError) as info:
        parse_config("sources:\n  - name: A\n    feed: http://a.id/rss\nharvest:\n  allow_hosts:\n"
                     "    - ok.lokal\n    - 'http://x/'\n    - 'h:0'\n", "s.yaml")
    assert info.value.problems == [
        "s.yaml:7: harvest.allow_hosts[1]: bukan host atau host:port (tanpa http:// dan jalur): 'http://x/'",
        "s.yaml:8: harvest.allow_hosts[2]: port tidak sah (1-65535): 'h:0'"]


def test_probing_a_new_source_reaches_its_own_origin(httpserver):
    """"Uji sumber ini" on a source not saved yet may open that source's origin (as once it is saved)."""
    httpserver.expect_request("/rss.xml").respond_with_data(
        f'<rss version="2.0"><channel><title>x</title><item><title>A</title><link>http://localhost:'
        f'{httpserver.port}/a.html</link></item></channel></rss>', content_type="application/rss+xml")
    links = probe_source(Source("Baru", "feed", httpserver.url_for("/rss.xml")))
    assert [link.url for link in links] == [f"http://localhost:{httpserver.port}/a.html"]


@pytest.mark.parametrize("lenient", [False, True], ids=["aiohttp", "httpx"])
def test_an_allowed_name_does_not_open_its_address_to_literals(httpserver, fake_dns, lenient):
    """berita.contoh allowed (resolving to 127.0.0.1) lets nobody reach http://127.0.0.1:port/ by its number."""
    httpserver.expect_request("/x").respond_with_data("ok")
    policy = AddressPolicy.allowing(f"berita.contoh:{httpserver.port}")

    async def go():
        async with Fetcher(FetchSettings(addresses=policy, retries=0)) as fetcher:
            if lenient:
                fetcher._lenient.update({"berita.contoh", "127.0.0.1"})
            page = await fetcher.fetch(f"http://berita.contoh:{httpserver.port}/x")
            with pytest.raises(FetchError, match=r"alamat internal ditolak \(127\.0\.0\.1\)"):
                await fetcher.fetch(f"http://127.0.0.1:{httpserver.port}/x")
            return page.content

    assert asyncio.run(go()) == b"ok" and len(httpserver.log) == 1
