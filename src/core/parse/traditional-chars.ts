/**
 * Traditional → simplified characters for the words fenjie matches (headers, labels, 文号, role
 * words, dates). Names and content are kept as written; only matching goes through this map.
 */
const PAIRS =
  '單单位位頭头牽牵責责領领導导務务內内與与協协關关辦办時时間间節节點点標标劃划數数計计號号門门類类項项稱称設设實实備备註注說说進进負负參参達达層层級级區区縣县鎮镇農农業业發发廳厅環环衛卫財财經经濟济體体規规質质醫医療疗舉举總总長长會会員员為为於于執执專专報报況况變变構构聯联繫系組组織织機机會会議议論论講讲建建證证廣广東东莊庄歸归處处屬属產产階阶隊队際际臨临續续紀纪託托範范圍围補补轉转預预設设據据無无應应當当將将這这個个們们來来對对後后從从過过還还開开動动將将隨随權权線线條条監监檢检測测驗验點点禮礼儀仪貫贯徹彻強强優优勢势創创協协調调齊齐運运輸输電电網网訊讯碼码廠厂場场藝艺術术園园館馆圖图書书學学習习師师範范軍军職职稱称黨党員员團团製制準准階阶級级資资產产價价費费稅税銀银貸贷險险養养險险醫医藥药衛卫週周歲岁鄉乡莊庄村村區区鎮镇縣县廳厅營营運运總总結结歷历屆届舊旧傳传統统號号辦办'
const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i], PAIRS[i + 1]);
const TRADITIONAL = new RegExp(`[${[...MAP.keys()].filter((k) => MAP.get(k) !== k).join('')}]`);

/** The text with the mapped traditional characters simplified (same length: one character for one). */
export function toSimplified(text: string): string {
  if (!TRADITIONAL.test(text)) return text;
  let out = '';
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}

/** One character simplified (toSimplified of a one-character text, without a regex test). */
export function toSimplifiedChar(ch: string): string {
  return MAP.get(ch) ?? ch;
}

/** True when the text holds a traditional character fenjie knows. */
export function hasTraditional(text: string): boolean {
  return TRADITIONAL.test(text);
}
