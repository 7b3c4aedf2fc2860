; Inno Setup script: the Windows installer around the PyInstaller folder dist\Pitchback.
;   iscc /DVersion=0.1.0 packaging\windows\pitchback.iss      (from the repository's root)
; Installs for the current user (no administrator rights needed), adds a Start-menu entry,
; and registers an uninstaller. The uninstaller removes only what this installer put in
; place: the user's recordings and scripts in %APPDATA%\Pitchback are never touched.

#ifndef Version
  #define Version "0.0.0"
#endif

[Setup]
AppId={{6B0F4D7C-3C2B-4B8E-9C59-2F1E0C8A7D15}
AppName=Pitchback
AppVersion={#Version}
AppPublisher=Pitchback
DefaultDirName={autopf}\Pitchback
DefaultGroupName=Pitchback
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=Pitchback-{#Version}-windows-x64-setup
SetupIconFile=packaging\icons\pitchback.ico
UninstallDisplayIcon={app}\Pitchback.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[Files]
Source: "dist\Pitchback\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Pitchback"; Filename: "{app}\Pitchback.exe"
Name: "{group}\{cm:UninstallProgram,Pitchback}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\Pitchback.exe"; Description: "{cm:LaunchProgram,Pitchback}"; Flags: nowait postinstall skipifsilent
