#!/usr/bin/env python3
"""Subsets the game's fonts to the characters it can show, so the binary carries a few hundred kB instead of 16 MB.

Writes, from the source fonts named below:
  assets/fonts/NotoSansCJKjp-Regular-subset.otf  Latin and Japanese text (Noto Sans CJK JP, SIL OFL 1.1)
  assets/fonts/Phosphor-subset.ttf               the icons the game draws (Phosphor Icons 2.1.2, MIT)

The Japanese subset keeps every character of the UI message files (assets/locales/**/*.ftl), of the shipped
scenarios (scenarios/*.ron) and of the Rust sources under src/ and crates/ (every non-ASCII character and every
\\u{...} escape: a superset of their string literals), plus ASCII, Latin-1, General Punctuation, CJK symbols and
punctuation, kana, full- and half-width forms, and the 2,965 level-1 kanji of JIS X 0208 (rows 16-47, generated with
Python's euc_jp codec, so no downloaded list is needed): a player's own scenario or name in everyday Japanese
shows too. The icon subset keeps the private-use code points written as \\u{...} in src/game/icons.rs.

Run it again after adding text in a new script (say, a kanji beyond level 1) or a new icon; tests/font_coverage.rs
fails until you do. The output is deterministic for the same inputs and fontTools version.

Needs:
  pip install fonttools==4.60.1
  apt-get install fonts-noto-cjk          # /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc (face 0: JP)
  npm pack @phosphor-icons/web@2.1.2 && tar xzf phosphor-icons-web-2.1.2.tgz   # package/src/regular/Phosphor.ttf
Usage:
  python3 scripts/subset-fonts.py [--cjk PATH.ttc] [--phosphor PATH.ttf]
"""

import argparse
import glob
import os
import re
import sys

from fontTools import subset, version as fonttools_version
from fontTools.ttLib import TTFont

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONTTOOLS_PINNED = "4.60.1"
CJK_DEFAULT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_FACE_JP = 0  # "Noto Sans CJK JP" in Debian's collection
PHOSPHOR_DEFAULT = "package/src/regular/Phosphor.ttf"
CJK_OUT = os.path.join(REPO, "assets/fonts/NotoSansCJKjp-Regular-subset.otf")
ICONS_OUT = os.path.join(REPO, "assets/fonts/Phosphor-subset.ttf")

# Blocks kept whole: ASCII, Latin-1, General Punctuation, currency, letterlike symbols and arrows used in figures,
# CJK symbols and punctuation, hiragana, katakana, half- and full-width forms.
RANGES = [
    (0x0020, 0x007E),
    (0x00A0, 0x00FF),
    (0x2000, 0x206F),
    (0x20A0, 0x20BF),
    (0x2190, 0x21FF),
    (0x3000, 0x303F),
    (0x3040, 0x309F),
    (0x30A0, 0x30FF),
    (0x31F0, 0x31FF),
    (0xFF00, 0xFFEF),
]

ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}")


def level1_kanji():
    """The JIS X 0208 level-1 kanji: rows 16-47 of the 94x94 table, read through EUC-JP (row r is byte 0xA0 + r)."""
    kanji = set()
    for row in range(16, 48):
        for cell in range(1, 95):
            try:
                kanji.add(bytes([0xA0 + row, 0xA0 + cell]).decode("euc_jp"))
            except UnicodeDecodeError:
                pass  # row 47 ends at cell 51
    return kanji


def text_files():
    patterns = ["assets/locales/**/*.ftl", "scenarios/*.ron", "src/**/*.rs", "crates/**/*.rs"]
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(REPO, pattern), recursive=True)):
            yield path


def characters_of(text):
    found = {c for c in text if ord(c) > 0x7E}
    found.update(chr(int(code, 16)) for code in ESCAPE.findall(text))
    return found


def shown_characters():
    chars = set()
    for start, end in RANGES:
        chars.update(chr(c) for c in range(start, end + 1))
    chars.update(level1_kanji())
    for path in text_files():
        with open(path, encoding="utf-8") as f:
            chars.update(characters_of(f.read()))
    # Controls, private-use code points (icons) and the replacement character have no place in a text font.
    return {c for c in chars if ord(c) >= 0x20 and not 0xE000 <= ord(c) <= 0xF8FF and c != "\ufffd"}


def icon_code_points():
    with open(os.path.join(REPO, "src/game/icons.rs"), encoding="utf-8") as f:
        codes = {int(code, 16) for code in ESCAPE.findall(f.read())}
    return sorted(c for c in codes if 0xE000 <= c <= 0xF8FF)


def write_subset(source, face, unicodes, out):
    options = subset.Options()
    options.font_number = face
    options.layout_features = ["*"]  # keep kerning and the CJK fonts' width variants
    options.name_IDs = ["*"]  # the licence and copyright stay in the font
    options.name_languages = ["*"]
    options.hinting = False  # egui renders without hinting instructions
    options.notdef_outline = True
    options.recalc_timestamp = False  # the same inputs give the same bytes
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    subset.save_font(font, out, options)
    kept = len(TTFont(out).getBestCmap())
    print(f"{os.path.relpath(out, REPO)}: {kept} characters, {os.path.getsize(out):,} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cjk", default=CJK_DEFAULT, help="Noto Sans CJK Regular collection (.ttc)")
    parser.add_argument("--phosphor", default=PHOSPHOR_DEFAULT, help="Phosphor regular icon font (.ttf)")
    args = parser.parse_args()
    if fonttools_version != FONTTOOLS_PINNED:
        sys.exit(f"fontTools {fonttools_version} found; pip install fonttools=={FONTTOOLS_PINNED} (other versions "
                 "may write different bytes)")
    write_subset(args.cjk, CJK_FACE_JP, sorted(ord(c) for c in shown_characters()), CJK_OUT)
    write_subset(args.phosphor, 0, icon_code_points(), ICONS_OUT)


if __name__ == "__main__":
    main()
