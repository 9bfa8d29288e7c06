#!/bin/sh
# Makes the chart font from go-chart's embedded Roboto Medium (Apache 2.0):
# the Latin letters Danish and European names need, digits, punctuation,
# the euro sign and the minus sign; no hinting and no layout tables.
# Dropping GPOS means browsers apply no kerning, exactly as the build
# measures (freetype reads only the legacy kern table, which Roboto lacks),
# so labels fit as laid out. Needs Debian's fonttools; run from the repo root
# with the full font at $1, then copy the result to static/fonts/.
set -eu
pyftsubset "$1" \
  --unicodes="U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2212" \
  --drop-tables+=GPOS,GSUB,GDEF --no-hinting --desubroutinize \
  --output-file=internal/chart/fonts/RobotoMedium-Latin.ttf
