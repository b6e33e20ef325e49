; Inno Setup 6.3+ script: a per-user installer for the frozen build (dist\festival-app).
;
;   python tools\build.py --font NanumGothic-Regular.ttf --font-licence OFL.txt
;   iscc /DAppVersion=0.1.0 installer\festival-app.iss   ->  dist\festival-app-setup-0.1.0.exe
;
; Installs for the current user only (no administrator rights): the program goes to
; %LOCALAPPDATA%\Programs\SeoulFriendshipFestival, the Start-menu entry to the user's Start
; menu, and the .sqlite3 association (only when its task is ticked) to HKCU\Software\Classes.
; Uninstalling removes the program and the association, never the user's data folder
; (%LOCALAPPDATA%\SeoulFriendshipFestival). This file is UTF-8 with a byte order mark, as
; Inno Setup wants for the Korean texts.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Seoul Friendship Festival organizer"
#define AppExe "festival-app.exe"
#define ProgId "SeoulFriendshipFestival.sqlite3"
#define Built "..\dist\festival-app"

[Setup]
; The AppId identifies the program for updates and uninstalling: never change it.
AppId={{6E0C2B7A-3F9D-4C1E-9A58-2D7B41E0F6C3}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Seoul Friendship Festival
DefaultDirName={autopf}\SeoulFriendshipFestival
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per user: {autopf}, {autoprograms} and HKA then mean the user's folders and HKCU.
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=festival-app-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Tell Explorer when the association task changed the registry.
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\Korean.isl")
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
#endif

[CustomMessages]
english.StartMenuName=Seoul Friendship Festival organizer
english.AssociateGroup=Festival files:
english.AssociateTask=Open .sqlite3 festival files with the organizer
english.FileTypeName=Seoul Friendship Festival file
#if FileExists(AddBackslash(CompilerPath) + "Languages\Korean.isl")
korean.StartMenuName=서울우정축제 운영 프로그램
korean.AssociateGroup=축제 파일:
korean.AssociateTask=.sqlite3 축제 파일을 이 프로그램으로 열기
korean.FileTypeName=서울우정축제 축제 파일
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
; Off unless the user ticks it: .sqlite3 is also the extension of other programs' files.
Name: "associate"; Description: "{cm:AssociateTask}"; GroupDescription: "{cm:AssociateGroup}"; Flags: unchecked

[Files]
Source: "{#Built}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:StartMenuName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{cm:StartMenuName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; The association, as Inno Setup's documentation shows it: a ProgID of our own, offered
; for .sqlite3 in "Open with" (OpenWithProgids), which opens the file with --db.
Root: HKA; Subkey: "Software\Classes\.sqlite3\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --db ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".sqlite3"; ValueData: ""; Flags: uninsdeletekey; Tasks: associate

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
