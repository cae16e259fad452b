// What tree 2.1 draws with and compares by: the indentation lines of each character set
// (ASCII, UTF-8 with its no-break spaces, the CP437 family, ANSI line drawing), glibc's
// strverscmp for -v, and the colours tree reads from TREE_COLORS/LS_COLORS.

export interface LineDraw {
  vert: string;
  vertLeft: string;
  corner: string;
  copy: string;
}

const ASCII: LineDraw = { vert: '|  ', vertLeft: '|--', corner: '`--', copy: '(c)' };
const UTF8: LineDraw = { vert: '\u2502\u00a0\u00a0', vertLeft: '\u251c\u2500\u2500', corner: '\u2514\u2500\u2500', copy: '\u00a9' };
// CP437 box drawing bytes, written as the latin1 code points that carry them out unchanged.
const IBM: LineDraw = { vert: '\xb3  ', vertLeft: '\xc3\xc4\xc4', corner: '\xc0\xc4\xc4', copy: '(c)' };

const CHARSETS: [string[], LineDraw][] = [
  [['UTF-8', 'utf8'], UTF8],
  [['IBM437', 'cp437', '437', 'csPC8CodePage437', 'IBM852', 'cp852', '852', 'csPCp852', 'IBM863', 'cp863', '863', 'csIBM863', 'IBM855', 'cp855', '855', 'csIBM855', 'IBM865', 'cp865', '865', 'csIBM865', 'IBM866', 'cp866', '866', 'csIBM866'], IBM],
  [['IBM850', 'cp850', '850', 'csPC850Multilingual', 'IBM00858', 'CCSID00858', 'CP00858', 'PC-Multilingual-850+euro'], { ...IBM, copy: '\x97' }],
  [['IBM869', 'cp869', '869', 'cp-gr', 'csIBM869'], { ...IBM, copy: '\xb8' }],
];

