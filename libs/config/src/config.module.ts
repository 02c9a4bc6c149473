import { Global, Inject, Module, type DynamicModule } from '@nestjs/common';
import type { Config } from './env.schema';

export const CONFIG = Symbol('sightline.config');

/** Injects the validated configuration: `constructor(@InjectConfig() config: Config)`. */
export const InjectConfig = () => Inject(CONFIG);

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Config): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}
