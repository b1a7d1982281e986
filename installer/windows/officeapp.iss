; Inno Setup script for the Windows client: build dist\officeapp with PyInstaller first.
#define AppVersion GetEnv("OFFICEAPP_VERSION")
[Setup]
AppName=协同办公
AppVersion={#AppVersion}
DefaultDirName={autopf}\officeapp
DefaultGroupName=协同办公
OutputBaseFilename=officeapp-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\officeapp\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\协同办公"; Filename: "{app}\officeapp.exe"
Name: "{autodesktop}\协同办公"; Filename: "{app}\officeapp.exe"
