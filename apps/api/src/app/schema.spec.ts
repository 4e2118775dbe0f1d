import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printApiSchema } from './schema';

describe('schema contract', () => {
  it('matches the committed libs/shared/contracts/src/schema.graphql (run `npm run schema:emit` after changing the API)', async () => {
    const committed = readFileSync(
      path.resolve(__dirname, '../../../../libs/shared/contracts/src/schema.graphql'),
      'utf8',
    );
    expect(await printApiSchema()).toBe(committed);
  });
});
