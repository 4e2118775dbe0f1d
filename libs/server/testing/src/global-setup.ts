import { ensureTestServices } from './services';

export default async function globalSetup(): Promise<void> {
  await ensureTestServices((m) => process.stdout.write(`\n[test services] ${m}\n`));
}
