/**
 * The search words taken from a visitor's message for 自动搜索. Chinese has no spaces, so filler
 * phrases (greetings, question words, particles) split the text, and the longest piece left is
 * the query; for other text, the longest word that is not a stop word.
 */
const FILLERS = [
  '你好',
  '您好',
  '请问',
  '我想',
  '想问',
  '问一下',
  '一下',
  '怎么',
  '怎样',
  '如何',
  '什么',
  '为什么',
  '可以',
  '能不能',
  '能否',
  '是否',
  '有没有',
  '帮我',
  '麻烦',
  '谢谢',
  '还是',
  '我的',
  '你们',
  '我们',
  '这个',
  '那个',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '的',
  '了',
  '是',
  '我',
  '你',
  '在',
  '要',
  '有',
];
const STOP_WORDS = new Set([
  'the',
  'and',
  'for',
  'how',
  'what',
  'can',
  'you',
  'please',
  'hello',
  'with',
  'does',
  'have',
  'this',
  'that',
  'are',
  'my',
  'is',
  'do',
  'to',
  'a',
  'i',
]);
const SPLIT = /[\s\p{P}\p{S}]+/u;
const MAX_CHARS = 10;

export function autoQueryFrom(message: string): string {
  const cjk = /\p{Script=Han}/u.test(message);
  if (cjk) {
    let text = message;
    for (const filler of FILLERS) text = text.split(filler).join(' ');
    const pieces = text.split(SPLIT).filter((p) => [...p].length >= 2);
    const longest = pieces.sort((a, b) => [...b].length - [...a].length)[0] ?? '';
    return [...longest].slice(0, MAX_CHARS).join('');
  }
  const words = message
    .toLowerCase()
    .split(SPLIT)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
  return words.sort((a, b) => b.length - a.length)[0]?.slice(0, 30) ?? '';
}
