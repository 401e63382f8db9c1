; 开机自动启动 as an optional step of the per-user NSIS installer: a checkbox page after the
; directory page; when ticked, the same login item the app writes itself (HKCU Run, --hidden).
; The app keeps it in step with its own setting on every start (desktop-host reconcileAutoStart).
!include nsDialogs.nsh
!include FileFunc.nsh
!include LogicLib.nsh
; electron-builder compiles this file twice with -WX: the uninstaller pass (BUILD_UNINSTALLER)
; never uses these, and an unreferenced Var is warning 6001, which -WX turns into an error.
!ifndef BUILD_UNINSTALLER
  Var AutoStartCheckbox
  Var AutoStartWanted
  Var ServerUrl
!endif

; Mass deployment names the company's server without anyone typing it:
;   kefu-desk-VERSION-setup.exe /S /SERVER=https://kefu.example.com
; The address goes to %APPDATA%\kefu-desk\kefu-desk.json, which the app reads at start
; (electron/services/server-address/deployment-config.ts) and checks in full; the install folder
; is no home for it, since every update replaces that folder. The agent's own choice on the login
; page still wins. Here only what would break the JSON file is refused, before anything is
; installed: not http:// or https://, a quote, an apostrophe, a backslash.
; FileFunc's GetOptions cannot read the option: it ends a value at the next character equal to the
; option's first one ("/"), which cuts "https://…" after "https:". So the command line is read here.
!ifndef BUILD_UNINSTALLER
  Function ReadServerOption
    StrCpy $ServerUrl ""
    ${GetParameters} $R0
    StrLen $R1 $R0
    StrCpy $R2 0
    ${Do}
      ${If} $R2 >= $R1
        Return
      ${EndIf}
      StrCpy $R3 $R0 8 $R2
      ; StrCmp, and so LogicLib's ==, ignores case: /server= is the same option.
      ${If} $R3 == "/SERVER="
        ${Break}
      ${EndIf}
      IntOp $R2 $R2 + 1
    ${Loop}
    IntOp $R2 $R2 + 8
    StrCpy $R4 $R0 "" $R2
    ; /SERVER="https://…" runs to the closing quote, /SERVER=https://… to the next space.
    StrCpy $R5 $R4 1
    ${If} $R5 == '"'
      StrCpy $R4 $R4 "" 1
      StrCpy $R6 '"'
    ${Else}
      StrCpy $R6 " "
    ${EndIf}
    StrLen $R1 $R4
    StrCpy $R2 0
    ${Do}
      ${If} $R2 >= $R1
        ${Break}
      ${EndIf}
      StrCpy $R5 $R4 1 $R2
      ${If} $R5 == $R6
        ${Break}
      ${EndIf}
      IntOp $R2 $R2 + 1
    ${Loop}
    StrCpy $ServerUrl $R4 $R2
    StrCpy $R5 $ServerUrl 7
    StrCpy $R6 $ServerUrl 8
    ${If} $R5 != "http://"
    ${AndIf} $R6 != "https://"
      Goto refuse
    ${EndIf}
    StrLen $R1 $ServerUrl
    StrCpy $R2 0
    ${Do}
      ${If} $R2 >= $R1
        Return
      ${EndIf}
      StrCpy $R5 $ServerUrl 1 $R2
      ${If} $R5 == '"'
      ${OrIf} $R5 == "'"
      ${OrIf} $R5 == "\"
        Goto refuse
      ${EndIf}
      IntOp $R2 $R2 + 1
    ${Loop}
    refuse:
      MessageBox MB_ICONSTOP "服务器地址无效 (invalid /SERVER=): $ServerUrl$\r$\n请使用 http:// 或 https:// 开头的地址，例如 /SERVER=https://kefu.example.com" /SD IDOK
      SetErrorLevel 2
      Quit
  FunctionEnd
!endif

!macro customInit
  Call ReadServerOption
!macroend

!macro customPageAfterChangeDir
  Page custom AutoStartPageCreate AutoStartPageLeave
  Function AutoStartPageCreate
    nsDialogs::Create 1018
    Pop $0
    ${NSD_CreateCheckbox} 0 0 100% 12u "开机自动启动客服工作台 (Start Kefu Desk when I sign in)"
    Pop $AutoStartCheckbox
    nsDialogs::Show
  FunctionEnd
  Function AutoStartPageLeave
    ${NSD_GetState} $AutoStartCheckbox $AutoStartWanted
  FunctionEnd
!macroend

!macro customInstall
  ${If} $AutoStartWanted == ${BST_CHECKED}
    WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "com.kefudesk.workstation" '"$INSTDIR\kefu-desk.exe" --hidden'
  ${EndIf}
  ; Without /SERVER= (an update, a plain install) a file written before stays as it is.
  ${If} $ServerUrl != ""
    ClearErrors
    CreateDirectory "$APPDATA\kefu-desk"
    FileOpen $0 "$APPDATA\kefu-desk\kefu-desk.json" w
    ${If} ${Errors}
      MessageBox MB_ICONEXCLAMATION "无法写入 $APPDATA\kefu-desk\kefu-desk.json：请在登录页填写服务器地址。" /SD IDOK
      SetErrorLevel 2
    ${Else}
      FileWrite $0 '{"serverUrl": "$ServerUrl"}$\r$\n'
      FileClose $0
    ${EndIf}
  ${EndIf}
!macroend

!macro customUnInstall
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "com.kefudesk.workstation"
  ; An update runs the old uninstaller with --updated: the server address stays for the new version.
  ClearErrors
  ${GetParameters} $R0
  ${GetOptions} $R0 "--updated" $R1
  ${If} ${Errors}
    Delete "$APPDATA\kefu-desk\kefu-desk.json"
    RMDir "$APPDATA\kefu-desk"
  ${EndIf}
!macroend
