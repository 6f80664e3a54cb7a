import { expectedProgress, judgeTask, monthsElapsed } from '../schedule.rules';
import { parsePeriod } from '../period.parser';
import { DEFAULT_SETTINGS } from '../supervision.model';
import type { TaskRecord } from '../../model/records.model';

function task(tracking: TaskRecord['tracking']): TaskRecord {
  return { id: '2023-T-001', category: '一、产业', item: '', content: '建设产业园', leaders: ['张三'], leadUnits: ['区发改局'], relatedUnits: [], inherited: [], tracking };
}

describe('序时进度', () => {
  it('is months elapsed over twelve with no deadline: 91.7 % after 11 months', () => {
    expect(monthsElapsed('2023-11-30', 2023)).toBe(11);
    expect(expectedProgress('2023-11-30', '2023-12-31', 2023)).toBe(91.7);
    expect(expectedProgress('2023-06-30', '2023-12-31', 2023)).toBe(50);
  });

  it('runs to the task deadline, and stays at 100 % after it', () => {
    expect(expectedProgress('2023-03-31', '2023-06-30', 2023)).toBe(50);
    expect(expectedProgress('2023-09-30', '2023-06-30', 2023)).toBe(100);
  });

  it('is 0 before the plan year starts', () => {
    expect(expectedProgress('2022-12-31', '2023-12-31', 2023)).toBe(0);
  });
});

describe('三色预警', () => {
  const at = '2023-09-30'; // 75 % of the year
  it('a task 40 points behind is 慢于序时 and red', () => {
    const v = judgeTask(task({ status: '推进中', progress: 35 }), at, 2023, DEFAULT_SETTINGS);
    expect([v.expected, v.actual, v.gap, v.status, v.colour]).toEqual([75, 35, -40, '慢于序时', '红']);
  });

  it('a task 10 points behind is 慢于序时 and yellow; 3 points behind is 按序时 and green', () => {
    expect(judgeTask(task({ status: '推进中', progress: 65 }), at, 2023, DEFAULT_SETTINGS)).toMatchObject({ status: '慢于序时', colour: '黄' });
    expect(judgeTask(task({ status: '推进中', progress: 72 }), at, 2023, DEFAULT_SETTINGS)).toMatchObject({ status: '按序时', colour: '绿' });
  });

  it('ahead by 10 points or more is 超序时; 已完成 is blue', () => {
    expect(judgeTask(task({ status: '推进中', progress: 90 }), at, 2023, DEFAULT_SETTINGS)).toMatchObject({ status: '超序时', colour: '绿' });
    expect(judgeTask(task({ status: '已完成' }), at, 2023, DEFAULT_SETTINGS)).toMatchObject({ status: '已完成', colour: '蓝', actual: 100 });
  });

  it('past its deadline and not done is overdue and red, whatever the gap', () => {
    const v = judgeTask(task({ status: '推进中', progress: 95, deadline: '2023-08-31' }), at, 2023, DEFAULT_SETTINGS);
    expect([v.overdue, v.colour, v.expected]).toEqual([true, '红', 100]);
  });

  it('no report is 未启动; the deadline within the yellow window makes an on-schedule task yellow', () => {
    expect(judgeTask(task({}), at, 2023, DEFAULT_SETTINGS)).toMatchObject({ status: '未启动', actual: null, colour: '红' });
    expect(judgeTask(task({ status: '推进中', progress: 99, deadline: '2023-10-10' }), at, 2023, DEFAULT_SETTINGS)).toMatchObject({ status: '按序时', colour: '黄' });
  });

  it('follows the thresholds of the settings', () => {
    const strict = { ...DEFAULT_SETTINGS, redGapPp: 5 };
    expect(judgeTask(task({ status: '推进中', progress: 65 }), at, 2023, strict).colour).toBe('红');
  });
});

describe('periods', () => {
  it.each([
    ['2023Q3', '2023Q3', '2023年第三季度', '2023-09-30'],
    ['2023年第三季度', '2023Q3', '2023年第三季度', '2023-09-30'],
    ['2023-10', '2023-10', '2023年10月', '2023-10-31'],
    ['2024年2月', '2024-02', '2024年2月', '2024-02-29'],
    ['2023H1', '2023H1', '2023年上半年', '2023-06-30'],
    ['2023', '2023', '2023年度', '2023-12-31'],
  ])('%s', (text, key, label, end) => {
    expect(parsePeriod(text)).toEqual({ key, label, year: Number(key.slice(0, 4)), end });
  });

  it('names no period for other text', () => {
    expect(parsePeriod('下个月')).toBeNull();
    expect(parsePeriod('2023-13')).toBeNull();
  });
});

describe('序时 by 时间节点', () => {
  const quarterly = (texts: string[]): TaskRecord => ({ ...task({ status: '推进中', progress: 50 }), milestones: ['一季度', '二季度', '三季度', '四季度'].map((label, i) => ({ label, text: texts[i] })) });

  it('is the share of the milestones already due when the scheme says so', () => {
    const settings = { ...DEFAULT_SETTINGS, scheduleBy: 'milestones' as const };
    expect(judgeTask(quarterly(['立项', '开工', '主体完工', '竣工']), '2023-07-15', 2023, settings).expected).toBe(50);
    // A quarter without a node does not count: three dated nodes, two of them due.
    expect(judgeTask(quarterly(['立项', '', '主体完工', '竣工']), '2023-09-30', 2023, settings).expected).toBe(66.7);
  });

  it('stays linear by months by default, and for a task without milestones', () => {
    expect(judgeTask(quarterly(['立项', '开工', '主体完工', '竣工']), '2023-07-15', 2023, DEFAULT_SETTINGS).expected).toBe(54); // 6 + 15/31 of 12 months
    expect(judgeTask(task({ status: '推进中', progress: 50 }), '2023-06-30', 2023, { ...DEFAULT_SETTINGS, scheduleBy: 'milestones' }).expected).toBe(50);
  });
});
