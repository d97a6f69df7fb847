"""Frame counting on GIF, APNG and WebP files built byte by byte."""

from __future__ import annotations

import struct
import time
import zlib

import pytest

from parley.policy.detectors.gif_frames import apng_frames, frame_count, gif_frames, is_animated, webp_frames

# --- GIF building blocks -------------------------------------------------------------------------

GLOBAL_TABLE = b"\x00\x00\x00\xff\xff\xff"  # two colours


def gif_header(*, version: bytes = b"89a", global_table: bool = True) -> bytes:
    flags = 0x80 if global_table else 0x00  # table of 2 ** (0 + 1) colours
    screen = struct.pack("<HHBBB", 1, 1, flags, 0, 0)
    return b"GIF" + version + screen + (GLOBAL_TABLE if global_table else b"")


def control() -> bytes:
    """A graphic control extension with a 0.1 s delay."""
    return b"\x21\xf9\x04\x00\x0a\x00\x00\x00"


def image(*, local_table: bool = False, data: bytes = b"\x44\x01") -> bytes:
    flags = 0x80 if local_table else 0x00
    descriptor = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, flags)
    table = GLOBAL_TABLE if local_table else b""
    blocks = b"".join(bytes([len(chunk)]) + chunk for chunk in _chunks(data)) + b"\x00"
    return descriptor + table + b"\x02" + blocks


def _chunks(data: bytes) -> list[bytes]:
    return [data[i : i + 255] for i in range(0, len(data), 255)]


def comment(text: bytes) -> bytes:
    return b"\x21\xfe" + bytes([len(text)]) + text + b"\x00"


def netscape_loop() -> bytes:
    return b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"


TRAILER = b"\x3b"
ONE = gif_header() + control() + image() + TRAILER
TWO = gif_header() + netscape_loop() + control() + image() + control() + image() + TRAILER


@pytest.mark.parametrize(
    ("name", "data", "frames"),
    [
        ("empty", b"", 0),
        ("not a gif", b"\x89PNG\r\n\x1a\n", 0),
        ("signature only", b"GIF89a", 0),
        ("header without frames", gif_header() + TRAILER, 0),
        ("one frame", ONE, 1),
        ("two frames with a loop extension", TWO, 2),
        ("GIF87a without extensions", gif_header(version=b"87a") + image() + image() + TRAILER, 2),
        ("no global colour table", gif_header(global_table=False) + image(local_table=True) * 3 + TRAILER, 3),
        ("local colour tables are skipped", gif_header() + image(local_table=True) + image() + TRAILER, 2),
        ("separator bytes inside image data", gif_header() + image(data=b"\x2c\x21\x3b" * 200) + TRAILER, 1),
        ("separator bytes inside a comment", gif_header() + comment(b",,,!!;;") + image() + TRAILER, 1),
        ("data over several sub-blocks", gif_header() + image(data=bytes(1000)) + image() + TRAILER, 2),
        ("no trailer", gif_header() + image() + image(), 2),
        ("bytes after the trailer are ignored", ONE + image() + image(), 1),
        ("an unknown block stops the walk", gif_header() + image() + b"\x00" + image() + TRAILER, 1),
        ("truncated in the global colour table", gif_header()[:15], 0),
        ("truncated in a descriptor", gif_header() + image() + image()[:5], 1),
        ("truncated in image data counts the frame", gif_header() + image() + image(data=bytes(600))[:300], 2),
        ("sub-block size past the end", gif_header() + image()[:-3] + b"\xff", 1),
    ],
)
def test_gif_frames(name: str, data: bytes, frames: int) -> None:
    assert gif_frames(data) == frames, name


def test_gif_limit_stops_counting() -> None:
    data = gif_header() + image() * 50 + TRAILER
    assert gif_frames(data) == 50
    assert gif_frames(data, limit=2) == 2


def test_gif_walk_is_linear_on_a_large_file() -> None:
    big = gif_header() + image(data=bytes(10 * 1024 * 1024)) + image() + TRAILER
    started = time.perf_counter()
    assert gif_frames(big) == 2
    assert time.perf_counter() - started < 2.0


# --- APNG ----------------------------------------------------------------------------------------


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


PNG_START = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
PNG_END = chunk(b"IDAT", b"") + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("name", "data", "frames"),
    [
        ("not a png", ONE, 0),
        ("still png", PNG_START + PNG_END, 1),
        ("apng with three frames", PNG_START + chunk(b"acTL", struct.pack(">II", 3, 0)) + PNG_END, 3),
        ("apng with one frame", PNG_START + chunk(b"acTL", struct.pack(">II", 1, 0)) + PNG_END, 1),
        ("acTL after the image data does not count", PNG_START + PNG_END + chunk(b"acTL", struct.pack(">II", 3, 0)), 1),
        ("truncated acTL", PNG_START + chunk(b"acTL", struct.pack(">II", 3, 0))[:10], 1),
        ("signature only", b"\x89PNG\r\n\x1a\n", 1),
    ],
)
def test_apng_frames(name: str, data: bytes, frames: int) -> None:
    assert apng_frames(data) == frames, name


# --- WebP ----------------------------------------------------------------------------------------


def riff_chunk(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")


def webp(*chunks: bytes) -> bytes:
    body = b"".join(chunks)
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


ANIMATED_FLAGS = riff_chunk(b"VP8X", bytes([0x02]) + bytes(9))
FRAME = riff_chunk(b"ANMF", bytes(16))


@pytest.mark.parametrize(
    ("name", "data", "frames"),
    [
        ("not a webp", b"RIFF\x00\x00\x00\x00WAVEfmt ", 0),
        ("lossy still", webp(riff_chunk(b"VP8 ", bytes(10))), 1),
        ("lossless still", webp(riff_chunk(b"VP8L", bytes(5))), 1),
        ("animated, two frames", webp(ANIMATED_FLAGS, riff_chunk(b"ANIM", bytes(6)), FRAME, FRAME), 2),
        ("odd-sized chunk is padded", webp(ANIMATED_FLAGS, riff_chunk(b"ICCP", bytes(3)), FRAME, FRAME, FRAME), 3),
        ("truncated after the first frame", webp(ANIMATED_FLAGS, FRAME, FRAME)[:-10], 2),
        ("header only", webp(), 1),
    ],
)
def test_webp_frames(name: str, data: bytes, frames: int) -> None:
    assert webp_frames(data) == frames, name


@pytest.mark.parametrize(
    ("data", "frames", "animated"),
    [
        (ONE, 1, False),
        (TWO, 2, True),
        (PNG_START + chunk(b"acTL", struct.pack(">II", 2, 0)) + PNG_END, 2, True),
        (webp(ANIMATED_FLAGS, FRAME, FRAME), 2, True),
        (b"\xff\xd8\xff\xe0 a jpeg", 0, False),
        (b"", 0, False),
    ],
)
def test_frame_count_dispatches_on_the_signature(data: bytes, frames: int, animated: bool) -> None:
    assert frame_count(data) == frames
    assert is_animated(data) is animated
