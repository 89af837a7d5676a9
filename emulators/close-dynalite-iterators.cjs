// Preloaded into dynalite (node -r): lets it close the LevelDB iterators behind every Query, Scan and ListTables.
//
// dynalite 4.0.0 wraps each abstract-level iterator in a stream whose destroy() calls iterator.return(), a method
// abstract-level 3 iterators do not have. Every such request therefore left two iterators open, each holding a LevelDB
// snapshot until the emulator stopped. With a snapshot open, compaction must keep every later version of every item:
// the store grew with each update (58 MB on disk for 20 MB written), and the many versions of one hot item came to
// straddle two table files of a level, which LevelDB 1.20 (bundled by classic-level) then read back as an older version
// of the item: acknowledged updates were lost. Giving the iterators the return() dynalite expects closes them.
'use strict';
require('./patched-version.cjs')('dynalite', '4.0.0', __filename);
const { AbstractIterator, AbstractKeyIterator, AbstractValueIterator } = require('abstract-level');

for (const iterator of [AbstractIterator, AbstractKeyIterator, AbstractValueIterator]) {
  if (typeof iterator.prototype.return !== 'function') {
    iterator.prototype.return = async function () {
      await this.close();
      return { done: true, value: undefined };
    };
  }
}
