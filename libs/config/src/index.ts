export { envSchema, type Config, type Role } from './env.schema';
export { loadConfig, loadConfigOrExit, loadConfigSubset, ConfigError } from './load-config';
export { ConfigModule, CONFIG, InjectConfig } from './config.module';
export { childProcessEnvironment } from './child-environment';
