export { adfSchemaErrors } from './adf-schema.validator';
export { FakeJira, type FakeJiraOptions, type JiraHumanEdit } from './fake-jira.server';
export type {
  FakeJiraUser,
  JiraEvent,
  JiraIssueRecord,
  JiraIssueSeed,
  JiraStatusCategory,
} from './fake-jira.state';
export {
  jiraSignature,
  jiraWebhookHeaders,
  sendJiraWebhook,
  type JiraWebhookSendOptions,
} from './fake-jira.webhooks';
