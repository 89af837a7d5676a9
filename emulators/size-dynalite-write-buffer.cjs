// Preloaded into dynalite (node -r): opens its LevelDB with a 32 MB write buffer instead of LevelDB's 4 MB.
//
// Every UpdateItem writes the whole item again, so the aggregator's steady stream filled a 4 MB buffer every second or
// so, and LevelDB merged each flush into level 1 by rewriting level 1: in a 30-minute soak its compaction thread wrote
// six bytes for every byte flushed and took a third of dynalite's CPU, on a machine the pipeline already fills. With
// eight times the buffer there are an eighth as many merges, each dropping more superseded versions of the same items:
// 7.5 times less written by compaction and a tenth to a fifth less CPU per update, for 38-46 MB more memory
// (bench/notes/2026-12-05-the-store-s-compaction-dynalite-s-write-buffer.md).
'use strict';
require('./patched-version.cjs')('dynalite', '4.0.0', __filename);
const path = require('node:path');

const WriteBufferBytes = 32 * 1024 * 1024;

// On the class's open rather than dynalite's `Level`, which the other preloads may have made dynalite take already.
const { ClassicLevel } = require(require.resolve('classic-level', { paths: [path.dirname(require.resolve('dynalite/package.json'))] }));
const open = ClassicLevel.prototype._open;
ClassicLevel.prototype._open = function (options) {
  return open.call(this, { ...options, writeBufferSize: WriteBufferBytes });
};
