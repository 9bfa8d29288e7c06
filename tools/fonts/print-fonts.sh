#!/bin/sh
# Makes the print edition's text fonts, Roboto Regular, Italic, Bold and
# Bold Italic (Apache 2.0), from Debian's fonts-roboto-unhinted: the same
# family as the charts' Roboto Medium, so that a PDF embeds one family. Cut
# down to the characters the chart font has (internal/chart/fonts/subset.sh)
# and the few the text uses besides (arrows, bullets), keeping kerning and
# ligatures, which the charts' font drops. Needs Debian's fonttools and
# fonts-roboto-unhinted; run from the repo root. The print page alone loads
# them (static/css/print.css); the site's pages use the reader's system font.
set -eu
src=/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF
for style in Regular Italic Bold BoldItalic; do
  python3 -m fontTools.subset "$src/Roboto-$style.ttf" \
    --unicodes="U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+25CF" \
    --layout-features='kern,liga' --no-hinting --desubroutinize \
    --output-file="static/fonts/Roboto$style-Latin.ttf"
done
