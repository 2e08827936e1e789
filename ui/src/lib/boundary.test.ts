// The page reaches the Rust side through one module: backend.ts wraps the generated bindings,
// and only the bindings talk to @tauri-apps/*. Tenant text never goes in as HTML.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTestCode, readSrc, sourceFiles, srcDir } from '../test-fixtures';

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

describe('the window capability', () => {
  const tauriDir = posix.join(srcDir, '../../src-tauri');
  const invoked = [...readSrc('lib/bindings.ts').matchAll(/__TAURI_INVOKE(?:<[^>]*>)?\("([a-z_]+)"/g)].map((m) => m[1]);
  const capability = JSON.parse(readFileSync(posix.join(tauriDir, 'capabilities/main.json'), 'utf8')) as {
    windows: string[];
    permissions: string[];
  };
  const declared = [...readFileSync(posix.join(tauriDir, 'build.rs'), 'utf8').matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);

  it('grants the main window exactly the commands the page calls, and nothing of Tauri core', () => {
    expect(invoked.length).toBeGreaterThanOrEqual(3);
    const granted = capability.permissions.map((p) => p.replace(/^allow-/, '').replaceAll('-', '_'));
    expect(capability.windows).toEqual(['main']);
    expect([...granted].sort()).toEqual([...invoked].sort());
    expect(capability.permissions.every((p) => p.startsWith('allow-'))).toBe(true);
  });

  it('declares every command in the app manifest, so the capability applies to all of them', () => {
    expect([...declared].sort()).toEqual([...invoked].sort());
  });
});
