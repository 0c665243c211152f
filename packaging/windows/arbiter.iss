; Inno Setup 6.3+ script: per-user install of the PyInstaller folder, Start-menu entries, uninstaller.
; NOT RUN HERE (Inno Setup is Windows-only). Built by packaging\windows\build.ps1 on a Windows machine, which
; passes the version from pyproject.toml:
;   iscc /DAppVersion=<version> /DDistDir=<repo>\packaging\out\dist\arbiter [/DSetupIcon=<repo>\packaging\out\arbiter.ico] packaging\windows\arbiter.iss
; Relative paths below are relative to this file (packaging\windows).
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=<version from pyproject.toml> (build.ps1 does)
#endif
#ifndef DistDir
  #define DistDir "..\out\dist\arbiter"
#endif

[Setup]
AppId={{6F2B4E1C-9A57-4D3B-8C0E-5A7B1C2D3E4F}
AppName=Arbiter
AppVersion={#AppVersion}
AppVerName=Arbiter {#AppVersion}
AppPublisher=Arbiter team
VersionInfoVersion={#AppVersion}
; Per user: no administrator rights, nothing written outside the user's profile.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\Arbiter
DefaultGroupName=Arbiter
DisableProgramGroupPage=yes
OutputDir=..\out
OutputBaseFilename=arbiter-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayName=Arbiter
UninstallDisplayIcon={app}\arbiterw.exe
#ifdef SetupIcon
SetupIconFile={#SetupIcon}
#endif
ShowLanguageDialog=auto
; An installed copy may be running: ask to close it rather than fail on a locked file.
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese is an unofficial Inno Setup translation: used when it is installed beside the compiler.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Arbiter"; Filename: "{app}\arbiterw.exe"
Name: "{group}\Arbiter (demo cases)"; Filename: "{app}\arbiterw.exe"; Parameters: "--demo"
Name: "{group}\Uninstall Arbiter"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\arbiterw.exe"; Description: "Open Arbiter"; Flags: nowait postinstall skipifsilent

; The reviewers' databases live in %LOCALAPPDATA%\arbiter\arbiter (platformdirs), outside {app}: the
; uninstaller removes only what it installed and leaves them in place. There is deliberately no [UninstallDelete].
