import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.js';

describe('didYouMean', () => {
  const stepKeys = ['id', 'if', 'name', 'uses', 'run', 'working-directory', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes'];
  it.each([
    ['wiht', 'with'],
    ['runs', 'run'],
    ['working_directory', 'working-directory'],
    ['Timeout-Minutes', 'timeout-minutes'],
    ['continue-on-errors', 'continue-on-error'],
  ])('%s → %s', (typo, meant) => expect(didYouMean(typo, stepKeys)).toBe(meant));

  it('matches the same words in another order', () => {
    expect(didYouMean('ignore-paths', ['paths', 'paths-ignore', 'branches'])).toBe('paths-ignore');
  });

  it('stays quiet when nothing is close', () => {
    expect(didYouMean('docker', stepKeys)).toBeUndefined();
    expect(didYouMean('xy', ['id', 'if'])).toBeUndefined();
  });
});
