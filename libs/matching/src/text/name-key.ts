import { stem } from './stemmer';

/**
 * One comparable key for a name however it is written: `StringUtils`, `string_utils`,
 * `string-utils` and the words "string utils" all become `stringutil`. Used to spot file and
 * symbol names that a ticket writes as plain words.
 */
export function nameKey(name: string): string {
  return stem(name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
}
