// Loaded with NODE_OPTIONS=--import by the CLI test: any attempt to load the database package or a
// Prisma client fails, as on a checkout whose Prisma clients were never generated.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (/^@qxg\\/db(\\/|$)|^@prisma\\/|[\\\\/]db[\\\\/]src[\\\\/]generated[\\\\/]|^better-sqlite3$|^pg$/.test(specifier)) {
    throw new Error('no database here: ' + specifier);
  }
  return next(specifier, context);
}`)}`,
);
