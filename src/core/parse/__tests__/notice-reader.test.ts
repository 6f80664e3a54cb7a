import { readNotice } from '../notice-reader';

describe('readNotice', () => {
  it('reads number, a title over two paragraphs, body and date', () => {
    const notice = readNotice([' 太政发〔2021〕9号', '关于分解落实2021年政府各项主要工作', '任务和民生实事项目的通知', '各镇人民政府：', '正文一。', '附件：1．表', ' 2021年2月7日', ' 附件1']);
    expect(notice).toEqual({
      number: '太政发〔2021〕9号',
      title: '关于分解落实2021年政府各项主要工作任务和民生实事项目的通知',
      date: '2021-02-07',
      body: ['各镇人民政府：', '正文一。', '附件：1．表'],
    });
  });

  it('reads a date written in Chinese numerals', () => {
    expect(readNotice(['二〇二一年二月十七日']).date).toBe('2021-02-17');
  });

  it('gives nulls when there is no notice', () => {
    expect(readNotice(['2023年政府各项主要工作分解落实表', ' (', '5', ')'])).toEqual({ number: null, title: null, date: null });
  });
});
