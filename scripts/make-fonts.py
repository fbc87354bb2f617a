#!/usr/bin/python3
"""Regenerate the vendored fonts in fonts/ from Debian's font packages.

Usage (from the repository root; needs Debian's python3-fonttools, which only the system
interpreter /usr/bin/python3 can import):

    /usr/bin/python3 scripts/make-fonts.py                 # all five files into fonts/
    /usr/bin/python3 scripts/make-fonts.py --only NotoSerifCJKsc-Regular.ttf
    /usr/bin/python3 scripts/make-fonts.py --out /tmp/f --sample   # quick pipeline check

Sources (apt-get install fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai):
    /usr/share/fonts/opentype/noto/NotoSerifCJK-{Regular,Bold,Black}.ttc, NotoSansCJK-Bold.ttc
    /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf

What it does to each Noto CJK face (one face of a .ttc, the SC one):
  1. keeps the code points a Simplified-Chinese document can need (see KEEP_RANGES: Latin,
     Greek, Cyrillic, punctuation, symbols, kana and bopomofo (both in GB 2312), all CJK
     ideographs the face has in every extension) and drops Hangul;
  2. keeps only the SC (ZHS) language system and the scripts' defaults, so the other regions'
     `locl` variants (JAN, KOR, ZHT, ZHH) fall out of the glyph closure;
  3. keeps the OpenType features in LAYOUT_FEATURES (fontkit's default shaping features plus
     halt/palt/vert/vrt2/kern and their vertical counterparts);
  4. converts the CFF outlines to TrueType quadratic outlines with cu2qu (max error 1 font
     unit), fixes hmtx left side bearings, vmtx top side bearings (so the vertical origin of
     the dropped VORG table is preserved), maxp 1.0, post 3.0, and drops CFF/VORG.

LXGW WenKai is copied unchanged: it already has TrueType outlines and fits the size budget,
and its licence reserves the font name "LXGW", which a modified (subset) copy could not keep.

The output is deterministic: the same sources and fontTools version give the same bytes
(head.created/modified are kept from the source face). The script prints what it did,
including each file's size and sha256.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import sys
import time
import unicodedata

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

NOTO_DIR = '/usr/share/fonts/opentype/noto'
LXGW_DIR = '/usr/share/fonts/truetype/lxgw-wenkai'

# (output file, source file, face PostScript name or None for a single-face file, Debian package)
FONTS = [
    ('NotoSerifCJKsc-Regular.ttf', f'{NOTO_DIR}/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular', 'fonts-noto-cjk'),
    ('NotoSerifCJKsc-Bold.ttf', f'{NOTO_DIR}/NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold', 'fonts-noto-cjk'),
    ('NotoSerifCJKsc-Black.ttf', f'{NOTO_DIR}/NotoSerifCJK-Black.ttc', 'NotoSerifCJKsc-Black', 'fonts-noto-cjk-extra'),
    ('NotoSansCJKsc-Bold.ttf', f'{NOTO_DIR}/NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold', 'fonts-noto-cjk'),
    ('LXGWWenKai-Regular.ttf', f'{LXGW_DIR}/LXGWWenKai-Regular.ttf', None, 'fonts-lxgw-wenkai'),
]

# Unicode blocks kept (inclusive ranges). Everything the face maps inside them is kept, except
# code points whose Unicode name says HANGUL (parenthesised/circled Hangul, half-width jamo).
KEEP_RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x024F),  # Latin Extended-A and -B (pinyin ǎ ǐ ǒ ǔ ǚ are in B)
    (0x0250, 0x02FF),  # IPA (pinyin ɑ ɡ), spacing modifiers (ˇ ˊ ˋ ˙)
    (0x0300, 0x036F),  # combining diacritics
    (0x0370, 0x03FF),  # Greek (in GB 2312)
    (0x0400, 0x052F),  # Cyrillic (in GB 2312)
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x206F),  # General Punctuation (— ‘ ’ “ ” … ‰ ※)
    (0x2070, 0x20CF),  # super/subscripts, currency (€)
    (0x20D0, 0x20FF),  # combining marks for symbols (enclosing circle)
    (0x2100, 0x214F),  # letterlike (℃ № ℉ ™)
    (0x2150, 0x218F),  # number forms (Ⅰ–Ⅻ, ⅰ–ⅻ)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (± × ÷ ≤ ≥ ⋯)
    (0x2300, 0x23FF),  # miscellaneous technical
    (0x2400, 0x243F),  # control pictures (␣)
    (0x2460, 0x24FF),  # enclosed alphanumerics (①–⑳ ⑴ ⒈)
    (0x2500, 0x259F),  # box drawing, block elements
    (0x25A0, 0x25FF),  # geometric shapes (■ □ ▲ ◆ ○ ●)
    (0x2600, 0x27BF),  # miscellaneous symbols (★ ☆), dingbats (❶–❿ ✓)
    (0x2900, 0x2BFF),  # supplemental arrows, misc symbols and arrows
    (0x2E00, 0x2E7F),  # supplemental punctuation (⸺ two-em dash)
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x2FF0, 0x2FFF),  # ideographic description characters
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x30FF),  # hiragana, katakana (GB 2312 rows 4–5; ・ U+30FB)
    (0x3100, 0x312F),  # bopomofo (GB 2312 row 8)
    (0x31A0, 0x31EF),  # bopomofo extended, CJK strokes
    (0x3200, 0x32FF),  # enclosed CJK letters and months (㈠ ㊣)
    (0x3300, 0x33FF),  # CJK compatibility (㎡ ㎏ ㎞)
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs (12 of them are unified ideographs)
    (0xFB00, 0xFB06),  # Latin ligatures (ﬁ ﬂ, targets of `liga`)
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFE50, 0xFE6F),  # small form variants
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
    (0xFFFC, 0xFFFD),  # replacement characters
    (0x20000, 0x2EBEF),  # CJK Unified Ideographs Extensions B–F (通用规范汉字表 names, elements)
    (0x30000, 0x3134F),  # CJK Unified Ideographs Extension G
]

# fontkit applies ccmp locl rlig mark mkmk calt clig liga rclt curs kern (horizontal) or vert
# (vertical) by default; halt/palt/vhal/vpal/vrt2/vkrn are what a CJK typesetter asks for.
# fwid gives the full-width forms of the marks whose default (cmap) glyph is proportional:
# U+2014 — is 0.89 em in the cmap, 1 em under fwid, and —— then ligates into the 2-em dash
# (ink 71..1929 units) instead of the 1.69-em one; the composer asks for fwid whenever a
# Chinese mark's own glyph is not full width (src/compose/fallback.ts).
LAYOUT_FEATURES = [
    'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern',
    'halt', 'palt', 'vert', 'vrt2', 'vhal', 'vpal', 'vkrn', 'fwid',
]

# Language systems kept besides each script's default one.
KEEP_LANGSYS = {'ZHS '}

# Licence files written beside the fonts: file -> (title, Debian packages whose copyright
# files hold the licence, output fonts covered, what these files are relative to the originals).
LICENCES = {
    'OFL-NotoCJK.txt': (
        'Noto Serif CJK SC and Noto Sans CJK SC',
        ['fonts-noto-cjk', 'fonts-noto-cjk-extra'],
        [f[0] for f in FONTS if f[0].startswith('Noto')],
        'These files are Modified Versions in the sense of the licence: one face of each Noto CJK\n'
        'collection, subset and converted from CFF to TrueType outlines by scripts/make-fonts.py\n'
        '(see README.md). Neither the fonts nor Debian\'s copyright files declare a Reserved Font Name.',
    ),
    'OFL-LXGWWenKai.txt': (
        'LXGW WenKai (霞鹜文楷)',
        ['fonts-lxgw-wenkai'],
        ['LXGWWenKai-Regular.ttf'],
        'LXGWWenKai-Regular.ttf is the Original Version, byte for byte the file Debian ships, so it\n'
        'keeps its Reserved Font Names.',
    ),
}

# cu2qu tolerance in font units.
MAX_ERR = 1.0

# About a hundred code points for --sample runs (a pipeline check that takes seconds).
SAMPLE_TEXT = (
    '杭州市人大常委会研究室编印简报信息要闻速递监督纵横代表风采基层人大建设理论与实践'
    '，。、；：？！“”‘’（）《》〈〉【】〔〕……——·～0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    'abcdefghijklmnopqrstuvwxyz℃%‰№①②③'
)


def log(msg: str) -> None:
    print(msg, flush=True)


def open_face(path: str, face: str | None) -> TTFont:
    """Open one face of a collection by PostScript name (or a single-face file)."""
    if face is None:
        return TTFont(path, recalcTimestamp=False)
    number = 0
    while True:
        try:
            font = TTFont(path, fontNumber=number, recalcTimestamp=False)
        except Exception as err:  # past the last face
            raise SystemExit(f'{path}: face {face} not found ({err})')
        if font['name'].getDebugName(6) == face:
            return font
        font.close()
        number += 1


def wanted_unicodes(font: TTFont, sample: bool) -> list[int]:
    cmap = font.getBestCmap()
    if sample:
        return sorted({ord(c) for c in SAMPLE_TEXT} & set(cmap))
    keep = []
    for cp in cmap:
        if not any(lo <= cp <= hi for lo, hi in KEEP_RANGES):
            continue
        if 'HANGUL' in unicodedata.name(chr(cp), ''):
            continue
        keep.append(cp)
    return sorted(keep)


def keep_only_sc_langsys(font: TTFont) -> None:
    """Drop the JAN/KOR/ZHT/ZHH language systems so their locl lookups become unreachable."""
    for tag in ('GSUB', 'GPOS'):
        if tag not in font:
            continue
        script_list = font[tag].table.ScriptList
        for record in script_list.ScriptRecord:
            script = record.Script
            script.LangSysRecord = [r for r in script.LangSysRecord if r.LangSysTag in KEEP_LANGSYS]
            script.LangSysCount = len(script.LangSysRecord)


def subset_face(font: TTFont, unicodes: list[int]) -> None:
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.legacy_kern = False
    # BASE (ideographic baselines) refers to no glyphs; keep it as the source has it.
    options.drop_tables = [t for t in options.drop_tables if t != 'BASE']
    options.no_subset_tables = options.no_subset_tables + ['BASE']
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    # Hangul is gone: stop claiming the Korean code pages (Wansung bit 19, Johab bit 21).
    font['OS/2'].ulCodePageRange1 &= ~((1 << 19) | (1 << 21))


def cff_to_glyf(font: TTFont) -> dict:
    """Replace the CFF table with quadratic TrueType outlines; return conversion figures."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # CFF outer contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()

    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font['glyf'] = glyf
    font['loca'] = newTable('loca')
    for glyph in glyphs.values():
        glyph.recalcBounds(glyf)

    # TrueType convention (head.flags bit 1): left side bearing == xMin.
    hmtx = font['hmtx']
    for name in order:
        advance, _ = hmtx[name]
        glyph = glyphs[name]
        hmtx[name] = (advance, glyph.xMin if glyph.numberOfContours else 0)

    # Without VORG a TrueType font's vertical origin is yMax + top side bearing; keep the
    # origin VORG gave (its default is the ascender, 880 for Noto CJK).
    if 'vmtx' in font and 'VORG' in font:
        vorg = font['VORG']
        vmtx = font['vmtx']
        for name in order:
            height, tsb = vmtx[name]
            glyph = glyphs[name]
            if glyph.numberOfContours:
                origin = vorg.VOriginRecords.get(name, vorg.defaultVertOriginY)
                tsb = origin - glyph.yMax
            vmtx[name] = (height, tsb)
    for tag in ('CFF ', 'VORG'):
        if tag in font:
            del font[tag]
    font.sfntVersion = '\x00\x01\x00\x00'

    maxp = font['maxp']
    maxp.tableVersion = 0x00010000
    for field, value in (
        ('maxZones', 1), ('maxTwilightPoints', 0), ('maxStorage', 0), ('maxFunctionDefs', 0),
        ('maxInstructionDefs', 0), ('maxStackElements', 0), ('maxSizeOfInstructions', 0),
        ('maxComponentElements', 0), ('maxComponentDepth', 0),
    ):
        setattr(maxp, field, value)
    maxp.recalc(font)  # points and contours from glyf

    post = font['post']
    post.formatType = 3.0
    for attr in ('extraNames', 'mapping', 'glyphOrder'):
        if hasattr(post, attr):
            delattr(post, attr)
    font['head'].glyphDataFormat = 0
    points = sum(len(g.coordinates) for g in glyphs.values() if g.numberOfContours > 0)
    return {'glyphs': len(order), 'points': points}


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def make_noto(out: str, src: str, face: str, sample: bool) -> None:
    t0 = time.monotonic()
    font = open_face(src, face)
    before = len(font.getGlyphOrder())
    unicodes = wanted_unicodes(font, sample)
    keep_only_sc_langsys(font)
    subset_face(font, unicodes)
    t1 = time.monotonic()
    log(f'  subset: {before} -> {len(font.getGlyphOrder())} glyphs, {len(unicodes)} code points '
        f'({t1 - t0:.1f} s)')
    figures = cff_to_glyf(font)
    t2 = time.monotonic()
    log(f'  cu2qu (max error {MAX_ERR} unit): {figures["glyphs"]} glyphs, {figures["points"]} points '
        f'({t2 - t1:.1f} s)')
    features = sorted({r.FeatureTag for t in ('GSUB', 'GPOS') if t in font
                       for r in font[t].table.FeatureList.FeatureRecord})
    log(f'  features: {" ".join(features)}')
    font.save(out, reorderTables=True)
    font.close()
    log(f'  wrote in {time.monotonic() - t2:.1f} s')


