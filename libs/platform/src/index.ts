export { PlatformModule, type PlatformOptions } from './platform.module';
export { createServiceApp, limitShutdownTo, type ServiceAppOptions } from './bootstrap';
export { AdminController } from './auth/admin-controller.decorator';
export { RequireRole } from './auth/require-role.decorator';
export type { Principal } from './auth/principal';
export { AuditService, type AuditAction } from './http/audit.service';
export { ErrorBodyFilter, type ErrorBody } from './http/error-body.filter';
export { REDACTED_PATHS } from './logging';
export { CurrentPrincipal, RequestId } from './http/request-context';
