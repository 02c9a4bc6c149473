import { JiraTrackerClient } from './jira/jira-tracker.client';
import { LinearTrackerClient } from './linear/linear-tracker.client';
import type { TrackerClient } from './tracker-client.port';
import type { TrackerConnectionSettings } from './tracker-options';

/** One adapter per connection; reuse it across jobs (it caches the bot identity, states and labels). */
export function createTrackerClient(settings: TrackerConnectionSettings): TrackerClient {
  return settings.kind === 'jira' ? new JiraTrackerClient(settings) : new LinearTrackerClient(settings);
}
