import * as core from '@qxg/disclosure-core';
console.log('esm ok', Object.keys(core).length);
