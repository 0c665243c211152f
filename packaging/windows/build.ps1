# Build the Windows installer. NOT RUN HERE: needs Windows 10+, Python 3.11+ (x64) and Inno Setup 6.3+
# (iscc on PATH, or in its default folder).
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#   -> packaging\out\arbiter-<version>-setup.exe
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root
function Check($what) { if ($LASTEXITCODE -ne 0) { throw "$what failed (exit code $LASTEXITCODE)" } }

$Py = "$Root\.venv-win\Scripts\python.exe"
if (-not (Test-Path $Py)) { py -3 -m venv .venv-win; Check "venv" }
# Re-installed every time so the package metadata (the version the app shows) matches pyproject.toml.
& $Py -m pip install -q -e ".[package,postgres]"; Check "pip install"
$Version = (& $Py -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])").Trim()
Check "reading the version"

& "$Root\.venv-win\Scripts\pyinstaller.exe" --noconfirm --distpath packaging\out\dist `
  --workpath packaging\out\build packaging\arbiter.spec
Check "PyInstaller"

# Smoke test of the frozen folder before packing it.
$Got = (& packaging\out\dist\arbiter\arbiter.exe --version).Trim(); Check "arbiter.exe --version"
if ($Got -ne "arbiter $Version") { throw "frozen --version says '$Got', pyproject.toml says $Version" }
& packaging\out\dist\arbiter\arbiter.exe --db "sqlite:///$Root\packaging\out\smoke.db" import `
  (Get-ChildItem resources\samples\*.arbcase).FullName
Check "arbiter.exe import (samples)"

# The installer's own icon, made from the app's PNG with Pillow (installed in the venv with the app).
$Ico = "$Root\packaging\out\arbiter.ico"
& $Py -c "from PIL import Image; Image.open(r'resources\icons\arbiter-256.png').save(r'$Ico', sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])"
Check "making arbiter.ico"

$Iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $Iscc)) { $Iscc = "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe" }
& $Iscc /Q "/DAppVersion=$Version" "/DDistDir=$Root\packaging\out\dist\arbiter" "/DSetupIcon=$Ico" `
  packaging\windows\arbiter.iss
Check "Inno Setup"
Write-Host "Installer: packaging\out\arbiter-$Version-setup.exe"
