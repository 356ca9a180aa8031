// axe on the Train view in both languages: paused with charts and snapshots, with a notice
// (an import refusal), and with the confirm dialog open.
import type { Language } from '../src/i18n/language';
import { expect, test } from './fixtures/test';
import { seriousViolations } from './fixtures/axe';
import { TrainPage } from './fixtures/TrainPage';

test.describe.configure({ timeout: 180_000 });

for (const lang of ['en', 'zh'] as const satisfies readonly Language[]) {
  test(`axe: the Train view in ${lang}, paused with charts, with a notice and with the dialog`, async ({ app, page }) => {
    const train = new TrainPage(app);
    await train.open('#/train?experiment=gelu', { lang });
    await train.configureSmall({}, {});
    await train.stepTo(1);
    await train.stepTo(2);
    await expect(train.status).toHaveAttribute('data-status', 'paused');
    await expect(page.getByTestId('probe-cross')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await train.libraryFile.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await expect(train.notice).toHaveAttribute('data-kind', 'import-refused');
    expect(await seriousViolations(page)).toEqual([]);

    await train.resetButton.click();
    await expect(train.dialog).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
