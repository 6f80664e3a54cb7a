/**
 * The stable error codes of the binary readers (zip, .docx, .doc, dispatch), with their messages.
 * One table, so docs/MODEL.md and the CLI show the same words for the same problem.
 */
import type { ReadErrorCode } from '../error-codes';
import { FenjieError } from '../errors';

export type { ReadErrorCode };

export const READ_ERRORS = {
  'file-empty': ['文件为空（0 字节）。', 'The file is empty (0 bytes).'],
  'file-truncated': ['文件不完整（可能下载或复制中断），请重新获取原文件。', 'The file is truncated (an interrupted download or copy?); get the original again.'],
  'zip-invalid': ['文件已损坏：不是有效的 .docx/.xlsx 压缩包。', 'The file is damaged: not a valid .docx/.xlsx zip package.'],
  'zip-unsupported': ['压缩包使用了不支持的压缩方式或加密。', 'The zip package uses an unsupported compression method or zip encryption.'],
  'zip-bomb': ['文件的压缩比异常（解压后是压缩数据的数百倍以上，或条目过多），疑似压缩炸弹，已停止读取。', 'The file\'s compression ratio is suspicious (it inflates to hundreds of times its compressed size, or has too many entries): a zip bomb? Reading stopped.'],
  'zip-too-large': ['文件解压后超过 512 MB，超出可处理的范围，已停止读取。请拆分文件（或删去其中的大图片）。', 'The file inflates to more than 512 MB, beyond what can be processed; reading stopped. Split the file.'],
  'xml-doctype': ['文件中含有 DOCTYPE 声明，出于安全原因拒绝读取。', 'A part of the file contains a DOCTYPE declaration; refused for safety.'],
  'xml-invalid': ['文件内部的 XML 已损坏，无法读取。', 'The XML inside the file is damaged and cannot be read.'],
  'docx-encrypted': [
    '该文档设有打开密码（已加密），无法读取。请在 Word/WPS 中打开，点击“文件 → 信息 → 保护文档 → 用密码进行加密”，清空密码后另存为 .docx，再重试。',
    'The document is password-protected (encrypted). Open it in Word/WPS, remove the password (File → Info → Protect Document → Encrypt with Password, clear it), save as .docx, and try again.',
  ],
  'doc-encrypted': [
    '该 .doc 文档设有打开密码，无法读取。请在 Word/WPS 中取消密码并另存为 .docx，再重试。',
    'The .doc document is password-protected. Remove the password in Word/WPS, save as .docx, and try again.',
  ],
  'xls-unsupported': [
    '不支持旧版 Excel（.xls）文件。请在 Excel/WPS 中“另存为 .xlsx”，再重试。',
    'Legacy Excel (.xls) files are not supported. Save it as .xlsx in Excel/WPS and try again.',
  ],
  'docx-no-document': ['压缩包中没有 Word 正文（word/document.xml），也不是 Excel 工作簿。', 'The package has no Word body (word/document.xml) and is not an Excel workbook.'],
  'doc-unsupported': [
    '无法读取这个旧版 Word（.doc）文件。请在 Word/WPS 中“另存为 .docx”，或运行 soffice --headless --convert-to docx 文件名.doc，再重试。',
    'This legacy Word (.doc) file cannot be read. Save it as .docx in Word/WPS, or run soffice --headless --convert-to docx FILE.doc, and try again.',
  ],
  'doc-invalid': ['旧版 Word（.doc）文件已损坏，无法读取。', 'The legacy Word (.doc) file is damaged and cannot be read.'],
  'cfb-unknown': ['这是一个 Office 复合文档，但不是 Word 文档（也不是加密的 .docx）。', 'This is an Office compound file but not a Word document (nor an encrypted .docx).'],
  'read-failed': ['读取文件时出现意外错误，文件可能已损坏。', 'An unexpected error occurred while reading the file; it may be damaged.'],
  'budget-grid-columns': ['表格的一行超过 2,000 列（含合并和 gridBefore/gridAfter），不像真实表格，已停止读取。', 'A table row has more than 2,000 grid columns (spans and gridBefore/gridAfter included); not a real table, reading stopped.'],
  'budget-rows': ['文件中的表格超过 300,000 行，超出可处理的范围，已停止读取。请拆分文件。', 'The tables hold more than 300,000 rows, beyond what can be processed; reading stopped. Split the file.'],
  'budget-cells': ['文件中的表格超过 6,000,000 个单元格（合并单元格按所占列数计），已停止读取。请拆分文件。', 'The tables hold more than 6,000,000 cells (merged cells counted by the columns they cover); reading stopped. Split the file.'],
  'budget-cell-chars': ['有一个单元格超过 16,000,000 个字符，不像真实内容，已停止读取。', 'A cell holds more than 16,000,000 characters; not real content, reading stopped.'],
  'budget-nesting': ['文件中的 XML 元素嵌套超过 256 层（例如表格套表格层层嵌套），不像真实文档，已停止读取。', 'The XML in the file nests elements more than 256 levels deep (tables in cells in tables…); not a real document, reading stopped.'],
  'budget-input-bytes': ['文件过大，超出此格式可读取的大小（文本 200 MB，.docx/.xlsx 256 MB，.doc 128 MB）。请拆分文件。', 'The file is larger than this format may be (text 200 MB, .docx/.xlsx 256 MB, .doc 128 MB). Split the file.'],
  'format-unknown': ['无法识别的文件格式：既不是 .docx/.doc/.xlsx，也不是文本。', 'Unknown file format: not .docx/.doc/.xlsx and not text.'],
} as const satisfies Record<ReadErrorCode, readonly [string, string]>;

export function createReadError(code: ReadErrorCode, details?: Record<string, unknown>, cause?: unknown): FenjieError {
  const [zh, en] = READ_ERRORS[code];
  return new FenjieError(code, zh, en, { details, cause });
}
