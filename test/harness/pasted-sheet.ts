/**
 * A Word table as a clerk pastes it into a sheet: a merged title row above, spaced-out header words,
 * vertically merged 门类/项目 cells, multi-line cells and padded names.
 */
import type { MemorySheetInit } from '../../src/core/testing';

export const PASTED_SHEET = '粘贴表';

export function makePastedSheet(): MemorySheetInit {
  const values = [
    ['2023年政府各项主要工作分解落实表', '', '', '', '', ''],
    ['门  类', '项   目', '内 容 和 要 求', '负责人', '主要责\n任单位', '相关单位'],
    ['综\n合\n指\n标', '地区生产总值', '增长5%左右', '吴敬宇', '发改委', '各镇（区）有关部门'],
    ['', '一般公共预算收入', '增长5%', '胡卫江', '财政局', '税务局'],
    ['', '城乡居民收入', '与经济增长基本同步', '张  展', '统计局', '人社局、农业\n农村局'],
    ['致力推动量质齐升，共3项', '制造业', '规上工业产值增长8%', '祝真旭', '工信局', '科技局'],
    ['', '', '新增高新技术企业100家', '祝真旭', '科技局', '工信局'],
    ['', '服务业', '服务业增加值增长6%', '盛海峰', '商务局', '发改委'],
  ];
  return {
    name: PASTED_SHEET,
    values,
    merges: ['A1:F1', 'A3:A5', 'A6:A8', 'B6:B7'],
  };
}
