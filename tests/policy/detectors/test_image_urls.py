"""Image addresses: parts, embedded images, host lists, tracking signals, catalogue image IDs."""

from __future__ import annotations

import base64

import pytest

from parley.policy.detectors import image_urls
from parley.policy.detectors.image_urls import HostList, UrlParts


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Shop.COM/a/logo.png?v=1", UrlParts("https", "shop.com", "/a/logo.png", "v=1")),
        ("  http://shop.com./x.gif  ", UrlParts("http", "shop.com", "/x.gif", "")),
        ("https://user:pw@cdn.shop.com:8443/x.png", UrlParts("https", "cdn.shop.com", "/x.png", "")),
        ("//cdn.shop.com/x.png", UrlParts("", "cdn.shop.com", "/x.png", "")),
        ("www.shop.com/logo.png", UrlParts("", "www.shop.com", "/logo.png", "")),
        ("images/logo.png", UrlParts("", "", "images/logo.png", "")),
        ("cid:logo@shop", UrlParts("cid", "", "logo@shop", "")),
        ("javascript:alert(1)", UrlParts("javascript", "", "alert(1)", "")),
        ("https://[::1/x.png", UrlParts("https", "", "/x.png", "")),
        ("https://[::1]:8080/x.png", UrlParts("https", "[::1]", "/x.png", "")),
        ("https:\\\\shop.com\\x.png", UrlParts("https", "", "\\\\shop.com\\x.png", "")),
        ("", UrlParts("", "", "", "")),
    ],
)
def test_split(url: str, expected: UrlParts) -> None:
    assert image_urls.split(url) == expected


@pytest.mark.parametrize(
    ("url", "embedded"),
    [("cid:logo", True), ("CID:logo", True), ("data:image/png;base64,AAAA", True), ("https://a.com/x.png", False)],
)
def test_is_embedded(url: str, embedded: bool) -> None:
    assert image_urls.is_embedded(url) is embedded


@pytest.mark.parametrize(
    ("url", "content_id"),
    [
        ("cid:logo@shop", "logo@shop"),
        ("CID:Logo@Shop", "logo@shop"),
        ("cid:%3Clogo%40shop%3E", "logo@shop"),
        ("cid:", None),
        ("https://a.com/cid:x", None),
    ],
)
def test_content_id(url: str, content_id: str | None) -> None:
    assert image_urls.content_id(url) == content_id


def test_data_uri_bytes() -> None:
    payload = base64.b64encode(b"GIF89a-bytes").decode()
    assert image_urls.data_uri_bytes(f"data:image/gif;base64,{payload}") == ("image/gif", b"GIF89a-bytes")
    spaced = payload[:4] + "\n  " + payload[4:]
    assert image_urls.data_uri_bytes(f"DATA:Image/GIF;name=a.gif;base64,{spaced}") == ("image/gif", b"GIF89a-bytes")
    unpadded = base64.b64encode(b"ab").decode().rstrip("=")
    assert image_urls.data_uri_bytes(f"data:image/gif;base64,{unpadded}") == ("image/gif", b"ab")
    assert image_urls.data_uri_bytes("data:image/gif,GIF89a") is None
    assert image_urls.data_uri_bytes("https://a.com/x.gif") is None


@pytest.mark.parametrize(
    ("url", "name", "extension"),
    [
        ("https://a.com/img/Logo.PNG?v=2#top", "Logo.PNG", "png"),
        ("https://a.com/img/van%20one.gif", "van one.gif", "gif"),
        ("https://a.com/img/", "", ""),
        ("https://a.com/img/README", "README", ""),
        ("https://a.com/x.gifv", "x.gifv", "gifv"),
    ],
)
def test_file_name_and_extension(url: str, name: str, extension: str) -> None:
    assert image_urls.file_name(url) == name
    assert image_urls.extension(url) == extension


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("https://CDN.shop.com/p/mug.jpg?w=300#x", "cdn.shop.com/p/mug.jpg"),
        ("http://cdn.shop.com/p/mug.jpg", "cdn.shop.com/p/mug.jpg"),
        ("//cdn.shop.com/p/mug%20blue.jpg", "cdn.shop.com/p/mug blue.jpg"),
        ("images/mug.jpg?x=1", "images/mug.jpg"),
    ],
)
def test_normalise(url: str, normalised: str) -> None:
    assert image_urls.normalise(url) == normalised


