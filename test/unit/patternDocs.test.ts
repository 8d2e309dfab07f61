import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const repo = path.resolve(__dirname, '../../..');
const docs = path.join(repo, 'docs');

test('there is a page per pattern, and every relative link of the pattern and lifecycle pages leads to a file', () => {
  const pages = readdirSync(path.join(docs, 'patterns')).filter((name) => name.endsWith('.md')).sort();
  assert.deepEqual(pages, ['README.md', 'adapter.md', 'ambassador.md', 'init.md', 'native-sidecar.md', 'sidecar.md']);
  const broken: string[] = [];
  for (const page of [...pages.map((name) => path.join(docs, 'patterns', name)), path.join(docs, 'lifecycle.md')]) {
    for (const match of readFileSync(page, 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      const target = match[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      if (!existsSync(path.resolve(path.dirname(page), target))) broken.push(`${path.relative(repo, page)} → ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});
