import { backlogJql } from './jira-backlog-jql';

describe('backlogJql', () => {
  it('defaults to the project’s un-started tickets, most recently updated first', () => {
    expect(backlogJql('SHOP')).toBe('project = "SHOP" AND statusCategory = "To Do" ORDER BY updated DESC');
    expect(backlogJql('SHOP', '  ')).toBe(backlogJql('SHOP'));
  });

  it('keeps the sweep inside the project and wraps the mapping’s filter', () => {
    expect(backlogJql('SHOP', 'labels = grooming OR priority = High')).toBe(
      'project = "SHOP" AND (labels = grooming OR priority = High) ORDER BY updated DESC',
    );
  });

  it('moves the filter’s own ORDER BY outside the parentheses, but not one inside quotes', () => {
    expect(backlogJql('SHOP', 'statusCategory != Done order by created ASC')).toBe(
      'project = "SHOP" AND (statusCategory != Done) order by created ASC',
    );
    expect(backlogJql('SHOP', 'summary ~ "sort ORDER BY date"')).toBe(
      'project = "SHOP" AND (summary ~ "sort ORDER BY date") ORDER BY updated DESC',
    );
    expect(backlogJql('SHOP', 'ORDER BY rank')).toBe('project = "SHOP" ORDER BY rank');
  });
});
