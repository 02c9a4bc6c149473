import { Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { AdminController } from '@sightline/platform';
import {
  AreaQueryDto,
  AreasQueryDto,
  CouplingQueryDto,
  DependenciesQueryDto,
  FigurePageDto,
  HotspotsQueryDto,
} from './snapshot-reads.dto';
import { SnapshotReadsService } from './snapshot-reads.service';

/** The figures of each repository's latest snapshot. Paths inside a route are URL-encoded (`src%2Fcheckout`). */
@AdminController('api/repositories/:id', 'snapshots')
export class SnapshotReadsController {
  constructor(private readonly reads: SnapshotReadsService) {}

  @Get('hotspots')
  @ApiOkResponse({ type: FigurePageDto, description: 'files, hottest first unless `sort` says otherwise' })
  hotspots(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: HotspotsQueryDto) {
    return this.reads.files(id, query);
  }

  @Get('areas')
  @ApiOkResponse({ type: FigurePageDto })
  areas(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: AreasQueryDto) {
    return this.reads.areas(id, query);
  }

  @Get('areas/:areaPath')
  @ApiParam({ name: 'areaPath', description: 'URL-encoded area path' })
  @ApiOkResponse({
    description: 'area figures, its files, who depends on it and what it changes together with',
  })
  area(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('areaPath') areaPath: string,
    @Query() query: AreaQueryDto,
  ) {
    return this.reads.area(id, areaPath, query);
  }

  @Get('files/:path')
  @ApiParam({ name: 'path', description: 'URL-encoded file path' })
  file(@Param('id', new ParseUUIDPipe()) id: string, @Param('path') path: string) {
    return this.reads.file(id, path);
  }

  @Get('coupling')
  @ApiOkResponse({ type: FigurePageDto })
  coupling(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: CouplingQueryDto) {
    return this.reads.coupling(id, query);
  }

  @Get('dependencies')
  @ApiOkResponse({ type: FigurePageDto })
  dependencies(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: DependenciesQueryDto) {
    return this.reads.dependencies(id, query);
  }
}
