/** Deterministic Chinese knowledge entries for the search benchmark (seeded, same data every run). */
import type { KnowledgeEntry } from '../../shared/knowledge.js';

const WORDS = (
  '退货 退款 换货 流程 订单 发票 快递 物流 地址 修改 申请 取消 支付 失败 优惠 会员 积分 账户 密码 登录 注册 手机 验证 短信 ' +
  '价格 保价 赠品 发货 签收 拒收 破损 维修 保修 安装 预约 上门 服务 客服 投诉 建议 评价 晒单 活动 红包 满减 秒杀 预售 定金 尾款 ' +
  '分期 花呗 信用 银行 到账 余额 提现 充值 礼品 包装 尺码 颜色 库存 缺货 补货 到货 通知 提醒 自提 门店 营业 时间 电话 邮箱 ' +
  '隐私 安全 实名 认证 企业 采购 批发 合同 开票 抬头 税号 专票 普票 电子 纸质 寄送 运费 包邮 偏远 海外 关税 清关 国际 时效'
).split(' ');
const PUNCT = ['，', '。', '；', '：', '、'];

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateEntries(count: number, seed = 42): KnowledgeEntry[] {
  const random = rng(seed);
  const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const words = (n: number) => Array.from({ length: n }, word).join('');
  const entries: KnowledgeEntry[] = [];
  for (let i = 0; i < count; i++) {
    const question = `${words(3 + Math.floor(random() * 3))}？`;
    const sentences = Array.from(
      { length: 3 + Math.floor(random() * 4) },
      () => words(3 + Math.floor(random() * 5)) + PUNCT[Math.floor(random() * PUNCT.length)],
    );
    const answerText = sentences.join('');
    entries.push({
      id: `kb-${i}`,
      groupId: null,
      categoryId: `cat-${i % 12}`,
      question,
      keywords: [word(), word()],
      answer: [{ type: 'p', children: [{ text: answerText }] }],
      answerText,
      enabled: true,
      rev: i + 1,
      updatedAt: 0,
    });
  }
  return entries;
}

/** Queries of exactly `chars` characters cut from random questions and answers (so most have hits). */
export function generateQueries(entries: KnowledgeEntry[], chars: number, count: number, seed = 7): string[] {
  const random = rng(seed * 31 + chars);
  const queries: string[] = [];
  while (queries.length < count) {
    const entry = entries[Math.floor(random() * entries.length)]!;
    // One clause of the text (never across punctuation), so a query is text an agent could type.
    const clauses = (random() < 0.5 ? entry.question : entry.answerText).split(/[，。；：、？]/).filter((c) => c.length >= chars);
    const source = clauses[Math.floor(random() * clauses.length)];
    if (!source) continue;
    const start = Math.floor(random() * (source.length - chars + 1));
    queries.push(source.slice(start, start + chars));
  }
  return queries;
}
