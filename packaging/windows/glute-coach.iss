; Inno Setup script: a Windows installer for the PyInstaller one-folder bundle.
; On Windows, from the repository root, after building the bundle:
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\glute-coach.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\glute-coach.iss
; (AppVersion: glute_coach/__init__.py's __version__.) Writes dist\GluteCoach-<version>-setup.exe.
; Untested here (these machines run Linux): see packaging/README.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Glute Coach"
#define BundleDir "..\..\dist\glute-coach"

[Setup]
AppId={{6E0C7E4B-3F2A-4C58-9D8B-2B7F0D5C9A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Glute Coach developers
DefaultDirName={autopf}\Glute Coach
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=GluteCoach-{#AppVersion}-setup
SetupIconFile=glute-coach.ico
UninstallDisplayIcon={app}\Glute Coach.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: Glute Coach.exe (windowed), glute-coach.exe (console: the
; subcommands) and _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\Glute Coach.exe"
Name: "{group}\{#AppName} (clinic)"; Filename: "{app}\Glute Coach.exe"; Parameters: "--clinic"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\Glute Coach.exe"; Tasks: desktopicon

[Registry]
; Routine files (*.glute.json) open in Glute Coach.
Root: HKA; Subkey: "Software\Classes\.glute.json"; ValueType: string; ValueName: ""; ValueData: "GluteCoach.Routine"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\GluteCoach.Routine"; ValueType: string; ValueName: ""; ValueData: "Glute Coach routine"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\GluteCoach.Routine\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Glute Coach.exe,0"
Root: HKA; Subkey: "Software\Classes\GluteCoach.Routine\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Glute Coach.exe"" ""%1"""

[Run]
Filename: "{app}\Glute Coach.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
