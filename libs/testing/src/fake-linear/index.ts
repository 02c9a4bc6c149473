export {
  FakeLinear,
  type FakeLinearOptions,
  type LinearHumanEdit,
  type LinearIssueSeed,
} from './fake-linear.server';
export type {
  LinearAttachmentRecord,
  LinearCommentRecord,
  LinearEvent,
  LinearIssueRecord,
  LinearLabelRecord,
  LinearStateType,
  LinearTeamRecord,
  LinearUserRecord,
} from './fake-linear.state';
export {
  linearSignature,
  linearWebhookRequest,
  sendLinearWebhook,
  type LinearWebhookSendOptions,
} from './fake-linear.webhooks';
