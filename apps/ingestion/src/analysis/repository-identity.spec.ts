import { repositoryIdentity } from './repository-identity';

describe('repositoryIdentity', () => {
  it('gives every spelling of one repository the same identity', () => {
    const spellings = [
      'https://github.com/acme/shop.git',
      'https://GitHub.com/acme/shop',
      'https://github.com/acme/shop/',
      'git@github.com:acme/shop.git',
      'ssh://git@github.com/acme/shop.git',
      'git://github.com/acme/shop',
      // GitHub's push names the repository as GitHub spells it.
      'https://github.com/Acme/Shop.git',
    ];
    expect(new Set(spellings.map(repositoryIdentity))).toEqual(new Set(['github.com/acme/shop']));
  });

  it('keeps ports and nested groups', () => {
    expect(repositoryIdentity('https://gitlab.example.com:8443/Group/Sub/Repo.git')).toBe(
      'gitlab.example.com:8443/group/sub/repo',
    );
    expect(repositoryIdentity('http://127.0.0.1:4000/shop.git')).toBe('127.0.0.1:4000/shop');
  });

  it('returns null for what is not a repository URL', () => {
    expect(repositoryIdentity('not a url')).toBeNull();
    expect(repositoryIdentity('https://github.com/')).toBeNull();
  });
});
