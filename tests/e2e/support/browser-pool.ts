/**
 * One browser at a time per Playwright worker, reused by consecutive tests of the same owner (a
 * spec file) and started afresh for anyone else. Starting a browser with the extension costs
 * seconds on a 2-core machine; a spec file whose tests reset DeskLink themselves can share one.
 */
export interface BrowserKind<B> {
  launch(): Promise<B>;
  close(browser: B): Promise<void>;
  /** False once the browser went away (crashed, or a test closed it). */
  alive(browser: B): boolean;
}

export class BrowserPool<B> {
  private current: { browser: B; owner: string | undefined } | undefined;

  constructor(private readonly kind: BrowserKind<B>) {}

  /** The running browser when `owner` is set and matches the last one's (`reused`), else a fresh one. */
  async acquire(owner: string | undefined): Promise<{ browser: B; reused: boolean }> {
    const current = this.current;
    if (current && owner !== undefined && owner === current.owner && this.kind.alive(current.browser)) {
      return { browser: current.browser, reused: true };
    }
    await this.release();
    const browser = await this.kind.launch();
    this.current = { browser, owner };
    return { browser, reused: false };
  }

  async release(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (current) await this.kind.close(current.browser).catch(() => undefined);
  }
}
