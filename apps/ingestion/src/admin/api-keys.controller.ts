import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import {
  AdminController,
  CurrentPrincipal,
  RequestId,
  RequireRole,
  type Principal,
} from '@sightline/platform';
import { ApiKeyDto, CreateApiKeyDto, IssuedApiKeyDto } from './api-key.dto';
import { ApiKeysService } from './api-keys.service';

@AdminController('api/keys', 'api-keys')
@RequireRole('admin')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOkResponse({ type: [ApiKeyDto] })
  list() {
    return this.keys.list();
  }

  @Post()
  @ApiCreatedResponse({ type: IssuedApiKeyDto, description: 'the key itself appears only in this response' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiKeyDto,
    @RequestId() requestId?: string,
  ) {
    return this.keys.issue(principal, body, requestId);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @RequestId() requestId?: string,
  ) {
    return this.keys.revoke(principal, id, requestId);
  }
}
