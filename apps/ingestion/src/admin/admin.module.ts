import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuditLogController } from './audit-log.controller';

@Module({ controllers: [ApiKeysController, AuditLogController], providers: [ApiKeysService] })
export class AdminModule {}
