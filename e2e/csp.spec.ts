// The built app runs under its Content-Security-Policy, and that policy keeps remote
// origins out (the app works offline and sends nothing anywhere).
import { expect, test } from './fixtures/test';

test('the CSP is in force and blocks a remote request', async ({ app, page }) => {
  await app.goto('#/walkthrough/overview');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");

  app.allowConsoleError(/Content Security Policy/);
  const violation = await page.evaluate(async () => {
    const seen = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
    );
    await fetch('https://example.org/').catch(() => undefined);
    return seen;
  });
  expect(violation).toBe('connect-src');
});
