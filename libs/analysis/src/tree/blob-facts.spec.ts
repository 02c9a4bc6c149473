import { FixtureRepo } from '@sightline/testing';
import { analyseRepository } from '../snapshot/analyse-repository';
import { isMinified } from './blob-facts';

// One line of a bundle: 40 statements, far past Linguist's 110 characters per line on average.
const BUNDLE = Array.from({ length: 40 }, (_, i) => `function f${i}(a){return a&&a.b?a.b(${i}):null}`).join(
  ';',
);
const SOURCE = Array.from(
  { length: 40 },
  (_, i) => `export function f${i}(a) {\n  return a ? a.b(${i}) : null;\n}\n`,
).join('\n');

describe('isMinified', () => {
  it('takes scripts and stylesheets with long average lines for bundles, by extension only', () => {
    expect(isMinified('web/vendor-ish/firebase-app.js', BUNDLE)).toBe(true);
    expect(isMinified('static/site.css', `.a{color:red}`.repeat(20))).toBe(true);
    expect(isMinified('src/app.js', SOURCE)).toBe(false);
    // A long line in Python or in a short file is not a bundle.
    expect(isMinified('src/data.py', BUNDLE)).toBe(false);
    expect(isMinified('src/one.js', 'export const x = 1;')).toBe(false);
  });

  it('lists a checked-in bundle as not read, so it has no functions and no hotspot', async () => {
    const repo = FixtureRepo.create();
    try {
      repo.commit({
        message: 'Add the app and a vendored bundle',
        time: 1_600_000_000,
        files: { 'src/app.js': SOURCE, 'web/firebase/firebase-app.js': BUNDLE },
      });
      const { snapshot } = await analyseRepository(repo.path, { rev: 'HEAD', parserThreads: 0 });
      expect(snapshot.skipped).toEqual([
        { path: 'web/firebase/firebase-app.js', reason: 'minified', size: Buffer.byteLength(BUNDLE) },
      ]);
      const bundle = snapshot.files.find((f) => f.path === 'web/firebase/firebase-app.js');
      expect(bundle).toMatchObject({ language: null, loc: 0, hotspotPercentile: null });
      expect(snapshot.files.find((f) => f.path === 'src/app.js')?.complexity.functions).toBe(40);
    } finally {
      repo.dispose();
    }
  });
});
