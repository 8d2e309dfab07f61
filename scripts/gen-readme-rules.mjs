// Rewrites the README's rule tables (between the rules:start and rules:end markers) from the
// rule catalogue, so the README cannot drift from the rules. Run after `tsc -b` (it reads the
// compiled catalogue in build/); test/unit/readme.test.ts fails when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { RULE_CATALOGUE } = require('../build/server/src/rules/index.js');
const { renderRuleTables, replaceGeneratedSection } = require('../build/server/src/rules/engine/catalogue.js');

const readmePath = new URL('../README.md', import.meta.url);
const before = readFileSync(readmePath, 'utf8');
const after = replaceGeneratedSection(before, renderRuleTables(RULE_CATALOGUE));
if (after !== before) writeFileSync(readmePath, after);
console.log(after === before ? 'README rule tables are up to date' : 'README rule tables rewritten');
