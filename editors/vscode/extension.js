// @ts-check
// The copydesk extension: starts `copydesk lsp` over stdio for the articles VS Code opens.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const server = require('./server');

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.LogOutputChannel | undefined} */
let output;

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  output = vscode.window.createOutputChannel('copydesk', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('copydesk.restart', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('copydesk.path') || event.affectsConfiguration('copydesk.args')) {
        void restart();
      }
    }),
  );
  await start();
}

async function start() {
  const settings = vscode.workspace.getConfiguration('copydesk');
  const command = settings.get('path', 'copydesk');
  /** @type {string[]} */
  const extra = settings.get('args', []);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const found = server.findCommand(command, { cwd: folder });
  if (!found) {
    void notFound(command);
    return;
  }
  const options = server.serverOptions(found, extra, folder || process.cwd());
  client = new LanguageClient(
    'copydesk',
    'copydesk',
    options,
    { documentSelector: server.documentSelector(), outputChannel: output },
  );
  try {
    await client.start();
  } catch (error) {
    const shown = `${found} ${options.args.join(' ')}`;
    void vscode.window.showErrorMessage(
      `copydesk: "${shown}" did not start as a language server (${String(error)}). ` +
        'A copydesk older than its language server has no "lsp" command: upgrade it. Its messages are in the copydesk output.',
    );
  }
}

async function restart() {
  await stop();
  await start();
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.dispose();
    } catch (error) {
      output?.warn(`copydesk: stopping the language server: ${String(error)}`);
    }
  }
}

/** @param {string} command */
async function notFound(command) {
  const open = 'Open Settings';
  const choice = await vscode.window.showErrorMessage(server.notFoundMessage(command), open);
  if (choice === open) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.path');
  }
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
