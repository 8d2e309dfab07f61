import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULE_LEVELS } from '../../server/src/service';

const repo = path.resolve(__dirname, '..', '..', '..');

interface Setting {
  readonly type?: string;
  readonly scope?: string;
  readonly markdownDescription?: string;
  readonly enum?: readonly string[];
  readonly enumDescriptions?: readonly string[];
  readonly additionalProperties?: Setting;
}

interface Manifest {
  readonly [field: string]: unknown;
  readonly icon: string;
  readonly categories: readonly string[];
  readonly activationEvents: readonly string[];
  readonly capabilities: { untrustedWorkspaces?: { supported: unknown }; virtualWorkspaces?: { supported: unknown } };
  readonly contributes: {
    readonly commands: readonly { command: string; title: string; category?: string }[];
    readonly menus?: Record<string, readonly { command?: string; submenu?: string; when?: string }[]>;
    readonly submenus?: readonly { id: string; label: string }[];
    readonly configuration: { properties: Record<string, Setting> };
  };
}

const manifestText = readFileSync(path.join(repo, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;

test('package.json has no duplicate keys (JSON.parse would silently keep the last one)', () => {
  // Two branches that each add a "commands" array merge into a file with two such keys. npm writes
  // package.json as JSON.stringify(…, null, 2), so any key lost in a round trip shows as a difference.
  assert.equal(
    manifestText,
    `${JSON.stringify(manifest, null, 2)}\n`,
    'package.json differs from its own round trip: a duplicate key, or formatting npm would rewrite',
  );
});

test('the manifest carries what the marketplace and a careful user expect', () => {
  for (const field of [
    'publisher',
    'displayName',
    'description',
    'icon',
    'repository',
    'license',
    'engines',
    'keywords',
  ]) {
    assert.ok(manifest[field], `package.json has "${field}"`);
  }
  assert.deepEqual([...manifest.categories].sort(), ['Linters', 'Snippets', 'Visualization']);
  assert.ok(
    manifest.capabilities.untrustedWorkspaces && manifest.capabilities.virtualWorkspaces,
    'workspace capabilities are declared',
  );
});

test("activation is lazy: only on YAML or the extension's own views", () => {
  const unexpected = manifest.activationEvents.filter(
    (event) => !/^(onLanguage:yaml|onWebviewPanel:podPatterns\.[\w.]+|onCommand:podPatterns\.[\w.]+)$/.test(event),
  );
  assert.deepEqual(unexpected, []);
});

test('the icon is a 128×128 PNG', () => {
  const png = readFileSync(path.join(repo, manifest.icon));
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('every command is in the "Pod Patterns" category and every menu entry has a when clause', () => {
  assert.deepEqual(
    manifest.contributes.commands.filter((command) => command.category !== 'Pod Patterns').map((c) => c.command),
    [],
  );
  const known = new Set(manifest.contributes.commands.map((command) => command.command));
  const submenus = new Set((manifest.contributes.submenus ?? []).map((submenu) => submenu.id));
  for (const [menu, entries] of Object.entries(manifest.contributes.menus ?? {})) {
    for (const entry of entries) {
      if (entry.submenu !== undefined)
        assert.ok(submenus.has(entry.submenu), `${menu} opens ${entry.submenu}, a contributed submenu`);
      else
        assert.ok(
          entry.command !== undefined && known.has(entry.command),
          `${menu} lists ${entry.command}, a contributed command`,
        );
      assert.ok(entry.when, `${menu} entry ${entry.command ?? entry.submenu} says when it applies`);
    }
  }
});

test('every setting has a markdown description and a scope, and every enum explains its values', () => {
  for (const [key, setting] of Object.entries(manifest.contributes.configuration.properties)) {
    assert.match(key, /^podPatterns\./);
    assert.ok(setting.markdownDescription, `${key} has a markdownDescription`);
    assert.ok(setting.scope, `${key} has a scope`);
    for (const withEnum of [setting, setting.additionalProperties]) {
      if (withEnum?.enum)
        assert.equal(withEnum.enumDescriptions?.length, withEnum.enum.length, `${key}: one description per enum value`);
    }
  }
});

test('the podPatterns.rules setting offers exactly the rule levels of the service, in their order', () => {
  assert.deepEqual(
    manifest.contributes.configuration.properties['podPatterns.rules']?.additionalProperties?.enum,
    RULE_LEVELS,
  );
});
