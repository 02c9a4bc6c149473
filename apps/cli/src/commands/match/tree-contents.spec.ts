import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureRepo } from '@sightline/testing';
import { readTreeContents } from './tree-contents';

describe('readTreeContents', () => {
  let repo: FixtureRepo;

  beforeAll(() => {
    repo = FixtureRepo.create();
    repo.write('src/cart.ts', 'export const total = 1;\n');
    repo.write('src/big.ts', 'x'.repeat(200));
    symlinkSync('../src/cart.ts', join(repo.path, 'src', 'cart-link.ts'));
    repo.git(['add', '-A']);
    repo.commit({ message: 'Add the cart', time: 1_700_000_000, allowEmpty: true });
  });

  afterAll(() => repo.dispose());

  it('reads the source text of regular files, leaving out symbolic links and files over the size cap', async () => {
    const files = await readTreeContents(repo.path, 'HEAD', (path) => path.endsWith('.ts'), 100);
    expect(files).toEqual([{ path: 'src/cart.ts', content: 'export const total = 1;\n' }]);
  });
});
