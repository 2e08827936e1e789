// Every message the UI asks for exists in every language of the shared Fluent catalog.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { isTestCode, localesDir, readSrc, sourceFiles, unionMembers } from '../test-fixtures';

const languages = ['nb', 'nn', 'en'] as const;

/** Template keys `t(`prefix-${…}`)` and the bindings type whose values fill them in. */
const templateValues: Record<string, string> = {
  'state-': 'DisplayState',
  'cycle-kind-': 'CycleKind',
  'filter-': 'FilterCheckKind',
  'demo-scenario-': 'Scenario',
  'situation-': 'Situation',
  'log-kind-': 'ImportChange',
  'machine-': 'Machine',
  'checklist-item-': 'ChecklistItem',
  'item-state-': 'ItemState',
  'task-state-': 'TaskStateView',
  'manual-sync-outcome-': 'SyncOutcome',
  'preview-column-': 'PreviewColumn',
  'queue-state-': 'JobState_Serialize',
  'audit-outcome-': 'Outcome',
  'check-outcome-': 'CheckOutcome',
};

function scannedFiles(): string[] {
  return sourceFiles().filter(
    (path) => /\.(svelte|ts)$/.test(path) && !isTestCode(path) && path !== 'lib/bindings.ts',
  );
}

function usedKeys(): { keys: Set<string>; templates: Set<string> } {
  const keys = new Set<string>();
  const templates = new Set<string>();
  for (const path of scannedFiles()) {
    const source = readSrc(path);
    for (const match of source.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) keys.add(match[2]);
    for (const match of source.matchAll(/\bt\(\s*`([^`]*)`/g)) {
      const template = match[1];
      const prefix = /^([a-z0-9-]*)\$\{[^}]+\}$/.exec(template)?.[1];
      if (prefix === undefined) throw new Error(`${path}: cannot expand the key template \`${template}\``);
      templates.add(prefix);
    }
  }
  for (const prefix of templates) {
    const typeName = templateValues[prefix];
    if (!typeName) throw new Error(`no known values for the key template \`${prefix}\${…}\``);
    for (const value of unionMembers(typeName)) keys.add(`${prefix}${value}`);
  }
  return { keys, templates };
}

function bundle(language: string): { bundle: FluentBundle; ids: Set<string> } {
  const source = readFileSync(join(localesDir, `${language}.ftl`), 'utf8');
  const resource = new FluentResource(source);
  const bundle = new FluentBundle(language, { useIsolating: false });
  const errors = bundle.addResource(resource);
  expect(errors, `${language}.ftl`).toEqual([]);
  return { bundle, ids: new Set(resource.body.map((entry) => entry.id)) };
}

describe('the translation catalog', () => {
  const { keys, templates } = usedKeys();

  it('finds the keys the UI uses', () => {
    expect(keys.size).toBeGreaterThanOrEqual(30);
    // The scan sees both kinds of call, so a broken regex cannot pass on nothing.
    expect(keys).toContain('app-name');
    expect(keys).toContain('error-ipc');
    expect(keys).toContain('age-days');
    expect([...templates].sort()).toEqual(Object.keys(templateValues).sort());
    expect(keys).toContain('state-not-reached');
    expect(keys).toContain('cycle-kind-delta');
    expect(keys).toContain('filter-anomaly');
  });

  it.each(languages)('has every key the UI uses in %s.ftl, with a value', (language) => {
    const { bundle: messages, ids } = bundle(language);
    const missing = [...keys].filter((key) => !ids.has(key) || !messages.getMessage(key)?.value).sort();
    expect(missing).toEqual([]);
  });
});
