import { saveBlob } from '../graphql/client';

/** Writes a simple one-sheet XLSX (title row, header, rows). exceljs is loaded only on export. */
export async function exportSheet(options: {
  readonly fileName: string;
  readonly sheetName: string;
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly widths?: readonly number[];
}): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(options.sheetName);
  sheet.addRow([options.title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, options.header.length);
  sheet.addRow([...options.header]).font = { bold: true };
  for (const row of options.rows) sheet.addRow([...row]);
  options.widths?.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  const buffer = await book.xlsx.writeBuffer();
  saveBlob(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    options.fileName,
  );
}
