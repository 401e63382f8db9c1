; 开机自动启动 as an optional step of the per-user NSIS installer: a checkbox page after the
; directory page; when ticked, the same login item the app writes itself (HKCU Run, --hidden).
; The app keeps it in step with its own setting on every start (desktop-host reconcileAutoStart).
!include nsDialogs.nsh
; electron-builder compiles this file twice with -WX: the uninstaller pass (BUILD_UNINSTALLER)
; never uses these, and an unreferenced Var is warning 6001, which -WX turns into an error.
!ifndef BUILD_UNINSTALLER
  Var AutoStartCheckbox
  Var AutoStartWanted
!endif

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
!macroend

!macro customUnInstall
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "com.kefudesk.workstation"
!macroend
