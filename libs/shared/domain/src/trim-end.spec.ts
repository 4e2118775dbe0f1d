import { performance } from 'node:perf_hooks';
import { trimEndChars, trimEndTokens } from './trim-end';

const POLITE = /[\s,]*\b(?:please|pls|thank you)\b$/i;

describe('trimEndChars', () => {
  it('removes only the accepted characters at the end', () => {
    expect(trimEndChars('buy milk!! . ', /[.!\s]/)).toBe('buy milk');
    expect(trimEndChars('!wow! x', /[.!\s]/)).toBe('!wow! x');
    expect(trimEndChars('...', /\./)).toBe('');
    expect(trimEndChars('', /\./)).toBe('');
  });

  it('is linear on a long run that does not reach the end', () => {
    const text = `${' !'.repeat(50_000)}x`;
    const started = performance.now();
    expect(trimEndChars(text, /[.!\s]/)).toBe(text);
    expect(trimEndChars(`${text}${' !'.repeat(50_000)}`, /[.!\s]/)).toBe(text);
    // A quadratic scan of 100,000 characters takes seconds; a linear one, milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('trimEndTokens', () => {
  it('removes every trailing token and keeps what comes before', () => {
    expect(trimEndTokens('call mum, please pls', POLITE)).toBe('call mum');
    expect(trimEndTokens('call mum thank you please', POLITE)).toBe('call mum');
    expect(trimEndTokens('please call mum', POLITE)).toBe('please call mum');
    expect(trimEndTokens('pls', POLITE)).toBe('');
  });

  it('does not cut a word in two at the edge of its window', () => {
    // "xplease" is not the word "please", even when the window starts inside it.
    expect(trimEndTokens(`${'a'.repeat(100)}xplease`, POLITE, 6)).toBe(`${'a'.repeat(100)}xplease`);
    // A separator run longer than the window is removed whole with the word after it.
    expect(trimEndTokens(`milk${','.repeat(200)}please`, POLITE, 16)).toBe('milk');
  });

  it('is linear on thousands of tokens and on a run that ends in something else', () => {
    const started = performance.now();
    expect(trimEndTokens(`go${' pls'.repeat(20_000)}`, POLITE)).toBe('go');
    const text = `go${' pls'.repeat(20_000)} x`;
    expect(trimEndTokens(text, POLITE)).toBe(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
