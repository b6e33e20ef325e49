"""Checking a site map's background picture before it goes into the festival file.

The picture's kind and pixel size are read from its own header bytes (PNG's IHDR chunk,
JPEG's start-of-frame marker), whatever the file is called, and refused before anything
decodes it when it is too big: a 30000 x 30000 picture would take gigabytes to draw.
Then Pillow checks that the whole file is a well-formed picture.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from festival_app.domain.errors import Problem, ValidationError
from festival_app.i18n import QT_TRANSLATE_NOOP as N

MAX_BYTES = 25 * 1024 * 1024
MAX_SIDE = 12_000  # pixels
MAX_PIXELS = 60_000_000  # an aerial photo of a street at a few centimetres per pixel

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SOI = b"\xff\xd8\xff"
# Start-of-frame markers: baseline, progressive, lossless and their arithmetic variants.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True)
class PictureInfo:
    """A checked map picture: its format and size in pixels."""

    format: str  # "png" or "jpeg"
    width: int
    height: int


def _refuse(template: str, **params: object) -> ValidationError:
    return ValidationError([Problem("image", template, params)])


def _header_size(data: bytes) -> PictureInfo:
    if data.startswith(PNG_SIGNATURE):
        if len(data) < 24 or data[12:16] != b"IHDR":
            raise _refuse(N("Validation", "The PNG picture is damaged (no header)."))
        width, height = struct.unpack(">II", data[16:24])
        return PictureInfo("png", width, height)
    if data.startswith(JPEG_SOI):
        pos = 2
        while pos + 4 <= len(data):
            if data[pos] != 0xFF:
                raise _refuse(N("Validation", "The JPEG picture is damaged."))
            marker = data[pos + 1]
            if marker == 0xFF:  # fill byte
                pos += 1
                continue
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                pos += 2
                continue
            (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
            if marker in _SOF:
                if pos + 9 > len(data):
                    break
                height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
                return PictureInfo("jpeg", width, height)
            if marker == 0xDA or length < 2:  # image data before any frame header
                break
            pos += 2 + length
        raise _refuse(N("Validation", "The JPEG picture is damaged (no size found)."))
    raise _refuse(N("Validation", "This file is not a PNG or JPEG picture."))


def check_picture(data: bytes) -> PictureInfo:
    """The picture's kind and size; ValidationError (field "image") when it is not a PNG
    or JPEG picture, is damaged, or is too big."""
    if not data:
        raise _refuse(N("Validation", "The picture file is empty."))
    if len(data) > MAX_BYTES:
        raise _refuse(
            N(
                "Validation",
                "The picture is {size} MB; at most {most} MB fit in the festival file.",
            ),
            size=round(len(data) / 1048576, 1),
            most=MAX_BYTES // 1048576,
        )
    info = _header_size(data)
    if info.width < 1 or info.height < 1:
        raise _refuse(N("Validation", "The picture has no pixels."))
    if info.width > MAX_SIDE or info.height > MAX_SIDE or info.width * info.height > MAX_PIXELS:
        raise _refuse(
            N(
                "Validation",
                "The picture is {width} x {height} pixels; at most {most} x {most} "
                "(and {megapixels} million pixels) can be used. Make it smaller first.",
            ),
            width=info.width,
            height=info.height,
            most=MAX_SIDE,
            megapixels=MAX_PIXELS // 1_000_000,
        )
    from PIL import Image  # Pillow comes with reportlab; loaded only to check a picture

    try:
        with Image.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as image:
            if image.size != (info.width, info.height):
                raise _refuse(N("Validation", "The picture's header does not match its content."))
            image.verify()
    except ValidationError:
        raise
    except Exception as exc:  # Pillow raises many kinds for broken files
        raise _refuse(
            N("Validation", "The picture cannot be read: {detail}"), detail=str(exc)
        ) from exc
    return info
