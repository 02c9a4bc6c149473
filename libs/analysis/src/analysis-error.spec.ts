import { GitCommandError } from './analysis-error';

describe('GitCommandError', () => {
  it.each([
    'fatal: unable to read 96cc558853a03c5d901661af837fceb7a81f58f6',
    'fatal: unable to read tree a0b17eb7f8eba95c76ff14a4d2cce51b601e76f2',
    'error: Could not read 4a01c906805b43525f40fdd7d2bbe14ba2eba396\nfatal: bad object HEAD~3',
  ])('knows a missing object when git says "%s", and says how to repair the clone', (stderr) => {
    const error = new GitCommandError(['log', '--numstat'], 128, stderr);
    expect(error.missingObjects).toBe(true);
    expect(error.message).toContain('git fetch --refetch');
  });

  it('does not blame the clone for other failures', () => {
    const error = new GitCommandError(['log'], 128, "fatal: ambiguous argument 'nope': unknown revision");
    expect(error.missingObjects).toBe(false);
    expect(error.message).not.toContain('git fetch --refetch');
  });
});
