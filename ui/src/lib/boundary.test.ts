// The page reaches the Rust side through one module: backend.ts wraps the generated bindings,
// and only the bindings talk to @tauri-apps/*. Tenant text never goes in as HTML.
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTestCode, readSrc, sourceFiles } from '../test-fixtures';

interface Import {
  from: string;
  specifier: string;
  typeOnly: boolean;
}

const modules = sourceFiles().filter((path) => /\.(svelte|ts|js)$/.test(path) && !isTestCode(path));

function importsOf(path: string): Import[] {
  const source = readSrc(path);
  const found: Import[] = [];
  // import x from '…', import { a, type b } from '…', import type { … } from '…', export … from '…'
  for (const m of source.matchAll(/\b(import|export)\s+(type\s+)?([^;'"`]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    found.push({ from: path, specifier: m[4], typeOnly: m[2] !== undefined });
  }
  // import '…' (side effects) and import('…')
  for (const m of source.matchAll(/\bimport\s*\(?\s*['"]([^'"]+)['"]/g)) {
    found.push({ from: path, specifier: m[1], typeOnly: false });
  }
  return found;
}

/** The module a relative specifier points at, relative to ui/src and without extension. */
function target(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.(ts|js)$/, '');
}

const imports = modules.flatMap(importsOf);

describe('the IPC boundary', () => {
  it('sees the modules and imports it checks', () => {
    expect(modules).toEqual(expect.arrayContaining(['App.svelte', 'lib/backend.ts', 'lib/bindings.ts', 'main.ts']));
    expect(imports.length).toBeGreaterThan(20);
  });

  it('lets only lib/bindings.ts import from @tauri-apps/', () => {
    const importers = [...new Set(imports.filter((i) => i.specifier.startsWith('@tauri-apps/')).map((i) => i.from))];
    expect(importers).toEqual(['lib/bindings.ts']);
  });

  it('lets only lib/backend.ts import the bindings as a value', () => {
    const bindings = imports.filter((i) => target(i.from, i.specifier) === 'lib/bindings');
    // Type imports of the bindings are fine, and there are some.
    expect(bindings.some((i) => i.typeOnly && i.from !== 'lib/backend.ts')).toBe(true);
    const valueImporters = [...new Set(bindings.filter((i) => !i.typeOnly).map((i) => i.from))];
    expect(valueImporters).toEqual(['lib/backend.ts']);
  });

  it('has no {@html} in any component', () => {
    const svelte = modules.filter((path) => path.endsWith('.svelte'));
    expect(svelte.length).toBeGreaterThanOrEqual(5);
    const offenders = svelte.filter((path) => /\{@html\b/.test(readSrc(path)));
    expect(offenders).toEqual([]);
  });

  it('sets no HTML from script either', () => {
    const offenders = modules.filter((path) => /\b(innerHTML|outerHTML|insertAdjacentHTML)\b/.test(readSrc(path)));
    expect(offenders).toEqual([]);
  });
});