/** initlinedraw: the lines of a charset named case-insensitively, ASCII for any other. */
export function lineDraw(charset: string | null): LineDraw {
  if (charset) {
    const lower = charset.toLowerCase();
    for (const [names, draw] of CHARSETS) if (names.some((n) => n.toLowerCase() === lower)) return draw;
  }
  return ASCII;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** glibc's strverscmp: digit runs compare as numbers, leading zeros as fractions. */
export function strverscmp(a: Uint8Array, b: Uint8Array): number {
  const S_N = 0;
  const S_I = 3;
  const S_F = 6;
  const S_Z = 9;
  const CMP = 2;
  const LEN = 3;
  const nextState = [S_N, S_I, S_Z, S_N, S_I, S_I, S_N, S_F, S_F, S_N, S_F, S_Z];
  const resultType = [
    CMP, CMP, CMP, CMP, LEN, CMP, CMP, CMP, CMP,
    CMP, -1, -1, +1, LEN, LEN, +1, LEN, LEN,
    CMP, CMP, CMP, CMP, CMP, CMP, CMP, CMP, CMP,
    CMP, +1, +1, -1, CMP, CMP, -1, CMP, CMP,
  ];
  const at = (s: Uint8Array, i: number): number => (i < s.length ? s[i]! : 0);
  let i1 = 0;
  let i2 = 0;
  let c1 = at(a, i1++);
  let c2 = at(b, i2++);
  const cls = (c: number): number => (c === 0x30 ? 1 : 0) + (isDigit(c) ? 1 : 0);
  let state = S_N + cls(c1);
  let diff: number;
  while ((diff = c1 - c2) === 0) {
    if (c1 === 0) return diff;
    state = nextState[state]!;
    c1 = at(a, i1++);
    c2 = at(b, i2++);
    state += cls(c1);
  }
  const r = resultType[state * 3 + cls(c2)]!;
  if (r === CMP) return diff;
  if (r === LEN) {
    while (isDigit(at(a, i1++))) if (!isDigit(at(b, i2++))) return 1;
    return isDigit(at(b, i2)) ? -1 : diff;
  }
  return r;
}

export type ColorKey =
  | 'rs' | 'no' | 'fi' | 'di' | 'ln' | 'pi' | 'do' | 'bd' | 'cd' | 'or' | 'so' | 'su' | 'sg' | 'tw' | 'ow' | 'st' | 'ex'
  | 'mi' | 'lc' | 'rc' | 'ec';

const KEYS = new Set<string>(['rs', 'no', 'fi', 'di', 'ln', 'pi', 'do', 'bd', 'cd', 'or', 'so', 'su', 'sg', 'tw', 'ow', 'st', 'ex', 'mi', 'lc', 'rc', 'ec']);

/** The colours tree uses when asked to colour with no TREE_COLORS or LS_COLORS set. */
export const TREE_DEFAULT_COLORS = ':no=00:rs=0:fi=00:di=01;34:ln=01;36:pi=40;33:so=01;35:bd=40;33;01:cd=40;33;01:or=40;31;01:ex=01;32:*.bat=01;32:*.BAT=01;32:*.btm=01;32:*.BTM=01;32:*.cmd=01;32:*.CMD=01;32:*.com=01;32:*.COM=01;32:*.dll=01;32:*.DLL=01;32:*.exe=01;32:*.EXE=01;32:*.arj=01;31:*.bz2=01;31:*.deb=01;31:*.gz=01;31:*.lzh=01;31:*.rpm=01;31:*.tar=01;31:*.taz=01;31:*.tb2=01;31:*.tbz2=01;31:*.tbz=01;31:*.tgz=01;31:*.tz2=01;31:*.z=01;31:*.Z=01;31:*.zip=01;31:*.ZIP=01;31:*.zoo=01;31:*.asf=01;35:*.ASF=01;35:*.avi=01;35:*.AVI=01;35:*.bmp=01;35:*.BMP=01;35:*.flac=01;35:*.FLAC=01;35:*.gif=01;35:*.GIF=01;35:*.jpg=01;35:*.JPG=01;35:*.jpeg=01;35:*.JPEG=01;35:*.m2a=01;35:*.M2a=01;35:*.m2v=01;35:*.M2V=01;35:*.mov=01;35:*.MOV=01;35:*.mp3=01;35:*.MP3=01;35:*.mpeg=01;35:*.MPEG=01;35:*.mpg=01;35:*.MPG=01;35:*.ogg=01;35:*.OGG=01;35:*.ppm=01;35:*.rm=01;35:*.RM=01;35:*.tga=01;35:*.TGA=01;35:*.tif=01;35:*.TIF=01;35:*.wav=01;35:*.WAV=01;35:*.wmv=01;35:*.WMV=01;35:*.xbm=01;35:*.xpm=01;35:';

export interface TreeColors {
  codes: Map<ColorKey, string>;
  /** Extensions, the latest definition first; matched by exact suffix. */
  exts: { ext: string; seq: string }[];
  linkTarget: boolean;
}

/** parse_dir_colors: "key=value" pairs split on ':' (empty fields skipped, as strtok does). */
export function parseTreeColors(spec: string): TreeColors {
  const codes = new Map<ColorKey, string>();
  const exts: TreeColors['exts'] = [];
  let linkTarget = false;
  for (const item of spec.split(':')) {
    if (item === '') continue;
    const parts = item.split('=').filter((p) => p !== '');
    const key = parts[0];
    const value = parts[1];
    if (key === undefined) continue;
    if (key.startsWith('*')) {
      if (value !== undefined) exts.unshift({ ext: key.slice(1), seq: value });
      continue;
    }
    if (!KEYS.has(key)) continue;
    if (key === 'ln' && value !== undefined && value.toLowerCase() === 'target') {
      linkTarget = true;
      codes.set('ln', '01;36');
      continue;
    }
    if (value !== undefined) codes.set(key as ColorKey, value);
  }
  if (!codes.has('lc')) codes.set('lc', '\x1b[');
  if (!codes.has('rc')) codes.set('rc', 'm');
  if (!codes.has('rs')) codes.set('rs', '0');
  if (!codes.has('ec')) codes.set('ec', `${codes.get('lc')}${codes.get('rs')}${codes.get('rc')}`);
  return { codes, exts, linkTarget };
}
