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
import './assessment';
import './analytics';
import './auth';
import './import';
import './downloads';

builder.queryType({});
builder.mutationType({});

export const schema = builder.toSchema({ sortSchema: true });
