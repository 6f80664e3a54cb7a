@echo off
chcp 65001 >nul
rem fenjie {{VERSION}}: writes fenjie's entry into WPS's jsplugins.xml (current user, Windows).
rem Usage: install-wps.cmd            online: WPS loads the add-in from {{BASE_URL}}wps/
rem        install-wps.cmd offline    offline: unpacks the add-in into jsaddons (no server needed)
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-wps.ps1" %*
exit /b %ERRORLEVEL%
