// Zip bombs for the tests (plan-io's and the gateway's): nothing of the inflated size is ever allocated.
import { constants, deflateRawSync } from 'node:zlib';

const MIB = 1024 * 1024;

/**
 * Raw deflate data that inflates to `mib` MiB of zeros, in about 1 KB per MiB: one full-flushed
 * block of 1 MiB of zeros (byte-aligned, no back-references past it) repeated, then a final empty
 * stored block. Nothing of that size is ever allocated.
 */
export function zeroKernel(mib: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(MIB), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const out = new Uint8Array(block.length * mib + 5);
  for (let i = 0; i < mib; i++) out.set(block, i * block.length);
  out.set([0x01, 0x00, 0x00, 0xff, 0xff], block.length * mib);
  return out;
}

/**
 * A zip with one deflated local entry and `names.length` central-directory entries that all point at
 * it (the overlapping-entries bomb), each declaring `declared` bytes.
 */
export function bomb(kernel: Uint8Array, names: readonly string[], declared: number): Uint8Array {
  const enc = new TextEncoder();
  const first = enc.encode(names[0] ?? 'a');
  const local = new Uint8Array(30 + first.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true); // deflate
  lv.setUint32(18, kernel.length, true);
  lv.setUint32(22, declared, true);
  lv.setUint16(26, first.length, true);
  local.set(first, 30);
  const central: Uint8Array[] = [];
  for (const name of names) {
    const n = enc.encode(name);
    const c = new Uint8Array(46 + n.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, kernel.length, true);
    cv.setUint32(24, declared, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, 0, true); // every entry: the same local header at offset 0
    c.set(n, 46);
    central.push(c);
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const cdOffset = local.length + kernel.length;
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, names.length, true);
  ev.setUint16(10, names.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdOffset, true);
  const parts = [local, kernel, ...central, end];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
