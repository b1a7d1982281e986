@echo off
rem Builds the Windows client: dist\officeapp\ with PyInstaller, then the setup program
rem dist\officeapp-setup-VERSION.exe with Inno Setup 6.3+ (iscc on PATH). Run it from a
rem checkout whose .venv has the project with its dev extra:
rem   py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[dev]
rem Untested: the project has no Windows machine (docs/packaging.md).
setlocal
cd /d "%~dp0\..\.."
for /f %%v in ('.venv\Scripts\python -c "import officeapp; print(officeapp.__version__)"') do set VERSION=%%v
if "%VERSION%"=="" exit /b 1
.venv\Scripts\pyinstaller --noconfirm installer\officeapp.spec || exit /b 1
iscc /DAppVersion=%VERSION% installer\windows\officeapp.iss || exit /b 1
