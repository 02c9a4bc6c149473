/** Jira labels cannot contain spaces (400 otherwise), hence a different spelling per tracker. */
export const JIRA_RISK_LABEL = 'sightline-risk-high';
export const LINEAR_RISK_LABEL = 'Sightline: high risk';
/**
 * Applied by a person to say "the area this note leads with is wrong". Sightline records that as
 * feedback, removes the label again and re-matches the ticket (docs/enrichment.md).
 */
export const JIRA_FEEDBACK_LABEL = 'sightline-wrong-area';
export const LINEAR_FEEDBACK_LABEL = 'Sightline: wrong area';
/** Jira issue property holding the machine-readable report. */
export const JIRA_PROPERTY_KEY = 'sightline';
/** Jira's documented limit for an issue property value (characters of its JSON). */
export const JIRA_PROPERTY_MAX_CHARS = 32_768;
/**
 * Printed in every note so our comment can be found again after a crash (together with the bot
 * author). Distinctive enough not to collide with other automation using the same account.
 */
export const NOTE_MARKER = 'sightline:note';
