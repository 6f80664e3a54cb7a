#!/bin/sh
# fenjie {{VERSION}}: writes fenjie's entry into WPS's jsplugins.xml (current user; UOS / Kylin / other Linux).
# Usage: sh install-wps.sh            online: WPS loads the add-in from {{BASE_URL}}wps/
#        sh install-wps.sh offline    offline: unpacks the add-in into jsaddons (no server needed)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
JSADDONS="${JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
FILE="$JSADDONS/jsplugins.xml"
mkdir -p "$JSADDONS"
if [ "$1" = "offline" ]; then
  cp "$HERE/../wps/fenjie_{{VERSION}}.zip" "$JSADDONS/"
  mkdir -p "$JSADDONS/fenjie_{{VERSION}}"
  if command -v unzip >/dev/null 2>&1; then unzip -oq "$JSADDONS/fenjie_{{VERSION}}.zip" -d "$JSADDONS/fenjie_{{VERSION}}"; fi
  ENTRY="<jsplugin name=\"fenjie\" type=\"et\" url=\"file://$JSADDONS/fenjie_{{VERSION}}.zip\" version=\"{{VERSION}}\" enable=\"true\"/>"
else
  ENTRY="<jspluginonline name=\"fenjie\" type=\"et\" url=\"{{BASE_URL}}wps/\" enable=\"true\"/>"
fi
if [ -f "$FILE" ]; then
  cp "$FILE" "$FILE.bak"
  # Keep the other add-ins' lines: drop only an old fenjie line.
  grep -v 'name="fenjie"' "$FILE.bak" | grep -v '^[[:space:]]*</jsplugins>' > "$FILE.tmp" || true
else
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n' > "$FILE.tmp"
fi
printf '  %s\n</jsplugins>\n' "$ENTRY" >> "$FILE.tmp"
mv "$FILE.tmp" "$FILE"
echo "已写入 $FILE。请确认 oem.ini 中 JsApiPlugin=true（可运行 fenjie doctor 检查），然后完全退出并重启 WPS。"
echo "Wrote $FILE. Check JsApiPlugin=true in oem.ini (fenjie doctor), then restart WPS."
