import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createLanguageService, ParsedFile, resolveSettings, THROWING_LOGGER } from '../../server/src/service';
import { docsPathOf } from '../../server/src/shared/docs';

const repo = path.resolve(__dirname, '../../..');
const docs = path.join(repo, 'docs');

test('there is a page per pattern, and every relative link of the pattern and lifecycle pages leads to a file', () => {
  const pages = readdirSync(path.join(docs, 'patterns'))
    .filter((name) => name.endsWith('.md'))
    .sort();
  assert.deepEqual(pages, ['README.md', 'adapter.md', 'ambassador.md', 'init.md', 'native-sidecar.md', 'sidecar.md']);
  const broken: string[] = [];
  for (const page of [...pages.map((name) => path.join(docs, 'patterns', name)), path.join(docs, 'lifecycle.md')]) {
    for (const match of readFileSync(page, 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      const target = match[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      if (!existsSync(path.resolve(path.dirname(page), target)))
        broken.push(`${path.relative(repo, page)} → ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('role hovers link to the pattern page, and documentation URLs map to the pages shipped in the extension', () => {
  const service = createLanguageService({ logger: THROWING_LOGGER });
  const text = readFileSync(path.join(repo, 'examples', 'native-sidecar-job.yaml'), 'utf8');
  const hover = service.hover(new ParsedFile(text), text.indexOf('db-proxy') + 2, resolveSettings({}));
  const link = /\[About native sidecars\]\(([^)]+)\)/.exec(hover?.markdown ?? '');
  assert.ok(link, hover?.markdown);
  assert.equal(docsPathOf(link[1]!), 'patterns/native-sidecar.md');
  assert.ok(existsSync(path.join(docs, docsPathOf(link[1]!)!)));
  assert.equal(docsPathOf(service.docsUrl('init-waits-on-later-container')!), 'rules/init-waits-on-later-container.md');
  assert.equal(docsPathOf('https://example.com/docs/rules/x.md'), undefined);
  assert.equal(docsPathOf(`${link[1]!.replace('native-sidecar.md', '')}../../../etc/passwd`), undefined);
});
