import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// How hard a new passphrase is to guess, estimated by zxcvbn-ts (dictionaries of common passwords,
// names and English words, keyboard patterns, repeats, dates, l33t). A length rule lets "password1"
// and "aaaaaaaa" through; this does not. The dictionaries load on first use only.

/** zxcvbn's score 3: "safely unguessable", enough against an offline attack on a slow hash. */
const MIN_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * A library's exports, whether they come as an ES module (tsx, vitest) or, in the command line's
 * bundle, as a CommonJS module under `default`: there the named exports alone are undefined, and
 * setting a passphrase failed with "is not a constructor".
 */
const exportsOf = <T extends object>(loaded: T): T => (loaded as { default?: T }).default ?? loaded;

async function load(): Promise<ZxcvbnFactory> {
  const [core, common, en] = await Promise.all([
    import('@zxcvbn-ts/core').then(exportsOf),
    import('@zxcvbn-ts/language-common').then(exportsOf),
    import('@zxcvbn-ts/language-en').then(exportsOf),
  ]);
  const { ZxcvbnFactory } = core;
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
}

/**
 * Null when the passphrase is strong enough; else one line saying why not and what would help.
 * `context` holds words the passphrase must not lean on (the person's name, the office's).
 */
export async function weakPassphrase(passphrase: string, context: string[] = []): Promise<string | null> {
  estimator ??= load();
  const result = (await estimator).check(passphrase, context);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.$/, '')}. ` : '';
  const advice = result.feedback.suggestions[0] ?? 'Add more words that are less common.';
  return `That passphrase is too easy to guess. ${why}${advice} Three or four unrelated words work well.`;
}
