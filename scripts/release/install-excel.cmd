@echo off
chcp 65001 >nul
rem fenjie {{VERSION}}: registers a shared folder as a trusted add-in catalog for Excel (current user).
rem Usage: install-excel.cmd \\server\share\fenjie\excel   (the folder that holds manifest.xml)
rem Then in Excel: 插入 > 我的加载项 > 共享文件夹 > 分解落实表助手. Restart Excel first.
setlocal
set "SHARE=%~1"
if "%SHARE%"=="" set "SHARE=%~dp0..\excel"
if not exist "%SHARE%\manifest.xml" (
  echo 找不到 %SHARE%\manifest.xml ：请给出放有 manifest.xml 的共享文件夹，如 \\server\fenjie\excel
  echo manifest.xml not found in %SHARE%: pass the shared folder that holds it, e.g. \\server\fenjie\excel
  exit /b 1
)
set "KEY=HKCU\Software\Microsoft\Office\16.0\WEF\TrustedCatalogs\{6f3a5a8e-8f4b-4d7e-9a57-f3e11f6b0a11}"
reg add "%KEY%" /v Id /t REG_SZ /d "{6f3a5a8e-8f4b-4d7e-9a57-f3e11f6b0a11}" /f >nul || goto :failed
reg add "%KEY%" /v Url /t REG_SZ /d "%SHARE%" /f >nul || goto :failed
reg add "%KEY%" /v Flags /t REG_DWORD /d 1 /f >nul || goto :failed
echo 已把 %SHARE% 注册为受信任的加载项目录。请重启 Excel，在“插入 - 我的加载项 - 共享文件夹”中添加“分解落实表助手”。
echo Registered %SHARE% as a trusted add-in catalog. Restart Excel, then Insert - My Add-ins - Shared Folder.
exit /b 0
:failed
echo 写入注册表失败（%KEY%）。 Writing the registry failed.
exit /b 1
