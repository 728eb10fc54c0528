/**
 * Prints one last line, `e2e: N passed, N failed (N flaky, N skipped)`, so a CI log ends with
 * the verdict. The exit code stays Playwright's own (non-zero when anything failed).
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<TestCase, ReturnType<TestCase['outcome']>>();

  onTestEnd(test: TestCase, _result: TestResult): void {
    this.outcomes.set(test, test.outcome());
  }

  onEnd(result: FullResult): void {
    const count = (o: string) => [...this.outcomes.values()].filter((v) => v === o).length;
    const failed = count('unexpected');
    console.log(
      `e2e: ${count('expected')} passed, ${failed} failed (${count('flaky')} flaky, ${count('skipped')} skipped) — ${result.status}`,
    );
  }

  printsToStdio(): boolean {
    return false;
  }
}
