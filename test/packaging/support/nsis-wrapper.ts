/**
 * A minimal installer script that takes build/installer.nsh the way electron-builder 26 does
 * (app-builder-lib templates/nsis/installer.nsi): the include comes first, before MUI2 and
 * LogicLib; the installer pass inserts customPageAfterChangeDir after the directory page and
 * customInstall in the install section and customInit in .onInit; the uninstaller pass (BUILD_UNINSTALLER defined) has only
 * the uninstaller's pages, writes the uninstaller from .onInit and inserts customUnInstall in
 * "un.install".
 * makensis runs with electron-builder's flags (-WX, UTF-8 input, `-XUnicode true`).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export type NsisPass = 'installer' | 'uninstaller';

export function wrapperScript(buildDir: string): string {
  return [
    `!addincludedir "${buildDir}"`,
    `!include "${join(buildDir, 'installer.nsh')}"`,
    '!include "LogicLib.nsh"',
    '!include "MUI2.nsh"',
    'Name "Kefu Desk"',
    'RequestExecutionLevel user',
    '!ifdef BUILD_UNINSTALLER',
    '  SilentInstall silent',
    '  !insertmacro MUI_UNPAGE_WELCOME',
    '  !insertmacro MUI_UNPAGE_INSTFILES',
    '  !insertmacro MUI_UNPAGE_FINISH',
    '!else',
    '  !insertmacro MUI_PAGE_DIRECTORY',
    '  !ifmacrodef customPageAfterChangeDir',
    '    !insertmacro customPageAfterChangeDir',
    '  !endif',
    '  !insertmacro MUI_PAGE_INSTFILES',
    '!endif',
    '!insertmacro MUI_LANGUAGE "SimpChinese"',
    '!insertmacro MUI_LANGUAGE "English"',
    'Function .onInit',
    '  !ifdef BUILD_UNINSTALLER',
    '    WriteUninstaller "${UNINSTALLER_OUT_FILE}"',
    '  !else',
    '    !ifmacrodef customInit',
    '      !insertmacro customInit',
    '    !endif',
    '  !endif',
    'FunctionEnd',
    'Section "install"',
    '  !ifndef BUILD_UNINSTALLER',
    '    !ifmacrodef customInstall',
    '      !insertmacro customInstall',
    '    !endif',
    '  !endif',
    'SectionEnd',
    '!ifdef BUILD_UNINSTALLER',
    '  Section "un.install"',
    '    !ifmacrodef customUnInstall',
    '      !insertmacro customUnInstall',
    '    !endif',
    '  SectionEnd',
    '!endif',
    '',
  ].join('\n');
}

export interface MakensisRun {
  status: number | null;
  output: string;
}

/** Compiles one pass into outDir; the output carries makensis's own warnings and errors. */
export function compilePass(makensis: string, buildDir: string, outDir: string, pass: NsisPass): MakensisRun {
  const defines = pass === 'uninstaller' ? ['-DBUILD_UNINSTALLER', `-DUNINSTALLER_OUT_FILE=${join(outDir, 'uninstaller.exe')}`] : [];
  const args = ['-WX', '-INPUTCHARSET', 'UTF8', ...defines, '-XUnicode true', `-XOutFile "${join(outDir, `${pass}.exe`)}"`, '-'];
  const run = spawnSync(makensis, args, { input: wrapperScript(buildDir), cwd: outDir, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}
