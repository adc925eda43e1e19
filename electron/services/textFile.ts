/**
 * Bytes read from a user's file -> text, or a one-line reason naming what the bytes are instead
 * (UTF-16 with or without its byte-order mark, other binary content, invalid UTF-8). The reason never
 * quotes the bytes, so no control character from the file reaches a terminal or a dialog.
 */

export type DecodedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-8 text (a UTF-8 byte-order mark is dropped); anything else is refused with its reason. */
export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return { ok: false, reason: 'is UTF-16 text, not UTF-8' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // UTF-16 without a mark: every other byte of ASCII text is NUL.
    const looksUtf16 = bytes.length >= 4 && (bytes[1] === 0 || bytes[0] === 0) && (bytes[3] === 0 || bytes[2] === 0);
    return { ok: false, reason: looksUtf16 ? 'is UTF-16 text, not UTF-8' : `is binary (a NUL byte at offset ${nul})` };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8 text' };
  }
}
