import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';

let validator: ValidateFunction | null = null;

/**
 * The official ADF JSON schema published in @atlaskit/adf-schema (draft-04; Ajv 8 reads it once
 * the `$schema` pointer is dropped, since nothing in it differs from draft-07 semantics).
 */
function adfValidator(): ValidateFunction {
  if (validator) return validator;
  const path = require.resolve('@atlaskit/adf-schema/json-schema/v1/full.json');
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  validator = new Ajv({ strict: false, allErrors: true }).compile(schema);
  return validator;
}

/** Schema violations of an ADF document, empty when it is valid. */
export function adfSchemaErrors(document: unknown): string[] {
  const validate = adfValidator();
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`,
  );
}
