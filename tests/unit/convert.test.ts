import { describe, expect, it } from 'vitest';
import { convertText, textConverter } from '@/lib/convert';
import { renderMarkdown } from '@/lib/markdown';

const toHant = textConverter('zh-hans', 'zh-hant');
const toHans = textConverter('zh-hant', 'zh-hans');

describe('convertText', () => {
  it('converts Simplified to Taiwan Traditional characters without swapping vocabulary', () => {
    expect(convertText('软件项目发布会', 'zh-hans', 'zh-hant')).toBe('軟件項目發佈會');
  });

  it('converts Traditional to Simplified by words, not character by character', () => {
    expect(convertText('數據中心的發電量', 'zh-hant', 'zh-hans')).toBe('数据中心的发电量');
  });

  it('returns text already in the target script unchanged', () => {
    expect(convertText('軟銀', 'zh-hant', 'zh-hant')).toBe('軟銀');
  });
});

describe('converting rendered articles', () => {
  it('converts the visible text and the alt and title attributes', () => {
    expect(renderMarkdown('软件 ![发电厂](/img/plant.jpg "电力")', toHant)).toBe(
      '<p>軟件 <img src="/img/plant.jpg" alt="發電廠" title="電力" /></p>\n',
    );
  });

  it('leaves URLs alone, even when they hold Chinese characters', () => {
    expect(renderMarkdown('[链接](https://example.com/软件?q=发)', toHant)).toBe(
      '<p><a href="https://example.com/%E8%BD%AF%E4%BB%B6?q=%E5%8F%91" rel="noopener noreferrer">鏈接</a></p>\n',
    );
  });

  it('leaves inline code and code blocks as written', () => {
    const html = renderMarkdown('`软件` 软件\n\n```\n数据 = "发"\n```', toHant);
    expect(html).toContain('<code>软件</code> 軟件');
    expect(html).toContain('<pre><code>数据 = "发"\n</code></pre>');
  });

  it('converts captions written as raw HTML, keeping their markup', () => {
    expect(
      renderMarkdown(
        '<figure class="caption-only"><figcaption>孫正義出席記者會。<span class="credit">視覺中國</span></figcaption></figure>',
        toHans,
      ),
    ).toBe(
      '<figure class="caption-only"><figcaption>孙正义出席记者会。<span class="credit">视觉中国</span></figcaption></figure>',
    );
  });

  it('keeps a photo with its size, and converts its alt text, caption and credit', () => {
    expect(
      renderMarkdown(
        '<figure><img src="/images/孙正义.jpg" alt="孙正义在记者会上" width="1200" height="800"><figcaption>记者会。<span class="credit">视觉中国</span></figcaption></figure>',
        toHant,
      ),
    ).toBe(
      '<figure><img src="/images/孙正义.jpg" alt="孫正義在記者會上" width="1200" height="800" /><figcaption>記者會。<span class="credit">視覺中國</span></figcaption></figure>',
    );
  });
});
