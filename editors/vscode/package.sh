#!/bin/sh
# Build the VS Code extension: installs the locked npm packages (package-lock.json), checks extension.js against
# the VS Code and vscode-languageclient types, and writes copydesk-VERSION.vsix in this folder.
#
#   sh editors/vscode/package.sh            # from anywhere; needs Node.js 20 or newer and npm
#   code --install-extension editors/vscode/copydesk-0.1.0.vsix
#
# OUT=/some/folder sh package.sh writes the .vsix there instead.
set -eu
cd "$(dirname "$0")"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npm run --silent check
version=$(node -p "require('./package.json').version")
out=${OUT:-.}
npx --no-install vsce package --allow-missing-repository --out "$out/copydesk-$version.vsix"
