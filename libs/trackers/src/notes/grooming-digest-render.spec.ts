import type { DigestTicket, GroomingDigest } from './grooming-digest';
import { renderDigestHtml, renderDigestHtmlPage } from './grooming-digest-html';
import { escapeHtml } from './html';
import { renderDigestMarkdown } from './grooming-digest-markdown';

const heading = { projectKey: 'SHOP', date: new Date('2026-11-30T08:00:00Z') };

function ticket(key: string, changes: Partial<DigestTicket> = {}): DigestTicket {
  return {
    ticketKey: key,
    title: `Title of ${key}`,
    url: `https://acme.atlassian.net/browse/${key}`,
    riskLevel: 'high',
    score: 0.8,
    newlyFlagged: false,
    reasons: [`reason of ${key}`],
    areas: ['packages/billing'],
    ...changes,
  };
}

const hostile = ticket('SHOP-7', {
  title: '<script>alert(1)</script> Tom & Jerry',
  reasons: ['12 changes & 3 fixes in <b>30 days</b>'],
  areas: ['src/<x>&y'],
  newlyFlagged: true,
});

const digest: GroomingDigest = {
  tickets: [hostile, ticket('SHOP-2', { score: 0.91234, areas: ['packages/billing', 'packages/core'] })],
  sharedAreas: [{ area: 'packages/billing', tickets: ['SHOP-7', 'SHOP-2'] }],
};
const empty: GroomingDigest = { tickets: [], sharedAreas: [] };

describe('renderDigestMarkdown', () => {
  const markdown = renderDigestMarkdown(digest, heading);

  it('heads with project and date, lists newly flagged first, then the shared areas', () => {
    expect(
      markdown.startsWith('## Grooming digest: SHOP, 2026-11-30\n\n2 high-risk tickets, 1 newly flagged.\n'),
    ).toBe(true);
    const order = [
      '### Newly flagged',
      'SHOP-7',
      '### Flagged before',
      'SHOP-2',
      '### Areas several flagged tickets share',
    ];
    const positions = order.map((text) => markdown.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown).toContain(
      '- **[SHOP-2](https://acme.atlassian.net/browse/SHOP-2)** Title of SHOP-2 (high risk, score 0.91)\n' +
        '  - reason of SHOP-2\n' +
        '  - Areas: `packages/billing`, `packages/core`\n',
    );
    expect(markdown).toContain('- `packages/billing`: SHOP-7, SHOP-2\n');
  });

  it('escapes tracker text so a title cannot become markup or a link', () => {
    expect(markdown).toContain('\\<script\\>alert\\(1\\)\\</script\\> Tom & Jerry');
    expect(markdown).toContain('  - 12 changes & 3 fixes in \\<b\\>30 days\\</b\\>\n');
    const linked = renderDigestMarkdown(
      {
        tickets: [ticket('SHOP-9', { url: 'javascript:alert(1)', title: '[x](https://evil.example)' })],
        sharedAreas: [],
      },
      heading,
    );
    expect(linked).toContain('- **SHOP-9** \\[x\\]\\(https://evil.example\\) (high risk');
    expect(linked).not.toContain('javascript:');
  });

  it('says so when nothing is flagged, and when no area is shared', () => {
    expect(renderDigestMarkdown(empty, heading)).toBe(
      '## Grooming digest: SHOP, 2026-11-30\n\nNo ticket of SHOP is flagged high risk.\n',
    );
    const single = renderDigestMarkdown({ tickets: [ticket('SHOP-1')], sharedAreas: [] }, heading);
    expect(single).toContain('1 high-risk ticket, 0 newly flagged.');
    expect(single).toContain(
      '### Areas several flagged tickets share\n\nNo area is shared by two or more flagged tickets.\n',
    );
  });
});

describe('root areas in the digest', () => {
  it('names the root in words in both formats, paths in code', () => {
    const rooted: GroomingDigest = {
      tickets: [ticket('SHOP-3', { areas: ['repository root', 'packages/billing'] })],
      sharedAreas: [{ area: 'repository root', tickets: ['SHOP-3', 'SHOP-4'] }],
    };
    const markdown = renderDigestMarkdown(rooted, heading);
    expect(markdown).toContain('  - Areas: repository root, `packages/billing`');
    expect(markdown).toContain('- repository root: SHOP-3, SHOP-4');
    const html = renderDigestHtml(rooted, heading);
    expect(html).toContain('<li>repository root: SHOP-3, SHOP-4</li>');
    expect(html).not.toContain('<code>repository root</code>');
  });
});

describe('renderDigestHtml', () => {
  const html = renderDigestHtml(digest, heading);

  it('escapes titles, reasons and areas: no <script> or raw & survives', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry</td>');
    expect(html).toContain('<li>12 changes &amp; 3 fixes in &lt;b&gt;30 days&lt;/b&gt;</li>');
    expect(html).toContain('<code>src/&lt;x&gt;&amp;y</code>');
    // Every & left is the start of an entity.
    expect(html.match(/&(?!amp;|lt;|gt;|quot;|#39;)/g)).toBeNull();
  });

  it('links keys to http(s) ticket URLs only, newly flagged table first', () => {
    expect(html).toContain('<a href="https://acme.atlassian.net/browse/SHOP-2">SHOP-2</a>');
    expect(html.indexOf('<h3>Newly flagged</h3>')).toBeLessThan(html.indexOf('<h3>Flagged before</h3>'));
    expect(html).toContain('<td>high risk, score 0.91</td>');
    expect(html).toContain('<li><code>packages/billing</code>: SHOP-7, SHOP-2</li>');
    const unsafe = renderDigestHtml(
      { tickets: [ticket('SHOP-9', { url: 'javascript:alert(1)' })], sharedAreas: [] },
      heading,
    );
    expect(unsafe).not.toContain('href');
    expect(unsafe).toContain('<p>No area is shared by two or more flagged tickets.</p>');
  });

  it('says so when nothing is flagged; the page wraps the fragment', () => {
    expect(renderDigestHtml(empty, heading)).toBe(
      '<section class="sightline-digest">\n<h2>Grooming digest: SHOP, 2026-11-30</h2>\n' +
        '<p>No ticket of SHOP is flagged high risk.</p>\n</section>\n',
    );
    const page = renderDigestHtmlPage(digest, heading);
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain(html.trimEnd());
  });

  it('escapes quotes too, so text is safe inside attributes', () => {
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;');
  });
});
