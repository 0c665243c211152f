; Inno Setup script: per-user install of the PyInstaller folder, Start-menu entry, uninstaller.
; NOT RUN HERE (Inno Setup is Windows-only). Built by packaging/windows/build.ps1 on a Windows machine:
;   iscc /DAppVersion=0.1.0 /DDistDir=..\out\dist\arbiter packaging\windows\arbiter.iss
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef DistDir
  #define DistDir "..\out\dist\arbiter"
#endif

[Setup]
AppId={{6F2B4E1C-9A57-4D3B-8C0E-5A7B1C2D3E4F}
AppName=Arbiter
AppVersion={#AppVersion}
AppPublisher=Arbiter team
DefaultDirName={localappdata}\Programs\Arbiter
DefaultGroupName=Arbiter
; Per-user: no administrator rights, nothing written outside the user's profile.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\out
OutputBaseFilename=arbiter-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\Arbiter.exe
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Arbiter"; Filename: "{app}\Arbiter.exe"
Name: "{group}\Arbiter (demo cases)"; Filename: "{app}\Arbiter.exe"; Parameters: "--demo"
Name: "{group}\Uninstall Arbiter"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\Arbiter.exe"; Description: "Open Arbiter"; Flags: nowait postinstall skipifsilent

; The reviewers' databases live in %LOCALAPPDATA%\arbiter\arbiter (platformdirs), outside {app}:
; the uninstaller removes only what it installed and leaves them in place.
