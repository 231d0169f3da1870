const core = require('@qxg/disclosure-core');
console.log('cjs ok', Object.keys(core).length);
