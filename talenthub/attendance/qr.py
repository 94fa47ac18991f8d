from __future__ import annotations

import segno


def qr_svg_inline(data: str, *, scale: int = 8, title: str = "") -> str:
    """A QR code as an <svg> element for inline HTML: no external resources, no style attribute
    (the CSP forbids inline styles)."""
    return str(
        segno.make(data, error="m").svg_inline(
            scale=scale, border=2, title=title or None, svgclass="qr-code"
        )
    )


def qr_data_uri(data: str, *, scale: int = 3) -> str:
    return str(segno.make(data, error="m").svg_data_uri(scale=scale, border=1))
