// Trimming the end of what people type in linear time. An end-anchored pattern such as `[.!\s]+$` or
// `(?:\s*pls)+$` is tried from every position of the text and rescans the run each time: quadratic on
// "ok ! ! ! … x", seconds on a 4,000-character message. These scan from the end instead.

/** `text` without the characters at its end that `char` (a one-character class, no `g` flag) accepts. */
export function trimEndChars(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * `text` without the tokens at its end, removed one at a time: `token` is an end-anchored pattern for
 * one token (`(?:\s+pls|\s*!)$`), tried on the last `window` characters only, so the whole is linear
 * where `(?:token)+$` is quadratic. A match that starts at the window's edge may reach further back,
 * so it is tried again on a window twice as long.
 */
export function trimEndTokens(text: string, token: RegExp, window = 64): string {
  let t = text;
  let size = window;
  // Each turn removes at least one character or doubles the window: bounded by both.
  for (let turn = 0; turn < 2 * text.length + 64; turn++) {
    const start = Math.max(0, t.length - size);
    const match = token.exec(t.slice(start));
    if (!match || match[0] === '') return t;
    if (match.index === 0 && start > 0) {
      size *= 2;
      continue;
    }
    t = t.slice(0, t.length - match[0].length);
    size = window;
  }
  return t;
}
