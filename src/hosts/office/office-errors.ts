/**
 * Office.js errors (OfficeExtension.Error, `code` such as 'InvalidArgument') → FenjieError with a
 * stable code and a message the user can act on. The Office code and location stay in details.
 */
import { FenjieError, isFenjieError, type ErrorCode } from '../../core';

type Entry = [code: ErrorCode, zh: string, en: string];

const INVALID: Entry = ['host-invalid-op', 'Excel 拒绝了这次写入：参数或区域无效', 'Excel refused the write: an argument or range is invalid'];
const CONFLICT: Entry = ['host-conflict', '与工作簿中已有的内容冲突（同名、合并单元格或表格重叠）', 'Conflicts with existing content (same name, merged cells or overlapping tables)'];
const UNSUPPORTED: Entry = ['host-unsupported', '此版本的 Excel 不支持该功能', 'This version of Excel does not support the feature'];
const BUSY: Entry = ['host-busy', 'Excel 暂时繁忙，请稍后重试', 'Excel is busy; please try again shortly'];

const OFFICE_CODES: Record<string, Entry> = {
  InvalidArgument: INVALID,
  InvalidReference: INVALID,
  InvalidSelection: INVALID,
  InvalidBinding: INVALID,
  InvalidOperation: INVALID,
  ItemNotFound: ['host-not-found', '找不到要操作的工作表、表格或区域', 'The sheet, table or range was not found'],
  ItemAlreadyExists: CONFLICT,
  Conflict: CONFLICT,
  InsertDeleteConflict: CONFLICT,
  MergedRangeConflict: CONFLICT,
  FilteredRangeConflict: CONFLICT,
  NonBlankCellOffSheet: CONFLICT,
  ApiNotFound: UNSUPPORTED,
  NotImplemented: UNSUPPORTED,
  UnsupportedOperation: UNSUPPORTED,
  UnsupportedFeature: UNSUPPORTED,
  UnsupportedSheet: UNSUPPORTED,
  AccessDenied: ['host-access-denied', '无权修改工作簿（可能是只读或受保护的）', 'The workbook cannot be changed (read-only or protected)'],
  Unauthenticated: ['host-access-denied', '无权修改工作簿（未登录）', 'The workbook cannot be changed (not signed in)'],
  InvalidOperationInCellEditMode: ['host-cell-edit-mode', '请先结束单元格编辑（按 Enter 或 Esc），再重试', 'Finish editing the cell (Enter or Esc) and try again'],
  RequestPayloadSizeLimitExceeded: ['host-payload-too-large', '一次写入的数据过多，超出了 Excel 的请求大小限制', 'Too much data in one request for Excel'],
  ResponsePayloadSizeLimitExceeded: ['host-payload-too-large', '读取的数据过多，超出了 Excel 的响应大小限制', 'Too much data in one response from Excel'],
  ActivityLimitReached: BUSY,
  RequestAborted: BUSY,
  ServiceNotAvailable: BUSY,
  Timeout: BUSY,
  GeneralException: ['host-failed', 'Excel 处理请求时出错', 'Excel failed to process the request'],
};

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

/** The Office error code of a thrown value, if it has one. */
export function officeErrorCode(error: unknown): string | undefined {
  const e = error as OfficeLikeError | undefined;
  const code = typeof e?.code === 'string' ? e.code : e?.debugInfo?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Translates anything thrown by Office.js; a FenjieError passes through unchanged. */
export function translateOfficeError(error: unknown): FenjieError {
  if (isFenjieError(error)) return error;
  const officeCode = officeErrorCode(error);
  const e = error as OfficeLikeError | undefined;
  const [code, zh, en] = (officeCode && OFFICE_CODES[officeCode]) || ['host-failed', 'Excel 操作失败', 'The Excel operation failed'];
  const detail = typeof e?.message === 'string' ? e.message : String(error);
  return new FenjieError(code, zh, `${en}: ${detail}`, {
    cause: error,
    details: { officeCode: officeCode ?? 'unknown', officeMessage: detail, errorLocation: e?.debugInfo?.errorLocation },
  });
}
