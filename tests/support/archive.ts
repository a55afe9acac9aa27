// A newsroom's archive, generated: N valid articles written into a content
// folder, for the bench and for the tests that need a site of many articles.
// Seeded and deterministic: the same count and seed write the same files.
// `npm run archive -- --count N --out DIR [--seed S]` runs it (archive-command.ts).
//
// Bodies are made of the seed page's repaired paragraphs (tests/fixtures/seeds/),
// a few hundred to several thousand characters; half the articles are written in
// Simplified, half in Traditional; each has one to four topics from a vocabulary
// of 80; dates are spread over three years with several articles on some days; a
// few carry a photo (written to public/images/archive/, which git ignores); a few
// are drafts and a few are scheduled; headlines.yaml links some of them. Nothing
// it writes is committed.
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { convertText } from '@/lib/convert';
import { parseScrapedPage } from '@/lib/editor/importer';
import type { Script } from '@/lib/script';

export const seedPage = path.join('tests', 'fixtures', 'seeds', '000_adbbf3d7297cd76b.txt');

/** Where the archive's photos go: a folder of public/ that git ignores. */
export const archivePhotoDir = path.join('public', 'images', 'archive');

/** Eighty news topics, in Simplified; a Traditional article carries them converted. */
export const topicVocabulary: readonly string[] = [
  '人工智能',
  '数据中心',
  '芯片',
  '半导体',
  '云计算',
  '大模型',
  '机器人',
  '自动驾驶',
  '新能源',
  '电动汽车',
  '光伏',
  '储能',
  '核电',
  '石油',
  '天然气',
  '电力',
  '气候变化',
  '碳中和',
  '环境保护',
  '水资源',
  '金融市场',
  '股市',
  '债券',
  '汇率',
  '央行',
  '通货膨胀',
  '就业',
  '房地产',
  '消费',
  '零售',
  '跨境电商',
  '物流',
  '航运',
  '航空',
  '铁路',
  '基础设施',
  '城市规划',
  '乡村振兴',
  '农业',
  '粮食安全',
  '医疗',
  '公共卫生',
  '疫苗',
  '教育',
  '高校',
  '科研',
  '航天',
  '卫星',
  '量子计算',
  '网络安全',
  '数据隐私',
  '社交媒体',
  '短视频',
  '游戏',
  '电影',
  '音乐',
  '体育',
  '足球',
  '篮球',
  '奥运会',
  '外交',
  '中美关系',
  '欧盟',
  '日本',
  '韩国',
  '东南亚',
  '中东',
  '非洲',
  '拉丁美洲',
  '俄罗斯',
  '贸易',
  '关税',
  '供应链',
  '制造业',
  '中小企业',
  '创业',
  '投资',
  '并购',
  '反垄断',
  '软银',
];

const day = 24 * 60 * 60 * 1000;
const archiveEnd = Date.parse('2026-06-30T00:00:00Z');
const archiveSpan = 3 * 365 * day;

/** mulberry32: a small, well-spread generator, so a seed always gives the same archive. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A YAML double-quoted scalar: JSON's escapes are YAML's. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** A one-colour PNG of a size: a real image file the photo rules can measure. */
function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface ArchiveOptions {
  readonly count: number;
  readonly out: string;
  readonly seed?: number;
  /** Where public/ is, for the photos; the project's own by default. */
  readonly publicDir?: string;
}

/** What was written, for the tests to hold the site against. */
export interface ArchiveSummary {
  readonly slugs: readonly string[];
  readonly drafts: readonly string[];
  readonly scheduled: readonly string[];
  readonly withPhoto: readonly string[];
}

const photoSize = { width: 640, height: 360 } as const;