def test_short() -> None:
    assert image_urls.short("data:image/gif;base64," + "A" * 5000) == "data:image/gif;base64,…"
    assert len(image_urls.short("https://a.com/" + "x" * 500)) == 100
    assert image_urls.short(" https://a.com/x.png ") == "https://a.com/x.png"


HOSTS = HostList(("example.com", "facebook.com/tr", "pixel.*", "Shop.NET/Images/I"))


@pytest.mark.parametrize(
    ("url", "entry"),
    [
        ("https://example.com/x.png", "example.com"),
        ("https://a.b.example.com/x.png", "example.com"),
        ("https://notexample.com/x.png", None),
        ("https://example.com.evil.net/x.png", None),
        ("https://www.facebook.com/tr?id=1", "facebook.com/tr"),
        ("https://www.facebook.com/tr/", "facebook.com/tr"),
        ("https://www.facebook.com/trending.png", None),
        ("https://www.facebook.com/x.png", None),
        ("https://pixel.shop.com/p.gif", "pixel.*"),
        ("https://pixel.com/p.gif", None),
        ("https://cdn.pixel.shop.com/p.gif", None),
        ("https://m.shop.net/images/I/abc.jpg", "shop.net/images/i"),
        ("images/x.png", None),
        ("cid:example.com", None),
    ],
)
def test_host_list(url: str, entry: str | None) -> None:
    assert HOSTS.match(url) == entry


@pytest.mark.parametrize(
    ("url", "pattern", "detail"),
    [
        ("https://us5.list-manage.com/track/open.php?u=1", "tracking-host", "list-manage.com"),
        ("https://u1.ct.sendgrid.net/wf/open?upn=1", "tracking-host", "ct.sendgrid.net"),
        ("https://www.google-analytics.com/collect?v=1", "tracking-host", "google-analytics.com"),
        ("https://tracking.shop.com/x.png", "tracking-host", "tracking.*"),
        ("https://shop.com/open/abc", "tracking-path", "/open"),
        ("https://shop.com/mail/O.GIF?id=1", "tracking-path", "/o.gif"),
        ("https://shop.com/1x1.png", "tracking-path", "/1x1.png"),
        ("https://shop.com/logo.png?utm_source=newsletter", "tracking-query", "utm_source="),
        ("https://shop.com/logo.png?a=1&UTM_Campaign=x", "tracking-query", "utm_campaign="),
        ("https://shop.com/logo.png?recipient=abc123", "tracking-query", "recipient="),
        ("https://shop.com/logo.png?e%6Dail=a", "tracking-query", "email="),
        ("https://shop.com/logo.png?v=3&w=200", None, None),
        ("https://shop.com/open-box.jpg", None, None),
        ("https://shop.com/help/tracking-number.png", None, None),
        ("https://gallery.mailchimp.com/abc/logo.png", None, None),
        ("cid:open", None, None),
        ("/open/x.gif", None, None),
    ],
)
def test_tracking_signal(url: str, pattern: str | None, detail: str | None) -> None:
    signal = image_urls.tracking_signal(url)
    if pattern is None:
        assert signal is None
    else:
        assert signal is not None
        assert (signal.pattern, signal.detail) == (pattern, detail)


@pytest.mark.parametrize(
    ("url", "image_id"),
    [
        ("https://m.media-amazon.com/images/I/71qXk3Zl9bL._AC_SL1500_.jpg", "71qXk3Zl9bL"),
        ("https://images-na.ssl-images-amazon.com/images/I/41Ab+cDeF7L.jpg", "41Ab+cDeF7L"),
        ("https://m.media-amazon.com/images/G/01/logo.png", None),
        ("https://cdn.shop.com/images/I/71qXk3Zl9bL.jpg", None),
        ("https://m.media-amazon.com/images/I/", None),
    ],
)
def test_marketplace_image_id(url: str, image_id: str | None) -> None:
    assert image_urls.marketplace_image_id(url) == image_id
