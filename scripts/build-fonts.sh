#!/usr/bin/env bash
# Rebuilds fonts/ from Debian's fonts-noto-cjk (SIL OFL 1.1): the Simplified Chinese faces of
# Noto Serif CJK Bold (titles) and Noto Sans CJK Regular (text), taken out of the TTC collections
# and cut to the Chinese ranges (CJK Ext A and B included, for rare name characters like 䶮 𠮷).
# Needs: apt-get install fonts-noto-cjk; pip install fonttools.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/opentype/noto
[ -f "$src/NotoSerifCJK-Bold.ttc" ] || { echo "install fonts-noto-cjk first" >&2; exit 1; }
python3 -c "import fontTools" 2>/dev/null || pip install --quiet fonttools
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$src" "$tmp" <<'PY'
import sys
from fontTools.ttLib import TTCollection
src, out = sys.argv[1], sys.argv[2]
for ttc, name in [("NotoSerifCJK-Bold.ttc", "serif-bold"), ("NotoSansCJK-Regular.ttc", "sans-regular")]:
    for font in TTCollection(f"{src}/{ttc}").fonts:
        if font["name"].getDebugName(4).endswith(("CJK SC Bold", "CJK SC")) and "Mono" not in font["name"].getDebugName(4):
            font.save(f"{out}/{name}.otf")
            break
    else:
        sys.exit(f"no SC face in {ttc}")
PY
unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2460-24FF,U+2E80-2FDF,U+3000-303F,U+3100-312F,U+3200-33FF,U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF,U+20000-2A6DF"
for name in serif-bold sans-regular; do
  case $name in serif-bold) target=NotoSerifSC-Bold.otf ;; sans-regular) target=NotoSansSC-Regular.otf ;; esac
  pyftsubset "$tmp/$name.otf" --unicodes="$unicodes" --layout-features='vert,vrt2,kern,palt,halt' \
    --name-IDs='*' --output-file="fonts/$target"
done
cp /usr/share/doc/fonts-noto-cjk/copyright fonts/COPYRIGHT-fonts-noto-cjk.txt
ls -l fonts/
