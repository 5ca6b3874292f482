/**
 * An XLSX is a ZIP archive. Before exceljs inflates one, its central directory is read here: the entry
 * count and the sum of the uncompressed sizes it declares must stay within bounds, and each deflated entry
 * is inflated once with its declared size as the most it may produce, so an archive that lies about its
 * sizes is caught too. Memory stays within the bound whatever the archive holds (a 10 kB "zip bomb" of
 * several GB is refused after reading its directory).
 */
import { inflateRawSync } from 'node:zlib';
import { sizeText } from '../domain/limits.js';

export interface ZipLimits {
  /** the most the entries may inflate to, together (bytes) */
  uncompressedBytes: number;
  /** the most entries (files) the archive may hold */
  entries: number;
}

/** An archive refused: unreadable (422, as any file that is no table) or beyond a bound (413). */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly status: 413 | 422,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** where the entry's local header starts */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;


/** The entries the central directory lists; throws ZipError when it cannot be read or lists too many. */
export function zipEntries(data: Uint8Array, limits: Pick<ZipLimits, 'entries'>): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const bad = (why: string) => new ZipError(`not a readable XLSX file: ${why}`, 422);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));

  // The end-of-central-directory record is within the last 64 kB (its comment is at most 65,535 bytes).
  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - MAX16); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw bad('no central directory');
  let count = u16(eocd + 10);
  let size = u32(eocd + 12);
  let offset = u32(eocd + 16);
  if (count === MAX16 || size === MAX32 || offset === MAX32) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) throw bad('a ZIP64 archive without its locator');
    const record = u64(locator + 8);
    if (record + 56 > data.length || u32(record) !== ZIP64_EOCD) throw bad('a ZIP64 archive without its directory record');
    count = u64(record + 32);
    size = u64(record + 40);
    offset = u64(record + 48);
  }
  if (count > limits.entries) throw new ZipError(`the XLSX file holds ${count} files, more than the ${limits.entries} this service reads`, 413);
  if (offset + size > data.length) throw bad('the central directory lies beyond the end of the file');

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > data.length || u32(at) !== CENTRAL) throw bad('a damaged central directory');
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localOffset = u32(at + 42);
    const name = new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength));
    // ZIP64: the sizes and offset that did not fit are in the extra field 0x0001, in this order
    if (uncompressedSize === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
      for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
        const id = u16(e);
        const length = u16(e + 2);
        if (id === 0x0001) {
          let p = e + 4;
          if (uncompressedSize === MAX32) {
            uncompressedSize = u64(p);
            p += 8;
          }
          if (compressedSize === MAX32) {
            compressedSize = u64(p);
            p += 8;
          }
          if (localOffset === MAX32) localOffset = u64(p);
          break;
        }
        e += 4 + length;
      }
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses (ZipError 413) an archive whose entries declare more than `limits.uncompressedBytes` together,
 * or more entries than `limits.entries`; then inflates each entry with its declared size as the most it
 * may give, refusing one that gives more (its header lied). Throws ZipError 422 for an unreadable archive.
 */
export function checkZip(data: Uint8Array, limits: ZipLimits): void {
  const entries = zipEntries(data, limits);
  let total = 0;
  for (const e of entries) total += e.uncompressedSize;
  if (total > limits.uncompressedBytes) {
    throw new ZipError(`the XLSX file inflates to ${sizeText(total)}, more than the ${sizeText(limits.uncompressedBytes)} this service reads; send fewer rows, or CSV`, 413);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (const e of entries) {
    if (e.localOffset + 30 > data.length || view.getUint32(e.localOffset, true) !== LOCAL) throw new ZipError(`not a readable XLSX file: entry ${e.name} is damaged`, 422);
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    const body = data.subarray(start, start + e.compressedSize);
    if (body.length < e.compressedSize) throw new ZipError(`not a readable XLSX file: entry ${e.name} is cut short`, 422);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw new ZipError(`not a readable XLSX file: entry ${e.name} is damaged`, 422);
      continue;
    }
    if (e.method !== 8) throw new ZipError(`not a readable XLSX file: entry ${e.name} uses compression method ${e.method}`, 422);
    try {
      inflateRawSync(body, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipError(`the XLSX file's entry ${e.name} inflates to more than the ${sizeText(e.uncompressedSize)} it declares`, 413);
      }
      throw new ZipError(`not a readable XLSX file: entry ${e.name}: ${(err as Error).message}`, 422);
    }
  }
}
