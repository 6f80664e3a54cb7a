/** Public API of the binary readers (R2): dispatch, .docx, .doc/CFB, safe zip, error codes. */
export { readDocument, type ReadOptions } from './document.reader';
export { readDocx, findMainDocumentPart } from './docx.reader';
export { readCfbDocument } from './doc.reader';
export { openZip, findZipEntry, readZipEntries, streamZipEntry, inflateZipEntry, hasDoctype, isZip, DEFAULT_ZIP_LIMITS, type ZipArchive, type ZipEntry, type ZipLimits } from './zip.reader';
export { sniffKind, looksLikeText, checkExtension, isCfb, type SniffedKind } from './format-sniffer';
export { READ_ERRORS, createReadError, type ReadErrorCode } from './read-errors';