def debian_copyright(package: str) -> tuple[list[str], str]:
    """The `Files: *` stanza and the full OFL text from a package's Debian copyright file."""
    with open(f'/usr/share/doc/{package}/copyright', encoding='utf-8') as f:
        paragraphs = re.split(r'\n\s*\n', f.read())
    stanza = next(p for p in paragraphs if p.startswith('Files: *'))
    for para in paragraphs:
        lines = para.split('\n')
        if re.fullmatch(r'License: (SIL|OFL)-1\.1\s*', lines[0]) and len(lines) > 40:
            body = ['' if line.strip() == '.' else line[1:] for line in lines[1:]]
            text = '\n'.join(body).strip('\n') + '\n'
            if 'SIL OPEN FONT LICENSE Version 1.1' not in text or not text.rstrip().endswith('DEALINGS IN THE FONT SOFTWARE.'):
                raise SystemExit(f'{package}: unexpected OFL text in its copyright file')
            return stanza.split('\n'), text
    raise SystemExit(f'{package}: no OFL text in its copyright file')


def write_licence(out_dir: str, file_name: str) -> None:
    title, packages, font_files, status = LICENCES[file_name]
    lines = [title, '', 'Copyright notices and trademarks carried in the font files (name IDs 0 and 7):']
    for font_file in font_files:
        font = TTFont(os.path.join(out_dir, font_file), lazy=True)
        notice = (font['name'].getDebugName(0) or '').replace('\r\n', '\n').replace('\n', '; ')
        lines.append(f'  {font_file}: {notice}')
        trademark = font['name'].getDebugName(7)
        if trademark:
            lines.append(f'  {" " * len(font_file)}  {trademark}')
        font.close()
    lines += ['', status]
    ofl = None
    for package in packages:
        stanza, text = debian_copyright(package)
        if ofl is not None and text != ofl:
            raise SystemExit(f'{package}: licence text differs from {packages[0]}')
        ofl = text
        lines += ['', f'From Debian\'s /usr/share/doc/{package}/copyright:']
        lines += [f'  {line}' for line in stanza]
    lines += ['', 'The licence, as given in that copyright file:', '', ofl]
    with open(os.path.join(out_dir, file_name), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))
    log(f'{file_name}: licence text from {", ".join(packages)}')


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--out', default=os.path.join(os.path.dirname(here), 'fonts'),
                        help='output directory (default: fonts/ of this repository)')
    parser.add_argument('--only', action='append', help='make only this output file (repeatable)')
    parser.add_argument('--sample', action='store_true',
                        help='keep only a few hundred characters (a quick check of the pipeline)')
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for out_name, src, face, package in FONTS:
        if args.only and out_name not in args.only:
            continue
        out = os.path.join(args.out, out_name)
        log(f'{out_name} <- {src}{"#" + face if face else ""} ({package})')
        if not os.path.exists(src):
            log(f'  missing source {src}: apt-get install {package}')
            return 2
        if face is None:
            shutil.copyfile(src, out)
            log('  copied unchanged')
        else:
            make_noto(out, src, face, args.sample)
        log(f'  {os.path.getsize(out)} bytes, sha256 {sha256(out)}')
    if not args.only and not args.sample:
        for file_name in LICENCES:
            write_licence(args.out, file_name)
    return 0


if __name__ == '__main__':
    sys.exit(main())
