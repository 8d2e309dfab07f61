// Records the messages the extension would post to the preview for each topology fixture
// (the graph as the language server computes it), so the browser test replays real input.
// Run after `npm run build`: node test/webview/record.mjs
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createLanguageService, resolveSettings, SILENT_LOGGER } = require(
  path.join(root, 'build/server/src/service/index.js'),
);
const service = createLanguageService({ logger: SILENT_LOGGER });

const fixtures = path.join(root, 'test/fixtures/topology');
const out = path.join(fixtures, 'messages');
mkdirSync(out, { recursive: true });
for (const name of readdirSync(fixtures)
  .filter((file) => file.endsWith('.yaml'))
  .sort()) {
  const file = service.parseFile(readFileSync(path.join(fixtures, name), 'utf8'));
  const targets = service.topologyTargets(file);
  const graph = targets[0] ? service.topologyGraph(file, targets[0], resolveSettings({})) : null;
  const lifecycle = targets[0] ? service.lifecycle(file, targets[0], resolveSettings({})) : null;
  const template = service.isUnrenderedTemplate(file);
  const message = {
    type: 'topology',
    uri: `file:///workspace/${name}`,
    fileName: name,
    version: 1,
    targets,
    graph,
    lifecycle,
    template,
    locked: false,
  };
  writeFileSync(path.join(out, name.replace(/\.yaml$/, '.json')), `${JSON.stringify(message, null, 2)}\n`);
  console.log(`recorded ${name}`);
}
