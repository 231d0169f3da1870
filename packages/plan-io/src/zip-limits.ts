import { Inflate } from 'fflate';

/**
 * How much a .xlsx or .docx archive may hold: entries, and bytes once inflated (per entry and in
 * all). A 20,000-row decomposition table written by qxg inflates to about 30 MB in 12 entries; the
 * zip bomb of issue 15 (409 KB) declared 3.4 GB.
 */
export interface ZipLimits {
  /** Entries in the central directory. */
  readonly maxEntries: number;
  /** Inflated bytes of any one entry. */
  readonly maxEntryBytes: number;
  /** Inflated bytes of all the entries together. */
  readonly maxTotalBytes: number;
}

/** The limits the readers apply (see {@link ZipLimits}). */
export const ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 2_000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
});

/**
 * Which limit an archive broke: `entries`, `entryBytes` or `totalBytes`, or `declaredBytes` for an
 * entry that inflates past the size the central directory declares for it (a lying archive).
 */
export type ZipLimitKind = 'entries' | 'entryBytes' | 'totalBytes' | 'declaredBytes';

const MIB = 1024 * 1024;
const mib = (n: number) => `${(n / MIB).toFixed(n % MIB === 0 ? 0 : 1)} MiB`;

/**
 * An archive refused by {@link checkZipBounds}: `limit` names the limit, `max` its value, `found`
 * what the archive declared or inflated to, `inflatedBytes` how many bytes were inflated before the
 * refusal (0 when the central directory alone gave it away). `message` is Chinese, then English.
 */
export class ZipLimitError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly limit: ZipLimitKind,
    readonly max: number,
    readonly found: number,
    readonly inflatedBytes: number,
    readonly entry?: string,
  ) {
    const where = entry === undefined ? '' : `(${entry})`;
    const [zh, en] =
      limit === 'entries'
        ? [
            `压缩文件条目过多:${found}个,上限为${max}个。`,
            `The archive has too many entries: ${found}, at most ${max}.`,
          ]
        : limit === 'declaredBytes'
          ? [
              `压缩文件中的条目${where}解压后超过其声明的大小(${max}字节),文件已损坏或被篡改。`,
              `An entry of the archive${entry === undefined ? '' : ` (${entry})`} inflates past its declared size of ${max} bytes: the file is damaged or forged.`,
            ]
          : limit === 'entryBytes'
            ? [
                `压缩文件中的条目${where}解压后过大:超过${mib(max)}(单个条目上限)。`,
                `An entry of the archive${entry === undefined ? '' : ` (${entry})`} inflates past the limit of ${mib(max)} per entry.`,
              ]
            : [
                `压缩文件解压后过大:超过${mib(max)}(全部条目合计上限)。`,
                `The archive inflates past the limit of ${mib(max)} for all its entries together.`,
              ];
    super(`${zh} ${en}`);
    this.name = 'ZipLimitError';
    this.zh = zh;
    this.en = en;
  }
}

/** One entry of a zip's central directory. */
interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** What {@link checkZipBounds} found in an archive within the limits. */
export interface ZipSummary {
  readonly entries: number;
  /** Inflated bytes the central directory declares, all entries. */
  readonly declaredBytes: number;
  /** Bytes inflated to verify the declared sizes (the entries checked). */
  readonly inflatedBytes: number;
}

export interface ZipCheckOptions {
  readonly limits?: Partial<ZipLimits>;
  /** Only these entries are inflated by the reader: verify those (default: every entry). */
  readonly entries?: (name: string) => boolean;
}

const u16 = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

