// Zip bombs are refused before anything inflates them: the central directory's declared sizes and
// entry count first, then a streaming check that an entry does not inflate past what it declared.
import { qixingguan2020, qixingguanUnits } from '@qxg/disclosure-core';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxText, readPlanDocx } from '../src/docx';
import { readPlanFile } from '../src/read-plan-file';
import { readPlanXlsx, writePlanXlsx } from '../src/xlsx';
import { checkZipBounds, ZIP_LIMITS, ZipLimitError } from '../src/zip-limits';
import { bomb, zeroKernel } from './zip-bomb';

const MIB = 1024 * 1024;
const options = { registry: qixingguanUnits };

const refusal = (fn: () => unknown): ZipLimitError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ZipLimitError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('zip limits', () => {
  // 100 KB that declare 40 × 100 MiB = 3.9 GiB of zeros (the bomb: 409 KB → 3.4 GB).
  const kernel = zeroKernel(100);
  const names = Array.from({ length: 40 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`);
  const xlsxBomb = bomb(kernel, ['[Content_Types].xml', 'xl/workbook.xml', ...names], 100 * MIB);

  it('refuses an overlapping-entries bomb from its central directory alone: nothing inflated', async () => {
    expect(xlsxBomb.length).toBeLessThan(120_000);
    const e = refusal(() => checkZipBounds(xlsxBomb));
    expect(e).toMatchObject({ limit: 'totalBytes', max: ZIP_LIMITS.maxTotalBytes, inflatedBytes: 0 });
    expect(e.found).toBe(42 * 100 * MIB);
    expect(e.message).toBe(
      '压缩文件解压后过大:超过256 MiB(全部条目合计上限)。 The archive inflates past the limit of 256 MiB for all its entries together.',
    );
    // Through the readers: the same refusal, before exceljs or fflate inflate anything.
    const viaXlsx = await readPlanXlsx(xlsxBomb, options).catch((x: unknown) => x);
    expect(viaXlsx).toBeInstanceOf(ZipLimitError);
    expect(viaXlsx).toMatchObject({ limit: 'totalBytes', inflatedBytes: 0 });
    const viaFile = await readPlanFile(xlsxBomb, 'plan.xlsx', options).catch((x: unknown) => x);
    expect(viaFile).toMatchObject({ name: 'ZipLimitError', limit: 'totalBytes', inflatedBytes: 0 });
  });

  it('refuses one entry declared past the per-entry limit (a .docx whose document.xml is 400 MiB)', () => {
    const docx = bomb(zeroKernel(400), ['word/document.xml'], 400 * MIB);
    const e = refusal(() => docxText(docx));
    expect(e).toMatchObject({ limit: 'entryBytes', max: ZIP_LIMITS.maxEntryBytes, found: 400 * MIB });
    expect(e.inflatedBytes).toBe(0);
    expect(e.zh).toBe('压缩文件中的条目(word/document.xml)解压后过大:超过128 MiB(单个条目上限)。');
    expect(refusal(() => readPlanDocx(docx, options)).limit).toBe('entryBytes');
  });

  it('stops an entry that inflates past its declared size, within one push of it', () => {
    // Declares 1,000 bytes, would inflate to 200 MiB.
    const liar = bomb(zeroKernel(200), ['word/document.xml'], 1_000);
    const e = refusal(() => docxText(liar));
    expect(e).toMatchObject({ limit: 'declaredBytes', max: 1_000, entry: 'word/document.xml' });
    expect(e.inflatedBytes).toBeGreaterThan(1_000);
    // One push is 4 KB of deflate data: at most ~4.2 MB come out of it, never the 200 MiB.
    expect(e.inflatedBytes).toBeLessThanOrEqual(4096 * 1032);
    expect(e.en).toContain('inflates past its declared size of 1000 bytes');
    // The running total is capped the same way, whatever the entries declare.
    const total = refusal(() =>
      checkZipBounds(bomb(zeroKernel(8), ['a.xml'], 8 * MIB), { limits: { maxTotalBytes: MIB } }),
    );
    expect(total.limit).toBe('totalBytes');
  });

  it('refuses more entries than the limit', () => {
    const many = zipSync(
      Object.fromEntries(
        Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => [`f${i}.txt`, new Uint8Array()]),
      ),
    );
    const e = refusal(() => checkZipBounds(many));
    expect(e).toMatchObject({ limit: 'entries', max: 2_000, found: 2_001, inflatedBytes: 0 });
    expect(e.message).toContain('压缩文件条目过多:2001个,上限为2000个。');
  });

  it('passes real workbooks (and says what it checked), and leaves non-zips to the reader', async () => {
    const xlsx = await writePlanXlsx(qixingguan2020);
    const summary = checkZipBounds(xlsx);
    expect(summary?.entries).toBeGreaterThan(5);
    expect(summary?.inflatedBytes).toBe(summary?.declaredBytes);
    expect((await readPlanXlsx(xlsx, options)).plan?.id).toBe(qixingguan2020.id);
    expect(checkZipBounds(new TextEncoder().encode('not a zip'))).toBeNull();
    expect((await readPlanXlsx(new TextEncoder().encode('not a zip'), options)).findings[0]?.code).toBe(
      'unreadable_sheet',
    );
  });
});
