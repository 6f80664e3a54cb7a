# fenjie {{VERSION}}: the work of install-wps.cmd. Keeps the other add-ins' lines of jsplugins.xml,
# replaces only fenjie's, and keeps the previous file as jsplugins.xml.bak.
param([string]$Mode = 'online')
$ErrorActionPreference = 'Stop'
$jsaddons = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons'
$file = Join-Path $jsaddons 'jsplugins.xml'
$package = Join-Path $PSScriptRoot '..\wps\fenjie_{{VERSION}}.zip'
New-Item -ItemType Directory -Force -Path $jsaddons | Out-Null
if ($Mode -eq 'offline') {
  Copy-Item -Force $package (Join-Path $jsaddons 'fenjie_{{VERSION}}.zip')
  Expand-Archive -Force -Path $package -DestinationPath (Join-Path $jsaddons 'fenjie_{{VERSION}}')
  $url = 'file:///' + ($jsaddons -replace '\\', '/') + '/fenjie_{{VERSION}}.zip'
  $entry = '<jsplugin name="fenjie" type="et" url="' + $url + '" version="{{VERSION}}" enable="true"/>'
} else {
  $entry = '<jspluginonline name="fenjie" type="et" url="{{BASE_URL}}wps/" enable="true"/>'
}
if (Test-Path $file) {
  Copy-Item -Force $file "$file.bak"
  $xml = [IO.File]::ReadAllText($file)
} else {
  $xml = "<?xml version=`"1.0`" encoding=`"UTF-8`"?>`r`n<jsplugins>`r`n</jsplugins>`r`n"
}
$xml = [regex]::Replace($xml, '\s*<jsplugin(online)?\b[^>]*name="fenjie"[^>]*/>', '')
$xml = $xml.Replace('</jsplugins>', "  $entry`r`n</jsplugins>")
[IO.File]::WriteAllText($file, $xml, (New-Object Text.UTF8Encoding $false))
Write-Output "已写入 $file。请确认 oem.ini 中 JsApiPlugin=true（可运行 fenjie doctor 检查），然后完全退出并重启 WPS。"
Write-Output "Wrote $file. Check JsApiPlugin=true in oem.ini (fenjie doctor), then restart WPS."
