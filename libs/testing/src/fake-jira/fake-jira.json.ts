import type {
  FakeJiraUser,
  JiraCommentRecord,
  JiraIssueRecord,
  JiraStatusCategory,
  JiraStoryPointsField,
} from './fake-jira.state';

/** Jira's timestamp format: `2019-08-22T10:01:42.339+0000` (offset without a colon). */
export function jiraDate(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

const CATEGORY: Record<JiraStatusCategory, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' },
};

export function categoryName(category: JiraStatusCategory): string {
  return CATEGORY[category].name;
}

export function userJson(base: string, user: FakeJiraUser): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    displayName: user.displayName,
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    active: true,
    accountType: user.accountId.startsWith('bot') ? 'app' : 'atlassian',
    timeZone: 'Etc/UTC',
  };
}

export function commentJson(
  base: string,
  issue: JiraIssueRecord,
  comment: JiraCommentRecord,
): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author: userJson(base, comment.author),
    body: comment.body,
    updateAuthor: userJson(base, comment.updateAuthor),
    created: jiraDate(comment.created),
    updated: jiraDate(comment.updated),
    jsdPublic: true,
  };
}

function allFields(
  base: string,
  issue: JiraIssueRecord,
  storyPointsField: JiraStoryPointsField | null,
): Record<string, unknown> {
  const projectId = String(10_000 + issue.projectKey.length);
  const category = CATEGORY[issue.statusCategory];
  return {
    summary: issue.summary,
    description: issue.description,
    labels: [...issue.labels],
    components: issue.components.map((name, index) => ({
      self: `${base}/rest/api/3/component/${10_100 + index}`,
      id: String(10_100 + index),
      name,
    })),
    issuetype: {
      self: `${base}/rest/api/3/issuetype/10001`,
      id: '10001',
      name: issue.issueType,
      subtask: false,
      hierarchyLevel: 0,
    },
    status: {
      self: `${base}/rest/api/3/status/1`,
      id: '1',
      name: issue.status,
      statusCategory: {
        self: `${base}/rest/api/3/statuscategory/${category.id}`,
        id: category.id,
        key: issue.statusCategory,
        colorName: category.colorName,
        name: category.name,
      },
    },
    project: {
      self: `${base}/rest/api/3/project/${projectId}`,
      id: projectId,
      key: issue.projectKey,
      name: issue.projectKey,
      projectTypeKey: 'software',
    },
    created: jiraDate(issue.created),
    updated: jiraDate(issue.updated),
    resolution:
      issue.resolution === null
        ? null
        : {
            self: `${base}/rest/api/3/resolution/10000`,
            id: '10000',
            description: 'Work has been completed on this issue.',
            name: issue.resolution,
          },
    resolutiondate: issue.resolutionDate ? jiraDate(issue.resolutionDate) : null,
    statuscategorychangedate: jiraDate(issue.statusCategoryChangeDate),
    ...(storyPointsField ? { [storyPointsField.id]: issue.storyPoints } : {}),
  };
}

const SYSTEM_FIELDS: [id: string, name: string, type: string][] = [
  ['summary', 'Summary', 'string'],
  ['description', 'Description', 'string'],
  ['labels', 'Labels', 'array'],
  ['components', 'Components', 'array'],
  ['issuetype', 'Issue Type', 'issuetype'],
  ['status', 'Status', 'status'],
  ['project', 'Project', 'project'],
  ['created', 'Created', 'datetime'],
  ['updated', 'Updated', 'datetime'],
  ['resolution', 'Resolution', 'resolution'],
  ['resolutiondate', 'Resolved', 'datetime'],
  ['statuscategorychangedate', 'Status Category Changed', 'datetime'],
];

/** `GET /rest/api/3/field`: the system fields the fake models plus the site's story-point field. */
export function fieldsJson(storyPointsField: JiraStoryPointsField | null): Record<string, unknown>[] {
  const system = SYSTEM_FIELDS.map(([id, name, type]) => ({
    id,
    key: id,
    name,
    custom: false,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [id],
    schema: { type, system: id },
  }));
  if (!storyPointsField) return system;
  const number = storyPointsField.id.replace(/^customfield_/, '');
  return [
    ...system,
    {
      id: storyPointsField.id,
      key: storyPointsField.id,
      name: storyPointsField.name,
      untranslatedName: storyPointsField.name,
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: [`cf[${number}]`, storyPointsField.name],
      schema: {
        type: 'number',
        custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
        customId: Number(number),
      },
    },
  ];
}

/**
 * An issue as REST v3 returns it. `fields` undefined means every field (GET issue default); an
 * explicit list selects (`*all`/`*navigable` mean all); search/jql passes `['id']` by default.
 */
export function issueJson(
  base: string,
  issue: JiraIssueRecord,
  fields: string[] | undefined,
  properties: string[] = [],
  storyPointsField: JiraStoryPointsField | null = null,
): Record<string, unknown> {
  const every = allFields(base, issue, storyPointsField);
  const wantsAll = fields === undefined || fields.some((f) => f === '*all' || f === '*navigable');
  const selected = wantsAll
    ? every
    : Object.fromEntries(Object.entries(every).filter(([name]) => fields.includes(name)));
  const json: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields: selected,
  };
  const wanted = properties.includes('*all') ? [...issue.properties.keys()] : properties;
  const props = wanted.filter((key) => issue.properties.has(key));
  if (props.length > 0)
    json.properties = Object.fromEntries(props.map((key) => [key, issue.properties.get(key)]));
  return json;
}

/** Jira's error envelope. */
export function jiraError(messages: string[], errors: Record<string, string> = {}): Record<string, unknown> {
  return { errorMessages: messages, errors };
}
