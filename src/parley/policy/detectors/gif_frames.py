"""How many frames an image file holds: GIF block by block, APNG's acTL chunk, WebP's ANMF chunks.

Every reader walks the file's own length fields forward, so its cost grows
with the number of blocks, never backtracks, and stops quietly at the first
truncated or malformed block, returning what it counted so far.
"""

from __future__ import annotations

GIF_SIGNATURES = (b"GIF87a", b"GIF89a")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_GIF_IMAGE = 0x2C
_GIF_EXTENSION = 0x21
_GIF_TRAILER = 0x3B
_GIF_HEADER = 13  # signature (6) + logical screen descriptor (7)
_GIF_DESCRIPTOR = 10  # separator, left, top, width, height (2 bytes each), flags


def _color_table_size(flags: int) -> int:
    return 3 * (2 ** ((flags & 0x07) + 1)) if flags & 0x80 else 0


def _skip_sub_blocks(data: bytes, position: int) -> int:
    """Position just past a chain of data sub-blocks (size byte, data, ..., zero byte)."""
    length = len(data)
    while position < length:
        size = data[position]
        position += 1
        if size == 0:
            return position
        position += size
    return length


def gif_frames(data: bytes, limit: int | None = None) -> int:
    """Image descriptors in a GIF; 0 when ``data`` is not a GIF. Stops counting at ``limit``."""
    if data[:6] not in GIF_SIGNATURES or len(data) < _GIF_HEADER:
        return 0
    length = len(data)
    position = _GIF_HEADER + _color_table_size(data[10])
    frames = 0
    while position < length:
        block = data[position]
        if block == _GIF_IMAGE:
            if position + _GIF_DESCRIPTOR > length:
                break
            frames += 1
            if limit is not None and frames >= limit:
                break
            flags = data[position + 9]
            position += _GIF_DESCRIPTOR + _color_table_size(flags) + 1  # + LZW minimum code size
            position = _skip_sub_blocks(data, position)
        elif block == _GIF_EXTENSION:
            position = _skip_sub_blocks(data, position + 2)
        else:  # the trailer, or bytes that are not a GIF block
            break
    return frames


def apng_frames(data: bytes) -> int:
    """Frames an (A)PNG declares in its acTL chunk, 1 for a still PNG, 0 when not a PNG."""
    if not data.startswith(PNG_SIGNATURE):
        return 0
    length = len(data)
    position = len(PNG_SIGNATURE)
    while position + 8 <= length:
        size = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        if kind == b"acTL":
            if position + 12 > length:
                break
            return max(1, int.from_bytes(data[position + 8 : position + 12], "big"))
        if kind in (b"IDAT", b"IEND"):  # acTL must come before the image data
            break
        position += 12 + size  # length, type, data, CRC
    return 1


def webp_frames(data: bytes, limit: int | None = None) -> int:
    """ANMF chunks in an animated WebP, 1 for a still WebP, 0 when not a WebP."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return 0
    length = len(data)
    position = 12
    frames = 0
    animated = False
    while position + 8 <= length:
        kind = data[position : position + 4]
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        if kind == b"VP8X" and position + 8 < length:
            animated = bool(data[position + 8] & 0x02)
        elif kind == b"ANMF":
            frames += 1
            if limit is not None and frames >= limit:
                break
        elif kind in (b"VP8 ", b"VP8L") and not animated:
            return 1
        position += 8 + size + (size & 1)  # chunks are padded to an even size
    return max(frames, 1)


def frame_count(data: bytes, limit: int | None = None) -> int:
    """Frames in a GIF, PNG or WebP file, recognised by its first bytes; 0 for anything else."""
    if data[:6] in GIF_SIGNATURES:
        return gif_frames(data, limit)
    if data.startswith(PNG_SIGNATURE):
        return apng_frames(data)
    if data[:4] == b"RIFF":
        return webp_frames(data, limit)
    return 0


def is_animated(data: bytes) -> bool:
    return frame_count(data, limit=2) > 1
