import { inflateRawSync } from "node:zlib";
import { ImportRefusal } from "./import-refusal";
import { describeBytes, MAX_DOCX_ENTRIES, MAX_DOCX_INFLATED_BYTES } from "./limits";

const NOT_A_ZIP = "This file is not a Word (.docx) document: its container is not a valid zip archive.";

/**
 * Reads every entry of a zip archive (a .docx is one) before any library sees it, inflating
 * each with a hard output cap, so a zip bomb is refused by what it actually inflates to,
 * not by the sizes its headers claim (which a hostile file can fake). Returns the entries
 * the caller asked to keep.
 */
export function inspectZip(bytes: Uint8Array, keep: string[] = []): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ImportRefusal(NOT_A_ZIP); // zip64: no .docx needs it
  if (count > MAX_DOCX_ENTRIES)
    throw new ImportRefusal(`This .docx holds ${count} files; the limit is ${MAX_DOCX_ENTRIES}.`);
  const kept = new Map<string, Buffer>();
  let budget = MAX_DOCX_INFLATED_BYTES;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new ImportRefusal(NOT_A_ZIP);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    const local = buf.readUInt32LE(at + 42);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new ImportRefusal(NOT_A_ZIP);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressed);
    if (dataStart + compressed > buf.length) throw new ImportRefusal(NOT_A_ZIP);
    let inflated: Buffer;
    if (method === 0) inflated = data;
    else if (method === 8) {
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) });
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
          throw new ImportRefusal(
            `This .docx inflates to more than ${describeBytes(MAX_DOCX_INFLATED_BYTES)} (a zip bomb?); refused.`,
          );
        }
        throw new ImportRefusal(NOT_A_ZIP);
      }
    } else throw new ImportRefusal(`This .docx uses an unsupported compression method (${method}).`);
    budget -= inflated.length;
    if (budget < 0)
      throw new ImportRefusal(
        `This .docx inflates to more than ${describeBytes(MAX_DOCX_INFLATED_BYTES)} (a zip bomb?); refused.`,
      );
    if (keep.includes(name)) kept.set(name, inflated);
    at = next;
  }
  return kept;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new ImportRefusal(NOT_A_ZIP);
}