/** Writes the archive into `out` (emptied first) and its photos into public/images/archive/. */
export function writeArchive(options: ArchiveOptions): ArchiveSummary {
  const random = randomSource(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  };
  const page = parseScrapedPage(fs.readFileSync(seedPage, 'utf8'));
  const paragraphs = page.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
  const titles = [...page.related.items, ...page.hot.items].map((headline) => headline.title);
  const source = page.source ?? '觀察者網';
  if (paragraphs.length === 0 || titles.length === 0) throw new Error(`${seedPage}: no paragraphs or headlines found`);

  fs.rmSync(options.out, { recursive: true, force: true });
  fs.mkdirSync(path.join(options.out, 'articles'), { recursive: true });
  const publicDir = options.publicDir ?? 'public';
  const photoDir = path.join(publicDir, 'images', 'archive');
  fs.mkdirSync(photoDir, { recursive: true });

  const width = String(options.count).length;
  const summary = {
    slugs: [] as string[],
    drafts: [] as string[],
    scheduled: [] as string[],
    withPhoto: [] as string[],
  };
  let previous = archiveEnd;
  for (let index = 0; index < options.count; index += 1) {
    const slug = `archive-${String(index + 1).padStart(width, '0')}`;
    const script: Script = index % 2 === 0 ? 'zh-hant' : 'zh-hans';
    const inScript = (text: string) => (script === 'zh-hant' ? text : convertText(text, 'zh-hant', 'zh-hans'));
    // Newest first; every third article shares the day of the one before.
    const step =
      index % 3 === 2 ? 0 : Math.max(1, Math.round((archiveSpan / Math.max(1, options.count)) * (0.5 + random())));
    previous -= step;
    const scheduled = index % 997 === 5;
    const date = scheduled
      ? '2999-01-01T08:00:00+08:00'
      : new Date(previous + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const draft = index % 499 === 7;
    const topics = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(topicVocabulary)))];
    // A few hundred to several thousand characters: one paragraph to a whole article and more.
    const length = 1 + Math.floor(random() ** 2 * paragraphs.length * 1.5);
    const start = Math.floor(random() * paragraphs.length);
    const body = Array.from({ length }, (_, n) => inScript(paragraphs[(start + n) % paragraphs.length] ?? ''));
    const photo = index % 50 === 3;
    if (photo) {
      const file = `${slug}.png`;
      fs.writeFileSync(
        path.join(photoDir, file),
        solidPng(photoSize.width, photoSize.height, [40 + (index % 150), 90, 140]),
      );
      body.splice(
        1,
        0,
        `<figure><img src="/images/archive/${file}" alt="${inScript('資料圖片')}" width="${photoSize.width}" height="${photoSize.height}">` +
          `<figcaption>${inScript('數據中心外景')}<span class="credit">${inScript('視覺中國')}</span></figcaption></figure>`,
      );
      summary.withPhoto.push(slug);
    }
    const frontmatter = [
      '---',
      `title: ${yamlString(`${inScript(pick(titles))}（${index + 1}）`)}`,
      `date: ${date}`,
      `author: ${yamlString(inScript(pick(['王一', '李明', '張偉', '陳靜', '劉洋'])))}`,
      `source: ${yamlString(inScript(source))}`,
      `editor: ${yamlString(inScript('賴家琪'))}`,
      `summary: ${yamlString(`${(body[0] ?? '').slice(0, 80)}…`)}`,
      `topics: [${topics.map((topic) => yamlString(script === 'zh-hant' ? convertText(topic, 'zh-hans', 'zh-hant') : topic)).join(', ')}]`,
      `script: ${script}`,
      ...(draft ? ['draft: true'] : []),
      '---',
    ];
    fs.writeFileSync(
      path.join(options.out, 'articles', `${slug}.md`),
      `${frontmatter.join('\n')}\n\n${body.join('\n\n')}\n`,
    );
    summary.slugs.push(slug);
    if (draft) summary.drafts.push(slug);
    if (scheduled) summary.scheduled.push(slug);
  }

  const linked = summary.slugs.filter((slug) => !summary.drafts.includes(slug) && !summary.scheduled.includes(slug));
  const headline = (n: number, extra: string[]) => [
    `    - title: ${yamlString(titles[n % titles.length] ?? '')}`,
    ...extra.map((line) => `      ${line}`),
  ];
  const headlines = [
    'script: zh-hant',
    'related:',
    '  title: 相關推薦',
    '  items:',
    ...Array.from({ length: 10 }, (_, n) => {
      const slug = linked[(n * 7) % Math.max(1, linked.length)];
      return headline(n, [
        `time: 2025-07-${String(10 + n).padStart(2, '0')}T16:01:00+08:00`,
        `topic: ${yamlString(convertText(topicVocabulary[n] ?? '', 'zh-hans', 'zh-hant'))}`,
        ...(slug ? [`article: ${slug}`] : []),
      ]);
    }).flat(),
    'hot:',
    '  title: 最熱新聞',
    '  items:',
    ...Array.from({ length: 6 }, (_, n) => headline(n + 10, n === 0 ? ['url: https://example.com/news/1'] : [])).flat(),
  ];
  fs.writeFileSync(path.join(options.out, 'headlines.yaml'), `${headlines.join('\n')}\n`);
  return summary;
}
