// @ts-check
// How the extension starts `copydesk lsp`: which files it is given, where the command is, and what to say
// when it is not there. Plain Node.js, no `vscode` import, so that it runs (and is tested) outside VS Code.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

// The file name extensions copydesk reads as articles (lint/readers/__init__.py EXTENSIONS); a test keeps the two
// lists equal. Other files of the same languages (a .mdwn page, a tsconfig.json in jsonc) are not sent.
const EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mdx', '.json', '.txt', '.text'];

// The VS Code languages whose files copydesk reads (package.json activationEvents list the same).
const LANGUAGES = ['markdown', 'mdx', 'json', 'plaintext'];

/** The documents the server is given: files on disk (the config is found from the file's folder) named as articles. */
function documentSelector() {
  const pattern = `**/*.{${EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
  return [{ scheme: 'file', pattern }];
}

/**
 * The path of `command` as it would be run, or null when there is none.
 * A bare name is looked up on PATH (with PATHEXT on Windows); a path (one with a slash) is taken from `cwd`
 * when relative. `~/` and `${workspaceFolder}` are expanded first.
 * @param {string} command
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform}} [where]
 * @returns {string | null}
 */
function findCommand(command, where = {}) {
  const env = where.env || process.env;
  const platform = where.platform || process.platform;
  const cwd = where.cwd || process.cwd();
  const expanded = expand(command, cwd);
  if (!expanded) {
    return null;
  }
  const windows = platform === 'win32';
  const suffixes = windows
    ? [''].concat((env.PATHEXT || '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean))
    : [''];
  const hasDir = expanded.includes('/') || (windows && expanded.includes('\\'));
  const dirs = hasDir ? [''] : (env.PATH || env.Path || '').split(windows ? ';' : ':').filter(Boolean);
  for (const dir of dirs) {
    const base = hasDir ? path.resolve(cwd, expanded) : path.join(dir, expanded);
    for (const suffix of suffixes) {
      if (runnable(base + suffix, windows)) {
        return base + suffix;
      }
    }
  }
  return null;
}

/** @param {string} command @param {string} cwd */
function expand(command, cwd) {
  let out = command.trim().split('${workspaceFolder}').join(cwd);
  if (out === '~' || out.startsWith('~/')) {
    out = os.homedir() + out.slice(1);
  }
  return out;
}

/** @param {string} file @param {boolean} windows */
function runnable(file, windows) {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, windows ? fs.constants.F_OK : fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * How the server is started: the command found, `lsp`, then the extra arguments.
 * No `transport` is given: vscode-languageclient would add `--stdio` to the command line; `copydesk lsp` talks
 * over stdio as it is.
 * @param {string} command the path findCommand gave
 * @param {string[]} extra
 * @param {string} cwd
 */
function serverOptions(command, extra, cwd) {
  return { command, args: ['lsp', ...extra], options: { cwd } };
}

/** What the user is told when the command is not there. @param {string} command the setting's value */
function notFoundMessage(command) {
  const shown = command.trim() || '(empty)';
  const where = shown.includes('/') || shown.includes('\\') ? `"${shown}" is not a program that can be run` : `"${shown}" was not found on PATH`;
  return (
    `copydesk: ${where}, so its language server (copydesk lsp) cannot start. ` +
    'Install copydesk in the Python environment you work in (pip install copydesk; from a checkout of copydesk: ' +
    'pip install .), or set "copydesk.path" to the command, e.g. .venv/bin/copydesk.'
  );
}

module.exports = { EXTENSIONS, LANGUAGES, documentSelector, findCommand, serverOptions, notFoundMessage };
