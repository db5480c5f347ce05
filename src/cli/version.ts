// The package version, read from package.json when the CLI is built: the bundler inlines only this
// one field, not the whole manifest.
import { version } from '../../package.json';

/** The version of support-rules, as `support-rules --version` prints it. */
export const VERSION: string = version;
