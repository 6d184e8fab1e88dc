import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// How hard a new passphrase is to guess, estimated by zxcvbn-ts (dictionaries of common passwords,
// names and English words, keyboard patterns, repeats, dates, l33t). A length rule lets "password1"
// and "aaaaaaaa" through; this does not. The dictionaries load on first use only.

/** zxcvbn's score 3: "safely unguessable", enough against an offline attack on a slow hash. */
const MIN_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

async function load(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
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
