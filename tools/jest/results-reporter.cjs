// Writes one small JSON file per jest run (tmp/test-results/jest-<name>.json) with the counts, so
// the workspace test command can print one `tests: N passed, N failed` line over every runner.
const fs = require('node:fs');
const path = require('node:path');

class ResultsReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const root = path.resolve(__dirname, '../..');
    const name = path.relative(root, this.globalConfig.rootDir).replace(/[\\/]/g, '-') || 'root';
    const dir = path.join(root, 'tmp/test-results');
    fs.mkdirSync(dir, { recursive: true });
    const summary = {
      runner: 'jest',
      project: name,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(dir, `jest-${name}.json`), JSON.stringify(summary));
  }
}

module.exports = ResultsReporter;
