import { allow, deny } from 'graphql-shield';
import { mergeRules } from './shield';

describe('mergeRules', () => {
  it('merges the field rules of several features', () => {
    const merged = mergeRules({ Query: { a: allow } }, { Query: { b: deny }, Thing: allow }) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(merged['Query'] ?? {})).toEqual(['a', 'b']);
    expect(merged['Thing']).toBe(allow);
  });

  it('refuses a field rule defined twice', () => {
    expect(() => mergeRules({ Query: { a: allow } }, { Query: { a: deny } })).toThrow(
      'Query.a defined twice',
    );
  });

  it('refuses a whole-type rule defined twice', () => {
    expect(() => mergeRules({ Thing: allow }, { Thing: deny })).toThrow('Thing defined twice');
  });
});
