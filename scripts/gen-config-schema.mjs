// Writes schemas/pod-patterns-config.schema.json, the JSON Schema of .pod-patterns.yaml, from the
// built service (run `npm run build` first): the same rule ids, levels and presets the parser checks.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const service = require('../build/server/src/service/index.js');
const ruleIds = service.createLanguageService({ logger: service.SILENT_LOGGER }).rules.map((rule) => rule.id);
writeFileSync(
  new URL('../schemas/pod-patterns-config.schema.json', import.meta.url),
  `${JSON.stringify(service.projectConfigSchema(ruleIds), null, 2)}\n`,
);
