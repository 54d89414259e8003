#!/usr/bin/env sh
# Redraws the Teams app icons (ImageMagick): a bridge ("puente") in white.
# color.png: 192x192 on the accent colour; outline.png: 32x32, white on transparent.
set -eu
cd "$(dirname "$0")"
convert -size 192x192 xc:'#1F6F78' -fill white -stroke white -strokewidth 14 -draw "line 40,128 152,128" \
  -fill none -draw "arc 40,64 152,192 180,360" -draw "line 64,128 64,150" -draw "line 128,128 128,150" -strip PNG32:color.png
convert -size 32x32 xc:none -fill none -stroke white -strokewidth 3 -draw "line 4,21 28,21" \
  -draw "arc 4,10 28,32 180,360" -draw "line 9,21 9,26" -draw "line 23,21 23,26" -strip PNG32:outline.png
