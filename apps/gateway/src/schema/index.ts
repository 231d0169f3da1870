// The schema: one file per entity (see ../../README.md); importing them registers their types.
import { builder } from '../builder';
import './common';
import './plan';
import './work-item';
import './assignment';
import './unit';
import './progress-report';
import './event';
import './user';
import './audit';
import './assessment';
import './analytics';
import './auth';
import './import';
import './downloads';
import './calendar';

builder.queryType({});
builder.mutationType({});

export const schema = builder.toSchema({ sortSchema: true });
