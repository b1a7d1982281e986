; Inno Setup 6.3+ script for the Windows client. installer\windows\build.cmd runs PyInstaller
; (dist\officeapp\) and then this script with the version of officeapp/__init__.py:
;   iscc /DAppVersion=0.1.0 installer\windows\officeapp.iss
; Not built or run in CI (no Windows there): see docs/packaging.md.
#ifndef AppVersion
  #define AppVersion GetEnv("OFFICEAPP_VERSION")
#endif
#if AppVersion == ""
  #error "Give the version: iscc /DAppVersion=X.Y.Z (build.cmd does)"
#endif

[Setup]
AppId=officeapp
AppName=协同办公
AppVersion={#AppVersion}
AppPublisher=officeapp team
DefaultDirName={autopf}\officeapp
DefaultGroupName=协同办公
OutputDir=..\..\dist
OutputBaseFilename=officeapp-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\officeapp.ico
UninstallDisplayIcon={app}\officeapp.exe
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; The PySide6 wheels are 64-bit only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\officeapp\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\协同办公"; Filename: "{app}\officeapp.exe"
Name: "{autodesktop}\协同办公"; Filename: "{app}\officeapp.exe"

[Registry]
; "Open with 协同办公" for .ics meeting invitations, as the Linux menu entry offers; the
; default program for .ics stays whatever the person chose.
Root: HKA; Subkey: "Software\Classes\.ics\OpenWithProgids"; ValueType: string; ValueName: "officeapp.ics"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\officeapp.ics"; ValueType: string; ValueName: ""; ValueData: "会议邀请"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\officeapp.ics\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\officeapp.exe,0"
Root: HKA; Subkey: "Software\Classes\officeapp.ics\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\officeapp.exe"" ""%1"""