/** The central directory's entries, or null when the bytes are not a zip (no end record). */
function centralDirectory(b: Uint8Array): Entry[] | null {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  // Zip64: the end record's fields are 0xFFFF…, the real ones are in the zip64 end record.
  if (eocd >= 20 && u32(b, eocd - 20) === 0x07064b50) {
    const z = u64(b, eocd - 12);
    if (u32(b, z) === 0x06064b50) {
      count = u64(b, z + 32);
      offset = u64(b, z + 48);
    }
  }
  const entries: Entry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (u32(b, p) !== 0x02014b50) throw new Error('zip: broken central directory');
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    let localOffset = u32(b, p + 42);
    // Zip64 extra field: the sizes and offset that did not fit, in this order.
    for (let e = p + 46 + nameLength; e < p + 46 + nameLength + extraLength; e += 4 + u16(b, e + 2)) {
      if (u16(b, e) !== 0x0001) continue;
      let f = e + 4;
      if (size === 0xffffffff) {
        size = u64(b, f);
        f += 8;
      }
      if (compressedSize === 0xffffffff) {
        compressedSize = u64(b, f);
        f += 8;
      }
      if (localOffset === 0xffffffff) localOffset = u64(b, f);
    }
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, method: u16(b, p + 10), compressedSize, size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
    // Bound the listing itself: a directory claiming millions of entries stops here.
    if (entries.length > ZIP_LIMITS.maxEntries * 10) break;
  }
  return entries;
}

/** Compressed bytes handed to the inflater at a time: at most ~1,032× as many come out of one push. */
const PUSH = 4096;

class Stop extends Error {}

/**
 * Checks a zip archive (.xlsx, .docx) against {@link ZIP_LIMITS} before anything inflates it: first
 * the central directory (entry count, declared sizes; nothing is inflated), then each deflated entry
 * is inflated as a stream into nothing, counting bytes, and stopped as soon as it passes its
 * declared size or a limit (an archive that lies about its sizes costs at most one push past the
 * limit). Throws a {@link ZipLimitError} naming the limit; returns null when the bytes are not a
 * zip (the reader then reports them as unreadable).
 *
 * @example
 * ```ts
 * try {
 *   checkZipBounds(bytes);
 * } catch (e) {
 *   if (e instanceof ZipLimitError) console.log(e.limit, e.zh); // 'totalBytes', '压缩文件解压后过大…'
 * }
 * ```
 */
export function checkZipBounds(data: Uint8Array, options: ZipCheckOptions = {}): ZipSummary | null {
  const limits = { ...ZIP_LIMITS, ...options.limits };
  const entries = centralDirectory(data);
  if (entries === null) return null;
  if (entries.length > limits.maxEntries)
    throw new ZipLimitError('entries', limits.maxEntries, entries.length, 0);
  let declared = 0;
  for (const e of entries) {
    if (e.size > limits.maxEntryBytes)
      throw new ZipLimitError('entryBytes', limits.maxEntryBytes, e.size, 0, e.name);
    declared += e.size;
  }
  if (declared > limits.maxTotalBytes)
    throw new ZipLimitError('totalBytes', limits.maxTotalBytes, declared, 0);
  let inflated = 0;
  for (const e of entries) {
    if (options.entries && !options.entries(e.name)) continue;
    if (e.method !== 8) continue; // stored: what is there is what comes out; others no reader takes
    if (u32(data, e.localOffset) !== 0x04034b50) throw new Error('zip: broken local header');
    const start = e.localOffset + 30 + u16(data, e.localOffset + 26) + u16(data, e.localOffset + 28);
    const end = Math.min(data.length, start + e.compressedSize);
    let out = 0;
    let refusal: ZipLimitError | undefined;
    const inflater = new Inflate((chunk) => {
      out += chunk.length;
      inflated += chunk.length;
      // An entry may not inflate past what it declared (nor past the limits the declared sizes met).
      if (out > e.size) refusal = new ZipLimitError('declaredBytes', e.size, out, inflated, e.name);
      else if (inflated > limits.maxTotalBytes)
        refusal = new ZipLimitError('totalBytes', limits.maxTotalBytes, inflated, inflated);
      if (refusal) throw new Stop();
    });
    try {
      for (let i = start; i < end; i += PUSH)
        inflater.push(data.subarray(i, Math.min(end, i + PUSH)), i + PUSH >= end);
    } catch (error) {
      if (refusal) throw refusal;
      throw error;
    }
  }
  return { entries: entries.length, declaredBytes: declared, inflatedBytes: inflated };
}
