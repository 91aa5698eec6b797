import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll } from './load';
import { renderLicenseData } from './license-data';
import { creditLines } from '../../src/lib/ui/credits';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('LICENSE_DATA.md', () => {
  const { catalog } = loadAll(root);

  it('is the committed rendering of data/sources.csv (run `npm run data` after editing sources)', () => {
    expect(readFileSync(join(root, 'LICENSE_DATA.md'), 'utf8')).toBe(renderLicenseData(catalog.sources));
  });

  it('lists every source id with its licence, and every attribution line the credits panel shows', () => {
    const text = renderLicenseData(catalog.sources);
    for (const s of catalog.sources) expect(text).toContain(`\`${s.id}\``);
    for (const c of creditLines(catalog.sources))
      expect(text).toContain(c.attribution.replace(/\s+/g, ' ').trim());
  });
});
