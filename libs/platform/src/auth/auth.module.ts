import { Global, Module } from '@nestjs/common';
import { AuditService } from '../http/audit.service';
import { AdminAuthGuard } from './admin-auth.guard';
import { ApiKeyAuthenticator } from './api-key-authenticator';

@Global()
@Module({
  providers: [ApiKeyAuthenticator, AdminAuthGuard, AuditService],
  exports: [ApiKeyAuthenticator, AdminAuthGuard, AuditService],
})
export class AuthModule {}
