/**
 * A file's bytes → its text. CSV exports come as UTF-8 (with or without a byte-order
 * mark), as UTF-16 with a mark (Excel's "Unicode Text" and some CRMs' "Excel" exports), or
 * as Windows-1252 (Excel's plain "CSV" on a Western Windows). Anything else would import as
 * garbage without a word (issue 14: a UTF-16 file read as UTF-8 loses every amount and
 * date), so it is refused with what it looks like and how to re-save it.
 *
 * WHATWG encodings (TextDecoder), the same in Node and the browser:
 * https://encoding.spec.whatwg.org/#names-and-labels
 */
import { CsvImportError } from './errors';

export type CsvEncoding = 'UTF-8' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** What was read differently from the bytes (another encoding, bytes replaced, NULs removed). */
  warnings: string[];
}

/** Refused: the bytes are not text in an encoding a CSV export comes in. The message names what they look like. */
export class CsvEncodingError extends CsvImportError {
  override name = 'CsvEncodingError';
}

/** How to re-save, for every refusal. */
export const RESAVE_HINT = 'Re-save it as "CSV UTF-8 (Comma delimited)" in Excel (File › Save As), or as UTF-8 in your editor, and import that file.';

/** Share of NUL characters or replacement characters past which the text is refused, not read. */
const MOSTLY = 0.1;
/** Share of non-ASCII bytes a Western text in Windows-1252 stays under; CJK and Cyrillic legacy encodings are far above. */
const WESTERN_HIGH_BYTES = 0.3;
/** Share of C0 control bytes (not tab, CR, LF) that marks a binary file. */
const BINARY_CONTROLS = 0.01;

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: false });

export function decodeCsv(input: Uint8Array): DecodedCsv {
  const bytes = input;
  const signature = refusedSignature(bytes);
  if (signature !== null) throw new CsvEncodingError(signature);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(new TextDecoder('utf-16le').decode(bytes), 'UTF-16 LE', []);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(new TextDecoder('utf-16be').decode(bytes), 'UTF-16 BE', []);
  const zeros = zeroBytes(bytes);
  if (zeros.share > MOSTLY) throw new CsvEncodingError(zerosRefusal(zeros));
  try {
    return checked(utf8Strict.decode(bytes), 'UTF-8', []);
  } catch {
    return notUtf8(bytes);
  }
}

/** Magic numbers of files that are not text at all, and UTF-32 (whose BOM starts like UTF-16 LE's). */
function refusedSignature(b: Uint8Array): string | null {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return `The file is UTF-32 LE text, which Dealsight does not read. ${RESAVE_HINT}`;
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return `The file is UTF-32 BE text, which Dealsight does not read. ${RESAVE_HINT}`;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) {
    return 'The file is a zip archive (an Excel .xlsx workbook is one), not a CSV: in Excel, use File › Save As › "CSV UTF-8 (Comma delimited)" and import that file.';
  }
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    return 'The file is an Excel 97-2003 workbook (.xls), not a CSV: in Excel, use File › Save As › "CSV UTF-8 (Comma delimited)" and import that file.';
  }
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'The file is a PDF, not a CSV: export the report from your CRM as CSV.';
  return null;
}

interface Zeros {
  share: number;
  /** Shares of zero bytes at even and at odd offsets: UTF-16 without a mark has its ASCII high bytes zero. */
  even: number;
  odd: number;
}

function zeroBytes(bytes: Uint8Array): Zeros {
  if (bytes.indexOf(0) < 0) return { share: 0, even: 0, odd: 0 };
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = Math.max(1, bytes.length / 2);
  return { share: (even + odd) / bytes.length, even: even / half, odd: odd / half };
}

function zerosRefusal(zeros: Zeros): string {
  // Floored: "100%" only when every byte is zero.
  const percent = Math.floor(zeros.share * 100);
  // ASCII in UTF-16 is a zero byte beside each letter: after it in LE, before it in BE.
  if (zeros.odd > 0.4 && zeros.even < 0.05)
    return `The file looks like UTF-16 LE text without a byte-order mark, which cannot be read reliably. ${RESAVE_HINT}`;
  if (zeros.even > 0.4 && zeros.odd < 0.05)
    return `The file looks like UTF-16 BE text without a byte-order mark, which cannot be read reliably. ${RESAVE_HINT}`;
  return `The file is not text: ${percent}% of its bytes are zero (NUL). Export the report from your CRM as CSV, or ${RESAVE_HINT.charAt(0).toLowerCase()}${RESAVE_HINT.slice(1)}`;
}

