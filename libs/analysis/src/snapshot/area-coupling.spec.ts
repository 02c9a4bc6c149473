import { FixtureRepo } from '@sightline/testing';
import { analyseRepository } from './analyse-repository';

const T0 = 1_600_000_000;
const DAY = 86_400;
const ada = { name: 'Ada', email: 'ada@example.com' };

describe('area coupling', () => {
  it('does not couple areas by releases that bump every manifest and changelog', async () => {
    const monorepo = FixtureRepo.create();
    try {
      const release = (version: number, time: number) =>
        monorepo.commit({
          message: `release: v${version}`,
          time,
          author: ada,
          files: {
            'CHANGELOG.md': `# ${version}\n`,
            'packages/a/package.json': `{ "name": "a", "version": "${version}" }\n`,
            'packages/b/package.json': `{ "name": "b", "version": "${version}" }\n`,
          },
        });
      monorepo.commit({
        message: 'Add a and b',
        time: T0,
        author: ada,
        files: {
          'packages/a/package.json': '{ "name": "a" }\n',
          'packages/a/index.ts': 'export const a = 1;\n',
          'packages/b/package.json': '{ "name": "b" }\n',
          'packages/b/index.ts': 'export const b = 1;\n',
        },
      });
      for (let v = 1; v <= 4; v++) release(v, T0 + v * DAY);
      const thresholds = { maxChangesetSize: 30, minRevisions: 1, minShared: 1, minDegree: 1 };
      const { snapshot: releases } = await analyseRepository(monorepo.path, { areaCoupling: thresholds });
      // Only the first commit changed code in both packages; the four releases changed none.
      expect(releases.areaCoupling).toEqual([
        { a: 'packages/a', b: 'packages/b', shared: 1, degree: 100, averageRevisions: 1 },
      ]);
      // Nor are they the packages' changes: a version bump is no work on their code.
      expect(releases.areas.find((a) => a.path === 'packages/a')).toMatchObject({ revisions: 1, authors: 1 });
    } finally {
      monorepo.dispose();
    }
  });
});
