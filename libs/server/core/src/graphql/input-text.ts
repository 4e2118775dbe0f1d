import { Kind, visit, type DocumentNode } from 'graphql';
import { type AppError, CoreErrorCode, coreError } from '../errors/app-error';

// C0 controls but tab, line feed and carriage return, and DEL: no text a person types holds them,
// PostgreSQL refuses NUL outright, and the others break logs, CSV exports and SMS encoding.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// A surrogate half without its partner (code units, no `u` flag): not Unicode text at all.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is text we accept: well-formed UTF-16 (no lone surrogate), no control characters. */
export function isAcceptableText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

/**
 * The same text with each control character and lone surrogate replaced by U+FFFD, for input we
 * must keep rather than refuse (an inbound SMS: the phone already sent it).
 */
export function toAcceptableText(value: string): string {
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from constant fragments in this file, never from input
  return value.replace(new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`, 'g'), '\uFFFD');
}

const MAX_NODES = 10_000;

/** The path of the first unacceptable string in a JSON value (variables), or undefined. */
function findInValue(value: unknown, path: string, budget: { left: number }): string | undefined {
  if (budget.left-- <= 0) return undefined;
  if (typeof value === 'string') return isAcceptableText(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findInValue(item, `${path}[${i}]`, budget);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // A key is client text too (an unknown field is refused later, but not before it is logged).
      if (!isAcceptableText(key)) return `${path}.?`;
      const found = findInValue(item, `${path}.${key}`, budget);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Where a request carries unacceptable text: a string variable (nested at any depth, in lists and
 * input objects) or a string literal in the document (`"\u0000"` escapes parse fine). Undefined
 * when all is well. Checked at the edge, before any resolver, for every field alike.
 */
export function findInvalidText(
  document: DocumentNode | undefined,
  variables: Record<string, unknown> | null | undefined,
): string | undefined {
  const budget = { left: MAX_NODES };
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (!isAcceptableText(name)) return '$?';
    const found = findInValue(value, `$${name}`, budget);
    if (found) return found;
  }
  let found: string | undefined;
  if (document) {
    visit(document, {
      [Kind.STRING]: (node) => {
        if (!found && !isAcceptableText(node.value)) found = `line ${node.loc?.startToken.line ?? '?'}`;
      },
    });
  }
  return found;
}

/** The error for unacceptable text: VALIDATION_FAILED naming where it is. */
export function invalidTextError(where: string): AppError {
  return coreError(
    CoreErrorCode.VALIDATION_FAILED,
    { fields: { [where]: 'Remove control characters and invalid Unicode.' } },
    { message: 'Text may not contain control characters (such as NUL) or invalid Unicode.' },
  );
}
