import { FenjieError } from '../../../core';
import { describeError, errorStatus } from '../error-text';

describe('error text in the pane', () => {
  const error = new FenjieError('file-empty', '文件为空（0 字节）。', 'The file is empty (0 bytes).');

  it('defect 8: shows the message without the internal code (regression: “文件为空（0 字节）。 (file-empty)”)', () => {
    expect(describeError(error, 'zh-CN')).toBe('文件为空（0 字节）。');
    expect(describeError(error, 'en')).toBe('The file is empty (0 bytes).');
    expect(describeError(error, 'zh-CN')).not.toContain('file-empty');
  });

  it('keeps the code on the status for machines', () => {
    expect(errorStatus(error, 'zh-CN')).toEqual({ kind: 'error', text: '文件为空（0 字节）。', code: 'file-empty' });
    expect(errorStatus(new Error('boom'), 'en')).toEqual({ kind: 'error', text: 'Unexpected problem: boom', code: 'unexpected' });
  });
});

describe('defect 3: a host error quoting a whole cell', () => {
  it('regression (defect 3: the write error pasted the whole 32,767-character cell into the pane): the text is clipped', () => {
    const text = describeError(new Error(`The argument is invalid: ${'很'.repeat(40000)}`), 'zh-CN');
    expect(text.length).toBeLessThan(500);
    expect(text.startsWith('意外错误：The argument is invalid')).toBe(true);
  });
});