/** What invalid UTF-8 is: a few stray bytes in UTF-8 text, Windows-1252, or another encoding that is refused. */
function notUtf8(bytes: Uint8Array): DecodedCsv {
  const scan = scanUtf8(bytes);
  if (scan.controls / Math.max(1, bytes.length) > BINARY_CONTROLS) {
    throw new CsvEncodingError(`The file is not text: it holds control bytes no CSV has (the first on line ${scan.firstControlLine}). ${RESAVE_HINT}`);
  }
  const where = `the first on line ${scan.firstInvalidLine}`;
  // Mostly well-formed UTF-8 with a few broken bytes (a file pasted together from two sources).
  if (scan.validMultiByte > scan.invalid) {
    const warning = `${scan.invalid.toLocaleString('en-US')} byte${scan.invalid === 1 ? ' is' : 's are'} not UTF-8 (${where}) and read as "\uFFFD"; the rest of the file is UTF-8.`;
    return checked(utf8Lenient.decode(bytes), 'UTF-8', [warning]);
  }
  const highShare = scan.high / bytes.length;
  if (highShare <= WESTERN_HIGH_BYTES) {
    const warning = `The file is not UTF-8 (${where}): it was read as Windows-1252 (Western European), as Excel saves plain "CSV". If accented names look wrong, ${RESAVE_HINT.charAt(0).toLowerCase()}${RESAVE_HINT.slice(1)}`;
    return checked(decodeWindows1252(bytes), 'Windows-1252', [warning]);
  }
  throw new CsvEncodingError(
    `The file is not UTF-8 or UTF-16 text: ${Math.round(highShare * 100)}% of its bytes are not ASCII and do not form UTF-8 (${where}); ` +
      `it may be in a legacy encoding such as Shift_JIS, GBK or KOI8-R. ${RESAVE_HINT}`,
  );
}

/**
 * Windows-1252's bytes 0x80-0x9F, which differ from Latin-1 (WHATWG index-windows-1252:
 * https://encoding.spec.whatwg.org/index-windows-1252.txt); 0x81, 0x8D, 0x8F, 0x90 and 0x9D
 * map to themselves. Decoded here because Node's TextDecoder('windows-1252') decodes them
 * as Latin-1 since 20.18.3 (https://github.com/nodejs/node/issues/60888): the CLI would read
 * "€" as a control character where the browser reads the euro sign.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;

function decodeWindows1252(bytes: Uint8Array): string {
  // Latin-1 is byte = code point everywhere but 0x80-0x9F (and browsers decode those as Windows-1252 already).
  return new TextDecoder('latin1').decode(bytes).replace(C1, (c) => WINDOWS_1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

interface Utf8Scan {
  /** Bytes that are not part of a well-formed UTF-8 sequence. */
  invalid: number;
  firstInvalidLine: number;
  validMultiByte: number;
  /** Bytes ≥ 0x80. */
  high: number;
  controls: number;
  firstControlLine: number;
}

/** One pass over the bytes: well-formed multi-byte sequences against stray high bytes, and control bytes. */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { invalid: 0, firstInvalidLine: 0, validMultiByte: 0, high: 0, controls: 0, firstControlLine: 0 };
  let line = 1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      else if (b < 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0c) {
        scan.controls++;
        scan.firstControlLine ||= line;
      }
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      scan.validMultiByte++;
      scan.high += length;
      i += length;
    } else {
      scan.invalid++;
      scan.high++;
      scan.firstInvalidLine ||= line;
      i++;
    }
  }
  return scan;
}

/** The length of the well-formed UTF-8 sequence at `i` (RFC 3629 §4), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** Decoded text that is mostly replacement characters or NULs is refused; a few NULs are removed and reported. */
function checked(decoded: string, encoding: CsvEncoding, warnings: string[]): DecodedCsv {
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const replaced = countOf(text, '\uFFFD');
  if (text.length > 0 && replaced / text.length > MOSTLY) {
    throw new CsvEncodingError(
      `The file does not read as ${encoding}: ${Math.round((replaced / text.length) * 100)}% of its characters are not valid ${encoding}. ${RESAVE_HINT}`,
    );
  }
  return withoutNuls({ text, encoding, warnings });
}

/** NUL characters in a cell break other tools and mean nothing in a CSV: removed, and counted in a warning. */
export function withoutNuls(decoded: DecodedCsv): DecodedCsv {
  const first = decoded.text.indexOf('\u0000');
  if (first < 0) return decoded;
  const nuls = countOf(decoded.text, '\u0000');
  if (nuls / decoded.text.length > MOSTLY) {
    throw new CsvEncodingError(`The file is not text: ${Math.round((nuls / decoded.text.length) * 100)}% of its characters are NUL. ${RESAVE_HINT}`);
  }
  const line = countOf(decoded.text.slice(0, first), '\n') + 1;
  return {
    ...decoded,
    text: decoded.text.replaceAll('\u0000', ''),
    warnings: [...decoded.warnings, `Removed ${nuls.toLocaleString('en-US')} NUL character${nuls === 1 ? '' : 's'} (the first on line ${line}).`],
  };
}

function countOf(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}
