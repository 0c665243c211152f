# Build the Windows installer. NOT RUN HERE: needs Windows 10+, Python 3.11 (x64) and Inno Setup 6 (iscc on PATH).
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root
if (-not (Test-Path .venv-win)) { py -3.11 -m venv .venv-win }
.\.venv-win\Scripts\python -m pip install -q -e ".[package,postgres]"
$Version = .\.venv-win\Scripts\python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
.\.venv-win\Scripts\pyinstaller --noconfirm --distpath packaging\out\dist --workpath packaging\out\build packaging\arbiter.spec
# Smoke test of the frozen folder before packing it.
& packaging\out\dist\arbiter\arbiter.exe --version
iscc /DAppVersion=$Version /DDistDir=$Root\packaging\out\dist\arbiter packaging\windows\arbiter.iss
Write-Host "Installer: packaging\out\arbiter-$Version-setup.exe"
