import { FixtureRepo } from '@sightline/testing';
import { analyseRepository } from './analyse-repository';

const T0 = 1_600_000_000;
const DAY = 86_400;
const ada = { name: 'Ada', email: 'ada@example.com' };

describe('build manifests written in code', () => {
  it('reads build.gradle.kts and mix.exs as configuration: package names, no code figures', async () => {
    const repo = FixtureRepo.create();
    try {
      for (let i = 0; i < 3; i++)
        repo.commit({
          message: `Bump dependencies ${i}`,
          time: T0 + i * DAY,
          author: ada,
          files: {
            'core/build.gradle.kts': `plugins { kotlin("jvm") }\nversion = "1.${i}"\n`,
            'core/src/main/kotlin/Cart.kt': `class Cart {\n  fun total(): Int = ${i}\n}\n`,
            'web/mix.exs': `defmodule Web.MixProject do\n  def project, do: [app: :web, version: "0.${i}.0"]\nend\n`,
            'web/lib/web.ex': `defmodule Web do\n  def hello, do: ${i}\nend\n`,
          },
        });
      const { snapshot } = await analyseRepository(repo.path);
      const file = (path: string) => snapshot.files.find((f) => f.path === path);
      for (const manifest of ['core/build.gradle.kts', 'web/mix.exs'])
        expect(file(manifest)).toMatchObject({ language: null, hotspotPercentile: null });
      expect(file('core/src/main/kotlin/Cart.kt')).toMatchObject({ language: 'kotlin' });
      expect(file('web/lib/web.ex')).toMatchObject({ language: 'elixir' });
      // The manifests still mark the packages.
      expect(snapshot.areas.map((a) => [a.path, a.name])).toEqual(
        expect.arrayContaining([
          ['core', 'core'],
          ['web', 'web'],
        ]),
      );
    } finally {
      repo.dispose();
    }
  });
});
