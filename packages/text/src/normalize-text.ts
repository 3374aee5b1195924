/**
 * Normalisation of speech-recognised or typed notes before segmentation.
 *
 * Every step is 1:1 per UTF-16 unit or a deletion, so we can keep a map from each normalised
 * character back to its offset in the original text; spans shown to the user then highlight
 * exactly what they said, fillers and full-width characters included.
 */

/** Traditional → simplified pairs for characters that occur in service notes (cheap subset). */
const TRAD_PAIRS =
  '濾滤網网製制換换電电機机開开關关響响復复啟启啓启動动斷断壞坏燒烧線线鬆松緊紧絲丝潔洁調调' +
  '試试異异雜杂聲声熱热凍冻無无沒没還还過过後后來来這这個个們们說说變变藍蓝當当統统體体腦脑' +
  '據据數数碼码報报錯错誤误顯显應应該该備备廠厂維维護护題题問问決决觀观進进實实現现發发點点' +
  '導导軟软級级韌韧連连絡络環环測测驗验議议須须於于為为壓压縮缩風风傳传頭头記记憶忆裝装裡里' +
  '裏里處处將将話话讓让舊旧積积塵尘滿满氣气態态戶户鍵键盤盘時时間间讀读寫写門门層层樓楼療疗' +
  '儀仪號号歸归穩稳轉转運运輪轮紙纸邊边麼么嗎吗灣湾區区專专輸输認认設设換换纜缆插插漏漏響响' +
  '噪噪損损鼓鼓硬硬憑凭離离銹锈鏽锈燈灯顯显啟启處处從从畫画麵面線线節节細细';

/** Colloquial sentence-final particles that mean the same as 了 (aspect matters to the parser). */
const PARTICLE_PAIRS = '啦了咯了喽了';

const CHAR_MAP: ReadonlyMap<string, string> = buildCharMap(TRAD_PAIRS + PARTICLE_PAIRS);

function buildCharMap(pairs: string): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i] as string, pairs[i + 1] as string);
  return map;
}

/**
 * Filler words dropped before matching. Longest first so "就是说" goes before "就是". They carry
 * no meaning in notes but break dictionary words apart ("换了那个电容").
 */
const MULTI_FILLERS = ['就是说', '怎么说呢', '怎么说', '那个', '这个', '就是', '反正', '其实', '对吧', '好像是', '的话'];
const SINGLE_FILLERS = new Set(['嗯', '呃', '啊', '哦', '噢', '呀', '吧', '呢', '嘛', '哈', '诶', '唉', '嘞']);
const ASCII_WORD = /^[a-z0-9]$/;
const FILLER_HEADS = new Set(MULTI_FILLERS.map((f) => f[0] as string));

const CN_DIGIT: Readonly<Record<string, string>> = { 零: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const CODE_LETTER = /^[efphuldcb]$/;
// 一 after a code letter is usually the start of a word ("P一直闪"), not a digit.
const YI_WORD_TAIL = new Set(['直', '下', '样', '点', '些', '般', '起', '共', '次', '会', '天', '台', '个', '定', '边', '遍', '切', '看', '闪']);

/**
 * Speech recognition writes the digits of a spoken display code as Chinese numerals ("E四", "F一二"). After a
 * lone code letter, numerals become ASCII digits in place (1:1, so offsets hold) and the code is found by shape.
 */
function spokenCodeDigits(chars: string[]): void {
  for (let i = 0; i + 1 < chars.length; i++) {
    const letter = chars[i] as string;
    if (!CODE_LETTER.test(letter) || /[a-z0-9]/.test(chars[i - 1] ?? '')) continue;
    let j = i + 1;
    while (j < chars.length && CN_DIGIT[chars[j] as string] !== undefined && j - i <= 3) j++;
    if (j === i + 1) continue;
    if (j === i + 2 && (chars[i + 1] === '一' || chars[i + 1] === '两') && YI_WORD_TAIL.has(chars[j] ?? '')) continue;
    if (/[a-z0-9]/.test(chars[j] ?? '')) continue;
    for (let k = i + 1; k < j; k++) chars[k] = CN_DIGIT[chars[k] as string] as string;
    i = j - 1;
  }
}

/** Normalised text plus, for each of its characters, the offset in the original input. */
export interface NormalizedText {
  readonly text: string;
  /** `offsets[i]` is the original offset of `text[i]`; `offsets[text.length]` is the input length. */
  readonly offsets: readonly number[];
}

/** Maps one character: full-width ASCII to half-width, ASCII to lower case, traditional to simplified. */
export function normalizeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return normalizeChar(String.fromCharCode(code - 0xfee0));
  if (code === 0x3000 || ch === '\t' || ch === '\r' || ch === '\n') return ch === '\n' ? '\n' : ' ';
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
  return CHAR_MAP.get(ch) ?? ch;
}

/**
 * Normalises a note for matching: maps characters, removes fillers, collapses whitespace runs
 * to one space (a pause, which the parser treats as a soft clause break). Newlines are kept
 * because they end clauses.
 */
export function normalizeText(input: string): NormalizedText {
  const mapped: string[] = [];
  for (let i = 0; i < input.length; i++) mapped.push(normalizeChar(input[i] as string));
  spokenCodeDigits(mapped);
  const joined = mapped.join('');
  const keep: boolean[] = new Array<boolean>(joined.length).fill(true);
  for (let i = 0; i < joined.length; i++) {
    const ch = joined[i] as string;
    if (SINGLE_FILLERS.has(ch)) { keep[i] = false; continue; }
    if (!FILLER_HEADS.has(ch)) continue;
    for (const filler of MULTI_FILLERS) {
      if (joined.startsWith(filler, i)) {
        for (let k = 0; k < filler.length; k++) keep[i + k] = false;
        i += filler.length - 1;
        break;
      }
    }
  }
  let text = '';
  const offsets: number[] = [];
  let skippedAt = -1;
  for (let i = 0; i < joined.length; i++) {
    if (!keep[i]) { if (skippedAt < 0) skippedAt = i; continue; }
    const ch = joined[i] as string;
    // A filler between two English words separates them ("server那个raid" is "server raid", not one word).
    if (skippedAt >= 0 && ASCII_WORD.test(ch) && ASCII_WORD.test(text[text.length - 1] ?? '')) { text += ' '; offsets.push(skippedAt); }
    skippedAt = -1;
    if (ch === ' ') {
      // Spaces are pauses: kept (collapsed) as soft clause breaks, dropped at the edges.
      const prev = text[text.length - 1];
      if (prev === undefined || prev === ' ' || prev === '\n') continue;
    }
    text += ch;
    offsets.push(i);
  }
  offsets.push(input.length);
  return { text, offsets };
}
