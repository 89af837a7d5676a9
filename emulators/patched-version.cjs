// Each preload that reaches into an emulator's internals was written against one version of it. Another version may
// have fixed the defect, or moved what the preload patches, so the emulator refuses to start and says which, instead of
// running with a patch that does nothing, or the wrong thing (emulators/README.md lists each patch and its test).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

module.exports = function expectVersion(emulator, writtenFor, preload) {
  const found = JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', emulator, 'package.json'), 'utf8')).version;
  if (found !== writtenFor) {
    throw new Error(`${path.basename(preload)} patches ${emulator} ${writtenFor}, but ${emulator} ${found} is installed: ` +
      'run its test against this version (emulators/README.md), then update the patch, or remove it if the defect is fixed.');
  }
};
