// The UI reads the same Fluent catalog as the Rust core: one set of files, three languages.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import nb from '../../../src-tauri/crates/core/locales/nb.ftl?raw';
import nn from '../../../src-tauri/crates/core/locales/nn.ftl?raw';
import en from '../../../src-tauri/crates/core/locales/en.ftl?raw';
import type { Language } from './bindings';

export const catalogSources: Record<Language, string> = { nb, nn, en };

/** The BCP 47 tag for dates and numbers in each language. */
export const localeTags: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

function bundleFor(language: Language): FluentBundle {
  const bundle = new FluentBundle(localeTags[language], { useIsolating: false });
  bundle.addResource(new FluentResource(catalogSources[language]));
  return bundle;
}

const bundles: Record<Language, FluentBundle> = { nb: bundleFor('nb'), nn: bundleFor('nn'), en: bundleFor('en') };

class Locale {
  language = $state<Language>('nb');
}

export const locale = new Locale();

export function setUiLanguage(language: Language): void {
  locale.language = language;
  document.documentElement.lang = language;
}

/** Formats a catalog message; a missing one shows its key, so a gap is visible rather than blank. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  const bundle = bundles[locale.language];
  const message = bundle.getMessage(id);
  if (!message?.value) return id;
  return bundle.formatPattern(message.value, args);
}
