import { SetMetadata } from '@nestjs/common';
import type { ApiKeyRole } from '@sightline/persistence';

export const REQUIRED_ROLE = 'sightline:required-role';

export const RequireRole = (role: ApiKeyRole) => SetMetadata(REQUIRED_ROLE, role);
